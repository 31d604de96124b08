import type { Condition, Operand } from './condition.js';
import type { JsonObject, JsonValue } from './variable.js';

/** Wraps `schema` so it applies at a dotted path, requiring every step to be present. */
export function requiredAt(path: string, schema: JsonObject): JsonObject {
  return path
    .split('.')
    .reverse()
    .reduce<JsonObject>(
      (inner, key) => ({ type: 'object', required: [key], properties: { [key]: inner } }),
      schema,
    );
}

/** Wraps `schema` so it applies at the given object path only when the path exists. */
export function propertyAt(parts: readonly string[], schema: JsonObject): JsonObject {
  return [...parts]
    .reverse()
    .reduce<JsonObject>((inner, key) => ({ type: 'object', properties: { [key]: inner } }), schema);
}

function literal(operand: Operand): JsonValue | undefined {
  return typeof operand === 'object' ? undefined : operand;
}

/**
 * Translates a condition into an equivalent JSON Schema (draft-07), or `undefined` when it
 * compares two variables, which JSON Schema cannot express. An absent variable fails every
 * comparison, as in the evaluator, because each comparison requires its path.
 */
export function conditionSchema(condition: Condition): JsonObject | undefined {
  if ('all' in condition || 'any' in condition) {
    const items = 'all' in condition ? condition.all : condition.any;
    const schemas = items.map(conditionSchema);
    if (schemas.some((s) => s === undefined)) return undefined;
    if ('all' in condition) return schemas.length === 0 ? {} : { allOf: schemas as JsonObject[] };
    return schemas.length === 0 ? { not: {} } : { anyOf: schemas as JsonObject[] };
  }
  if ('not' in condition) {
    const inner = conditionSchema(condition.not);
    return inner && { not: inner };
  }
  if ('when' in condition) {
    const when = conditionSchema(condition.when);
    const then = conditionSchema(condition.then);
    return when && then && { if: when, then };
  }
  if ('in' in condition) return requiredAt(condition.var, { enum: condition.in });
  if ('nin' in condition) return requiredAt(condition.var, { not: { enum: condition.nin } });
  if ('eq' in condition || 'ne' in condition) {
    const value = literal('eq' in condition ? condition.eq : condition.ne);
    if (value === undefined) return undefined;
    return requiredAt(
      condition.var,
      'eq' in condition ? { const: value } : { not: { const: value } },
    );
  }
  const [keyword, operand] =
    'lt' in condition
      ? ['exclusiveMaximum', condition.lt]
      : 'lte' in condition
        ? ['maximum', condition.lte]
        : 'gt' in condition
          ? ['exclusiveMinimum', condition.gt]
          : ['minimum', condition.gte];
  const value = literal(operand);
  if (value === undefined) return undefined;
  return requiredAt(condition.var, { type: 'number', [keyword]: value });
}
