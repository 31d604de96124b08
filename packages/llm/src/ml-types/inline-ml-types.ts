import { type MlTypeName, mlTypeId, mlTypeNameOf } from './ml-type-ids.js';
import { type JsonSchemaObject, ML_TYPE_SCHEMAS } from './ml-type-schemas.js';

/** Prefix of the `$defs` entries {@link inlineMlTypes} adds, e.g. `llmsr_ml_embedding`. */
export const ML_TYPE_DEF_PREFIX = 'llmsr_ml_';

/** Nesting beyond which a schema is refused rather than walked (hostile input). */
const MAX_DEPTH = 256;

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  // Plain assignment of "__proto__" (a legal property name) would replace the prototype.
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/**
 * A self-contained copy of `schema` in which every `$ref` to an ML type `$id` points to a copy
 * of that type under `$defs` (`#/$defs/llmsr_ml_<name>`, types they reference included), for
 * consumers that cannot resolve the registry's ids, such as provider structured-output modes.
 * The `x-*` keywords stay; the input is not changed. Throws a `RangeError` for schemas nested
 * deeper than 256 levels or with a conflicting `$defs` entry of the same name.
 *
 * @example
 * inlineMlTypes({ type: 'object', properties: { p: { $ref: mlTypeId('probability') } } });
 * // { type: 'object', properties: { p: { $ref: '#/$defs/llmsr_ml_probability' } },
 * //   $defs: { llmsr_ml_probability: { title: 'Probability', type: 'number', minimum: 0, maximum: 1, ... } } }
 */
export function inlineMlTypes(schema: JsonSchemaObject): JsonSchemaObject {
  const defs = new Map<MlTypeName, unknown>();
  const include = (name: MlTypeName, depth: number) => {
    if (defs.has(name)) return;
    defs.set(name, undefined);
    const { $id: _id, $schema: _dialect, ...body } = ML_TYPE_SCHEMAS[mlTypeId(name)]!;
    defs.set(name, copy(body, depth));
  };
  const copy = (node: unknown, depth: number): unknown => {
    if (depth > MAX_DEPTH) throw new RangeError(`schema nests deeper than ${MAX_DEPTH} levels`);
    if (Array.isArray(node)) return node.map((item) => copy(item, depth + 1));
    if (typeof node !== 'object' || node === null) return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      const name = key === '$ref' && typeof value === 'string' ? mlTypeNameOf(value) : undefined;
      if (name) {
        include(name, depth + 1);
        define(out, key, `#/$defs/${ML_TYPE_DEF_PREFIX}${name}`);
      } else define(out, key, copy(value, depth + 1));
    }
    return out;
  };
  const result = copy(schema, 0) as JsonSchemaObject;
  if (defs.size === 0) return result;
  const existing = result.$defs;
  const merged: Record<string, unknown> =
    typeof existing === 'object' && existing !== null ? { ...(existing as object) } : {};
  for (const [name, body] of defs) {
    const key = `${ML_TYPE_DEF_PREFIX}${name}`;
    if (Object.hasOwn(merged, key)) throw new RangeError(`$defs already has an entry "${key}"`);
    merged[key] = body;
  }
  result.$defs = merged;
  return result;
}
