import { SchemaParseError } from '@llmsr/validation';
import { resolveSubjectConfig } from './config-operations.js';
import { parseCandidate } from './parse-candidate.js';
import { parseSubject } from './parse-subject.js';
import type { RegistryContext } from './registry-context.js';
import { isRegistryError } from './registry-error.js';
import { parseReferences, resolveReferences } from './resolve-references.js';
import { parseSchemaType, toSchemaText } from './schema-text.js';
import type { Registry } from './types.js';

/**
 * Is this schema well-formed, read as a registration into `input.subject` would read it (that
 * subject's `jsonSchemaDefaultDraft`, else the global one)? Answers `valid: false` with the
 * problems' locations for a bad schema instead of throwing.
 */
export async function validateSchema(
  context: RegistryContext,
  input: Parameters<Registry['validateSchema']>[0],
): ReturnType<Registry['validateSchema']> {
  try {
    const schemaType = parseSchemaType(input.schemaType);
    const text = toSchemaText(input.schema, schemaType);
    const subject = input.subject === undefined ? null : parseSubject(input.subject);
    const references = await resolveReferences(context.store, parseReferences(input.references));
    const settings = await resolveSubjectConfig(context, subject);
    const { parsed } = parseCandidate({
      schemaType,
      text,
      references,
      normalize: false,
      jsonSchemaDefaultDraft: settings.jsonSchemaDefaultDraft,
    });
    return {
      valid: true,
      problems: [],
      fingerprint: parsed.fingerprint,
      canonical: parsed.canonical,
    };
  } catch (error) {
    if (isRegistryError(error) && error.code === 'INVALID_SCHEMA') {
      const problems = error.details.problems as { path: string; message: string }[] | undefined;
      return { valid: false, problems: problems ?? [{ path: '', message: error.message }] };
    }
    if (error instanceof SchemaParseError) return { valid: false, problems: error.problems };
    throw error;
  }
}
