import { SCHEMA_TYPES, type SchemaType } from '@llmsr/spec';
import { RegistryError } from './registry-error.js';

/**
 * Check a schema type name; `undefined` means JSON (the native API's default).
 * @throws RegistryError `INVALID_INPUT` for an unknown type.
 */
export function parseSchemaType(value: unknown): SchemaType {
  if (value === undefined || value === null) return 'JSON';
  const upper = typeof value === 'string' ? value.toUpperCase() : value;
  if (upper === 'JSONSCHEMA' || upper === 'JSON_SCHEMA') return 'JSON';
  if (typeof upper === 'string' && (SCHEMA_TYPES as readonly string[]).includes(upper)) {
    return upper as SchemaType;
  }
  throw new RegistryError(
    'INVALID_INPUT',
    `Unknown schema type; use one of ${SCHEMA_TYPES.join(', ')}`,
    {
      field: 'schema_type',
    },
  );
}

/**
 * The schema text to store: a string as given, or a JSON value (JSON Schema, Avro) serialised.
 * @throws RegistryError `INVALID_INPUT` when the schema is missing or of the wrong kind.
 */
export function toSchemaText(schema: unknown, schemaType: SchemaType): string {
  if (typeof schema === 'string') {
    if (schema.trim() === '') {
      throw new RegistryError('INVALID_INPUT', 'The schema is empty', { field: 'schema' });
    }
    return schema;
  }
  if (schema === undefined || schema === null) {
    throw new RegistryError('INVALID_INPUT', 'The schema is missing', { field: 'schema' });
  }
  if (schemaType === 'PROTOBUF') {
    throw new RegistryError('INVALID_INPUT', 'A Protobuf schema must be given as .proto text', {
      field: 'schema',
    });
  }
  try {
    return JSON.stringify(schema);
  } catch (error) {
    // A stack overflow on a hostile, absurdly nested value is the schema's fault, not ours.
    const message = error instanceof RangeError ? 'The schema is nested too deeply' : String(error);
    throw new RegistryError('INVALID_SCHEMA', message, {
      schemaType,
      problems: [{ path: '', message }],
    });
  }
}
