import { compileLinearRegExp } from '../regex/compile-linear-reg-exp.js';
import type { ResolvedReference } from '../schema-format.js';

const DYNAMIC_KEYWORDS = [
  '$dynamicRef',
  '$recursiveRef',
  '$anchor',
  '$dynamicAnchor',
  '$recursiveAnchor',
];

/**
 * True when every `$ref` in a schema plainly resolves: a JSON pointer into the schema itself
 * (`#`, `#/$defs/x`) or exactly the name of a reference. Parsing then skips ajv's compile (the
 * dearest step of registering a schema) and leaves it to the first validation. Anything less
 * plain (nested `$id`, anchors, dynamic refs, relative URIs, fragments into references, an
 * invalid `pattern` or one RE2 cannot run, one of `customKeywords`, whose value ajv checks) answers false, and the caller compiles to let ajv decide: the shortcut may only ever be conservative.
 */
export function refsResolveLocally(
  native: unknown,
  references: readonly ResolvedReference[],
  customKeywords: ReadonlySet<string> = new Set(),
): boolean {
  const names = new Set<string>();
  const seen = new Set<ResolvedReference>();
  const queue = [...references];
  // Reference graphs may be cyclic (a hostile caller can build one): visit each node once.
  while (queue.length > 0) {
    const reference = queue.pop()!;
    if (seen.has(reference)) continue;
    seen.add(reference);
    names.add(reference.name);
    queue.push(...(reference.references ?? []));
  }
  const stack: unknown[] = [native];
  let isRoot = true;
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) {
      isRoot = false;
      continue;
    }
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
      isRoot = false;
      continue;
    }
    const record = value as Record<string, unknown>;
    if (!isRoot && Object.hasOwn(record, '$id')) return false;
    if (
      !isRoot &&
      Object.hasOwn(record, 'id') &&
      typeof record.id === 'string' &&
      record.id.includes('#')
    ) {
      return false;
    }
    isRoot = false;
    for (const keyword of DYNAMIC_KEYWORDS) if (Object.hasOwn(record, keyword)) return false;
    // ajv checks a custom keyword's value against its metaSchema when compiling.
    for (const keyword of customKeywords) if (Object.hasOwn(record, keyword)) return false;
    if (Object.hasOwn(record, '$ref')) {
      const ref = record.$ref;
      if (typeof ref !== 'string') return false;
      if (!names.has(ref) && !pointerResolves(native, ref)) return false;
    }
    // ajv reports invalid (and RE2-inexpressible) patterns when compiling: leave those to it.
    if (typeof record.pattern === 'string' && !isRegExp(record.pattern)) return false;
    const patternProperties = record.patternProperties;
    if (typeof patternProperties === 'object' && patternProperties !== null) {
      for (const pattern of Object.keys(patternProperties)) if (!isRegExp(pattern)) return false;
    }
    for (const key of Object.keys(record)) stack.push(record[key]);
  }
  return true;
}

function isRegExp(source: string): boolean {
  try {
    compileLinearRegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

function pointerResolves(root: unknown, ref: string): boolean {
  if (!ref.startsWith('#')) return false;
  if (ref === '#') return true;
  if (!ref.startsWith('#/')) return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(ref.slice(2));
  } catch {
    return false;
  }
  let current: unknown = root;
  for (const raw of decoded.split('/')) {
    const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) {
      return false;
    }
    current = (current as Record<string, unknown>)[segment];
  }
  return typeof current === 'boolean' || (typeof current === 'object' && current !== null);
}
