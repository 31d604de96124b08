import { assertMayRegister } from '../assert-may-register.js';
import { parseSubject } from '../parse-subject.js';
import { registerParsedSchema } from '../register-schema.js';
import type { RegistryContext } from '../registry-context.js';
import type { RegisterSchemaResult } from '../types.js';
import {
  type ConfluentDataContract,
  confluentDataContract,
  toStoredMetadata,
} from './confluent-data-contract.js';
import { findContentInSubject } from './find-content-in-subject.js';
import { type ConfluentSchemaContent, readConfluentCandidate } from './read-confluent-candidate.js';

/** Input of {@link registerConfluentSchema}: Confluent's `POST /subjects/{subject}/versions`. */
export interface RegisterConfluentSchemaInput
  extends ConfluentSchemaContent,
    ConfluentDataContract {
  /** IMPORT mode: the global id to keep (undefined when the client chose none). */
  id?: number | undefined;
  /** IMPORT mode: the version to keep (undefined when the client chose none). */
  version?: number | undefined;
  createdBy?: string | undefined;
}

/**
 * Confluent's register flow, the schema parsed once and its references resolved once:
 * - content the subject already holds (live) answers that version without mode or
 *   compatibility checks, as Confluent (a read-only subject still answers idempotent
 *   registrations), unless the client chose another id or version;
 * - otherwise the mode is checked (id and version only in IMPORT mode), `metadata` and
 *   `ruleSet` the request omits are carried over from the latest version, and the version
 *   is registered through the native flow (compatibility, semver, store, event).
 * @throws RegistryError as {@link Registry.register} does.
 */
export async function registerConfluentSchema(
  context: RegistryContext,
  input: RegisterConfluentSchemaInput,
): Promise<RegisterSchemaResult> {
  const read = await readConfluentCandidate(context, input);
  const subject = read.subject ?? parseSubject(input.subject);
  const existing = await findContentInSubject(context, {
    subject,
    schemaType: read.schemaType,
    fingerprint: read.parsed.fingerprint,
  });
  if (
    existing &&
    (input.id === undefined || input.id === existing.id) &&
    (input.version === undefined || input.version === existing.version)
  ) {
    return { created: false, version: existing };
  }
  assertMayRegister(subject, read.settings.mode, input);
  return registerParsedSchema(context, {
    subject,
    candidate: read,
    metadata: await metadataToStore(context, subject, input),
    input: { createdBy: input.createdBy, id: input.id, version: input.version },
  });
}

/** Confluent carries `metadata` and `ruleSet` over from the latest version when a request omits them. */
async function metadataToStore(
  context: RegistryContext,
  subject: string,
  input: ConfluentDataContract,
): Promise<Record<string, unknown> | null> {
  const previous =
    input.metadata && input.ruleSet ? undefined : await context.store.getLatestVersion(subject);
  const inherited = confluentDataContract(previous?.metadata);
  return toStoredMetadata({
    metadata: input.metadata ?? inherited.metadata,
    ruleSet: input.ruleSet ?? inherited.ruleSet,
  });
}
