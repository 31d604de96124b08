import type { SchemaType } from '@llmsr/storage';
import { type ParsedSchema, type ResolvedReference, SchemaParseError } from '@llmsr/validation';
import { RegistryError } from './registry-error.js';
import type { SchemaFormats } from './schema-formats.js';

/**
 * Parse a schema with its format, turning a parse failure into `INVALID_SCHEMA` with the
 * problems' locations in `details.problems`. `defaultJsonDraft` is the draft a JSON Schema
 * without `$schema` is read under (the subject's setting for new schemas, the recorded draft for
 * stored ones); other formats ignore it.
 */
export function parseSchemaOrThrow(
  formats: Pick<SchemaFormats, 'formatOf'>,
  schemaType: SchemaType,
  text: string,
  references: ResolvedReference[],
  options: { defaultJsonDraft?: string | undefined } = {},
): ParsedSchema {
  try {
    return formats.formatOf(schemaType).parse(text, {
      references,
      ...(options.defaultJsonDraft === undefined
        ? {}
        : { defaultJsonDraft: options.defaultJsonDraft }),
    });
  } catch (error) {
    if (error instanceof SchemaParseError) {
      throw new RegistryError('INVALID_SCHEMA', `Invalid ${schemaType} schema: ${error.message}`, {
        schemaType,
        problems: error.problems,
      });
    }
    // A parser bug or a hostile input the parser did not foresee is still the schema's problem
    // to report, never a 500.
    const message = error instanceof Error ? error.message : String(error);
    throw new RegistryError('INVALID_SCHEMA', `Invalid ${schemaType} schema: ${message}`, {
      schemaType,
      problems: [{ path: '', message }],
    });
  }
}
