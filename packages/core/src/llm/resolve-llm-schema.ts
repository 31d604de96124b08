import type { ParsedSchema } from '@llmsr/validation';
import { loadParsedSchema, loadSchemaRecordOrThrow } from '../load-parsed-schema.js';
import type { RegistryContext } from '../registry-context.js';
import { RegistryError } from '../registry-error.js';
import { resolveSchemaId } from '../resolve-schema-id.js';
import type { LlmSchemaSource } from './llm-types.js';

/** A JSON Schema to give the LLM tools, and the registered id it came from. */
export interface LlmSchema {
  schema: unknown;
  schemaId?: number;
  /** The registered schema as parsed (with references), when given by selector. */
  parsed?: ParsedSchema;
}

/**
 * The JSON Schema an LLM operation acts on: `schema` inline (a value, or JSON text), else the
 * registered schema the selector designates (`schema_id`, or `subject` + `version`). The LLM tools
 * read JSON Schema only, so an Avro or Protobuf schema is refused with `INVALID_SCHEMA`.
 */
export async function resolveLlmSchema(
  context: RegistryContext,
  source: LlmSchemaSource,
): Promise<LlmSchema> {
  if (source.schema !== undefined) return { schema: readInlineSchema(source.schema) };
  if (source.schemaId === undefined && source.subject === undefined) {
    throw new RegistryError('INVALID_INPUT', 'Give schema, schema_id, or subject (and version)', {
      field: 'schema',
    });
  }
  const schemaId = await resolveSchemaId(context, source);
  const record = await loadSchemaRecordOrThrow(context, schemaId);
  if (record.schemaType !== 'JSON') {
    throw new RegistryError(
      'INVALID_SCHEMA',
      `Schema ${schemaId} is ${record.schemaType}; the LLM tools read JSON Schema only`,
      { field: 'schema_id', schemaType: record.schemaType },
    );
  }
  const parsed = await loadParsedSchema(context, record);
  return { schema: parsed.native, schemaId, parsed };
}

/** An inline schema: JSON text is parsed, a JSON value taken as is. */
function readInlineSchema(schema: unknown): unknown {
  if (typeof schema !== 'string') return schema;
  try {
    return JSON.parse(schema) as unknown;
  } catch (error) {
    throw new RegistryError(
      'INVALID_SCHEMA',
      `The schema is not JSON: ${(error as Error).message}`,
      {
        field: 'schema',
      },
    );
  }
}
