import { isSchemaObject } from './walk-schema.ts';

/** True for a `$ref` into the same document (`#` or `#/json/pointer`). */
export function isLocalRef(ref: string): boolean {
  return ref === '#' || ref.startsWith('#/');
}

/**
 * Resolves a local `$ref` (`#` or `#/json/pointer`, RFC 6901 with percent-decoding as in a URI
 * fragment) against `root`; `undefined` for external or unresolvable references.
 *
 * @example
 * ```ts
 * resolveLocalRef({ $defs: { a: { type: 'string' } } }, '#/$defs/a'); // { type: 'string' }
 * ```
 */
export function resolveLocalRef(root: unknown, ref: string): unknown {
  if (!isLocalRef(ref)) return undefined;
  if (ref === '#') return root;
  let current: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    segment = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) {
      if (!/^(0|[1-9][0-9]*)$/.test(segment)) return undefined;
      current = current[Number(segment)];
    } else if (isSchemaObject(current) && Object.hasOwn(current, segment)) {
      current = current[segment];
    } else {
      return undefined;
    }
  }
  return current;
}
