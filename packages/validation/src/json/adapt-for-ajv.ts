/** Keywords whose values are data, not subschemas: never rewritten. */
const DATA_KEYWORDS = new Set(['const', 'default', 'examples', 'enum']);

/**
 * Rewrites what ajv refuses but JSON Schema allows, keeping every JSON pointer valid:
 * `"enum": []` (ajv: "enum must have non-empty array") becomes a `false` schema appended to
 * `allOf`, which matches nothing, just like an empty enum. Returns the input itself when
 * there is nothing to rewrite. Callers bound the depth first.
 */
export function adaptForAjv(schema: unknown): unknown {
  return needsRewrite(schema) ? rewrite(schema) : schema;
}

function isEmptyEnumSchema(value: Record<string, unknown>): boolean {
  const values = value.enum;
  return Object.hasOwn(value, 'enum') && Array.isArray(values) && values.length === 0;
}

function needsRewrite(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some(needsRewrite);
  const record = value as Record<string, unknown>;
  if (isEmptyEnumSchema(record)) return true;
  for (const key of Object.keys(record)) {
    if (!DATA_KEYWORDS.has(key) && needsRewrite(record[key])) return true;
  }
  return false;
}

function rewrite(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(rewrite);
  const record = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    const child = DATA_KEYWORDS.has(key) ? record[key] : rewrite(record[key]);
    Object.defineProperty(copy, key, {
      value: child,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  if (isEmptyEnumSchema(record)) {
    delete copy.enum;
    copy.allOf = [...(Array.isArray(copy.allOf) ? copy.allOf : []), false];
  }
  return copy;
}
