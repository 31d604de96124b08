import { SchemaParseError } from '@llmsr/validation';
import { parseSubject } from './parse-subject.js';
import { prepareCandidate } from './prepare-candidate.js';
import type { ValidateSchemaInput, ValidateSchemaResult } from './registry.js';
import type { RegistryContext } from './registry-context.js';
import { isRegistryError } from './registry-error.js';

/**
 * Is this schema well-formed, read as a registration into `input.subject` would read it (that
 * subject's `jsonSchemaDefaultDraft`, else the global one)? Answers `valid: false` with the
 * problems' locations for a bad schema instead of throwing.
 */
export async function validateSchema(
  context: RegistryContext,
  input: ValidateSchemaInput,
): Promise<ValidateSchemaResult> {
  try {
    const subject = input.subject === undefined ? null : parseSubject(input.subject);
    const { parsed } = await prepareCandidate(context, input, { subject, ignoreNormalize: true });
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
