import { resolveLocalRef } from './resolve-ref.ts';
import { typesOf } from './schema-graph.ts';
import { isSchemaObject } from './walk-schema.ts';

/**
 * True when `null` is a valid instance of `schema` as far as a shallow look can tell: a `null`
 * type, a `null` enum or const value, a schema whose keywords apply only to other types, an
 * `anyOf`/`oneOf` branch (or a few local `$ref` hops) that accepts null; `not` counts as no. Used to decide whether an optional property can be
 * made nullable without confusing "absent" with "null".
 */
export function acceptsNull(schema: unknown, root: unknown, budget = { steps: 1000 }): boolean {
  if (schema === true) return true;
  if (!isSchemaObject(schema)) return false;
  // Bounded on hostile nesting. Running out answers yes, the safe side: the caller then keeps
  // the property non-null and reports the lost optionality instead of rewriting nulls.
  if (--budget.steps < 0) return true;
  const types = typesOf(schema);
  if (types.length > 0 && !types.includes('null')) return false;
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) return false;
  if ('const' in schema && schema.const !== null) return false;
  if (
    typeof schema.$ref === 'string' &&
    !acceptsNull(resolveLocalRef(root, schema.$ref), root, budget)
  ) {
    return false;
  }
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const branches = schema[keyword];
    if (Array.isArray(branches) && !branches.some((b) => acceptsNull(b, root, budget)))
      return false;
  }
  if (Array.isArray(schema.allOf) && !schema.allOf.every((b) => acceptsNull(b, root, budget)))
    return false;
  if (schema.not !== undefined) return false;
  // Nothing above rules null out: every remaining keyword applies to other types only.
  return true;
}
