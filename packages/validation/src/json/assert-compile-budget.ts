import { SchemaParseError } from '../schema-format.js';
import type { PreparedReferences } from './prepare-references.js';

/**
 * Most compile units (see {@link assertCompileBudget}) one JSON Schema and its references may
 * cost. ajv compiles about 1,000-3,000 subschemas per second on a busy two-core machine (a
 * 10,000-property object: 6.5 s there), so this keeps one compilation to a few seconds at
 * worst; real data contracts stay far below it.
 */
export const MAX_COMPILE_UNITS = 10_000;

/**
 * ajv inlines a `$ref` to a schema with no refs and at most this many keywords (`inlineRefs`
 * in `createAjv`); larger targets compile once into a shared function. With ajv's default
 * (inline any size) 1,000 refs to a 30-property definition took 33 s to compile; with this
 * limit, 0.8 s.
 */
export const INLINE_REF_KEYWORDS = 8;

/** Keywords whose values are data, not schemas: ajv generates no code per element. */
const DATA_KEYWORDS = new Set(['const', 'enum', 'default', 'examples']);

/**
 * Refuses, at parse, a schema whose compilation would be too costly, so it is never stored and
 * then compiled at validation time. The cost is counted without compiling: every object and
 * array in a schema position (data keywords excluded) is a unit, each `$ref` adds the
 * keywords ajv inlines for it (see {@link refUnits}), and referenced schemas count too (they
 * compile with the schema).
 * Past `maxUnits` (default {@link MAX_COMPILE_UNITS}) it throws {@link SchemaParseError}.
 */
export function assertCompileBudget(
  native: unknown,
  references: PreparedReferences | undefined,
  maxUnits = MAX_COMPILE_UNITS,
): void {
  let units = 0;
  const inlined = new Map<string, number>();
  const documents = [native, ...(references?.documents.map((document) => document.schema) ?? [])];
  const stack: unknown[] = [...documents];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    units++;
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
    } else {
      const record = value as Record<string, unknown>;
      if (typeof record.$ref === 'string') units += refUnits(native, record.$ref, inlined);
      for (const key of Object.keys(record)) {
        if (!DATA_KEYWORDS.has(key)) stack.push(record[key]);
      }
    }
    if (units > maxUnits) {
      const message = `compiling it would cost more than ${maxUnits} units (subschemas plus what ajv inlines at each $ref, references included); simplify it`;
      throw new SchemaParseError(`schema is too costly to compile: ${message}`, [
        { path: '', message: `compile budget exceeded: ${message}` },
      ]);
    }
  }
}

/**
 * What ajv's code for one `$ref` costs: the target's keyword count when ajv inlines it (no
 * `$ref` inside, at most {@link INLINE_REF_KEYWORDS} keywords, as ajv's `countKeys` counts),
 * else nothing beyond the ref's own unit (a call to the target's shared function). A ref that is not a plain pointer into this
 * schema is counted at the inlining limit. Memoised per ref.
 */
function refUnits(root: unknown, ref: string, memo: Map<string, number>): number {
  let units = memo.get(ref);
  if (units !== undefined) return units;
  const target = ref.startsWith('#') ? resolvePointer(root, ref.slice(1)) : undefined;
  if (target === undefined) units = INLINE_REF_KEYWORDS;
  else {
    const keys = countKeys(target, INLINE_REF_KEYWORDS);
    units = keys <= INLINE_REF_KEYWORDS ? keys : 0;
  }
  memo.set(ref, units);
  return units;
}

/** ajv's `countKeys`: keywords counted recursively, a `$ref` anywhere is infinite; stops past `limit`. */
function countKeys(schema: unknown, limit: number): number {
  if (typeof schema !== 'object' || schema === null) return 0;
  let count = 0;
  const items = Array.isArray(schema) ? schema : [schema];
  for (const item of items) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) continue;
    for (const [key, value] of Object.entries(item)) {
      if (key === '$ref') return Number.POSITIVE_INFINITY;
      count++;
      if (!DATA_KEYWORDS.has(key)) count += countKeys(value, limit - count);
      if (count > limit) return count;
    }
  }
  return count;
}

/** The value at a URI-fragment JSON pointer (`/$defs/a`), or undefined. */
function resolvePointer(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  if (!pointer.startsWith('/')) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pointer);
  } catch {
    return undefined;
  }
  let current = root;
  for (const raw of decoded.slice(1).split('/')) {
    const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
