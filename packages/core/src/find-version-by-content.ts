import { findContentInSubject } from './confluent/find-content-in-subject.js';
import { isSubjectName } from './parse-subject.js';
import { prepareCandidate } from './prepare-candidate.js';
import type { RegistryContext } from './registry-context.js';
import type { FindVersionByContentInput, SchemaVersionView } from './types.js';

/**
 * The version of a subject that holds the same content as a schema (Confluent's lookup,
 * `POST /subjects/{subject}`): the schema is parsed like a registration into the subject
 * (its `jsonSchemaDefaultDraft`, its `normalize` unless `input.normalize`), and matched by
 * identity, the fingerprint of the canonical form, so formatting and key-order differences
 * match with or without normalize, and a schema registered with normalize is found by its
 * original text. The newest matching version wins.
 * @throws RegistryError `INVALID_SCHEMA` / `INVALID_INPUT` for a schema that does not parse.
 */
export async function findVersionByContent(
  context: RegistryContext,
  input: FindVersionByContentInput,
): Promise<SchemaVersionView | undefined> {
  // A subject name no subject can have holds no version: read only the global settings for it.
  const { schemaType, parsed } = await prepareCandidate(context, input, {
    subject: isSubjectName(input.subject) ? input.subject : null,
  });
  return findContentInSubject(context, {
    subject: input.subject,
    schemaType,
    fingerprint: parsed.fingerprint,
    includeDeleted: input.includeDeleted,
  });
}
