import { listVersions } from '../list-versions.js';
import type { RegistryContext } from '../registry-context.js';
import { RegistryError } from '../registry-error.js';
import type { SchemaVersionView } from '../types.js';
import { findContentInSubject } from './find-content-in-subject.js';
import { type ConfluentSchemaContent, readConfluentCandidate } from './read-confluent-candidate.js';

/** Input of {@link lookupConfluentSchema}: Confluent's `POST /subjects/{subject}`. */
export interface LookupConfluentSchemaInput extends ConfluentSchemaContent {
  /** Also match soft-deleted versions (Confluent's `deleted=true`). */
  includeDeleted?: boolean | undefined;
}

/**
 * Confluent's lookup, `POST /subjects/{subject}`: the newest version of the subject holding the
 * same content, the schema parsed once (references resolved once) as a registration into the
 * subject would parse it, and matched by identity, so formatting and key order do not matter.
 * @throws RegistryError `INVALID_SCHEMA` / `INVALID_INPUT` for a schema that does not parse,
 *   `SUBJECT_NOT_FOUND` when the subject has no version, `SCHEMA_NOT_FOUND` when none matches.
 */
export async function lookupConfluentSchema(
  context: RegistryContext,
  input: LookupConfluentSchemaInput,
): Promise<SchemaVersionView> {
  const read = await readConfluentCandidate(context, input);
  const found =
    read.subject === undefined
      ? undefined
      : await findContentInSubject(context, {
          subject: read.subject,
          schemaType: read.schemaType,
          fingerprint: read.parsed.fingerprint,
          includeDeleted: input.includeDeleted,
        });
  if (found) return found;
  // A subject without versions is Confluent's 40401, before its 40403.
  await listVersions(context, input.subject, { includeDeleted: input.includeDeleted === true });
  throw new RegistryError('SCHEMA_NOT_FOUND', 'Schema not found', { subject: input.subject });
}
