import { parseSubject } from './parse-subject.js';
import { prepareCandidate } from './prepare-candidate.js';
import type { RegistryContext } from './registry-context.js';
import { toVersionView } from './to-version-view.js';
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
  const record = await context.store.getSchemaByFingerprint(schemaType, parsed.fingerprint);
  if (!record) return undefined;
  const includeDeleted = input.includeDeleted === true;
  const uses = await context.store.listVersionsBySchemaId(record.id, { includeDeleted });
  const matching = uses.filter((use) => use.subject === input.subject);
  const newest = matching[matching.length - 1];
  if (!newest) return undefined;
  return toVersionView({ ...newest, schemaRecord: record });
}

function isSubjectName(value: unknown): value is string {
  try {
    parseSubject(value);
    return true;
  } catch {
    return false;
  }
}
