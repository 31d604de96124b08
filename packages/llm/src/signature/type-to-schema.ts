import { embeddingSchema } from '../ml-types/embedding-schema.js';
import { mlTypeId } from '../ml-types/ml-type-ids.js';
import type { JsonSchemaObject } from '../ml-types/ml-type-schemas.js';
import { tensorSchema } from '../ml-types/tensor-schema.js';
import type { FieldType } from './field-type.js';

const copy = (target: JsonSchemaObject, source: object, keys: readonly string[]) => {
  for (const key of keys) {
    const value = (source as Record<string, unknown>)[key];
    if (value !== undefined) target[key] = value;
  }
  return target;
};

/**
 * The JSON Schema (draft 2020-12) of a field type. ML types become a `$ref` to their stable
 * `$id` (see `ML_TYPE_SCHEMAS`), with parameters as sibling keywords; `Optional[T]` becomes
 * `anyOf: [T, null]`.
 */
export function typeToSchema(type: FieldType): JsonSchemaObject {
  switch (type.kind) {
    case 'string':
      return copy({ type: 'string' }, type, ['minLength', 'maxLength', 'pattern']);
    case 'integer':
      return copy({ type: 'integer' }, type, ['minimum', 'maximum']);
    case 'float':
      return copy({ type: 'number' }, type, ['minimum', 'maximum']);
    case 'boolean':
      return { type: 'boolean' };
    case 'any':
      return {};
    case 'list': {
      const schema: JsonSchemaObject = { type: 'array' };
      if (type.items.kind !== 'any') schema.items = typeToSchema(type.items);
      return copy(schema, type, ['minItems', 'maxItems']);
    }
    case 'dict':
      return type.values.kind === 'any'
        ? { type: 'object' }
        : { type: 'object', additionalProperties: typeToSchema(type.values) };
    case 'optional':
      return { anyOf: [typeToSchema(type.inner), { type: 'null' }] };
    case 'literal': {
      const kinds = new Set(type.values.map((value) => typeof value));
      const schema: JsonSchemaObject = { enum: [...type.values] };
      // A single JSON type is stated too, which providers' structured-output modes want.
      if (kinds.size === 1) schema.type = kinds.has('number') ? 'number' : [...kinds][0];
      return schema;
    }
    case 'union':
      return { anyOf: type.options.map(typeToSchema) };
    case 'ml':
      if (type.name === 'embedding')
        return embeddingSchema({
          ...(type.dimension === undefined ? {} : { dimension: type.dimension }),
          ...(type.unitNorm === undefined ? {} : { unitNorm: { tolerance: type.unitNorm } }),
        });
      if (type.name === 'tensor')
        return tensorSchema(type.shape === undefined ? {} : { shape: type.shape });
      return { $ref: mlTypeId(type.name) };
    case 'custom':
      // A copy, so adding the field description never touches the signature's frozen schema.
      return JSON.parse(JSON.stringify(type.schema));
  }
}
