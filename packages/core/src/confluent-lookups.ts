import type { ConfigRecord } from '@llmsr/storage';
import { toNewEvent } from './change-events.js';
import { configChanged, resolveSubjectConfig } from './config-operations.js';
import { findContentInSubject } from './confluent/find-content-in-subject.js';
import { parseCandidate } from './parse-candidate.js';
import { parseSubject } from './parse-subject.js';
import type { RegistryContext } from './registry-context.js';
import { parseReferences, resolveReferences } from './resolve-references.js';
import { parseSchemaType, toSchemaText } from './schema-text.js';
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
  const schemaType = parseSchemaType(input.schemaType);
  const text = toSchemaText(input.schema, schemaType);
  const references = await resolveReferences(context.store, parseReferences(input.references));
  // A subject name no subject can have holds no version: read only the global settings for it.
  const settings = await resolveSubjectConfig(
    context,
    isSubjectName(input.subject) ? input.subject : null,
  );
  const { parsed } = parseCandidate({
    schemaType,
    text,
    references,
    normalize: input.normalize ?? settings.normalize,
    jsonSchemaDefaultDraft: settings.jsonSchemaDefaultDraft,
  });
  if (!isSubjectName(input.subject)) return undefined;
  return findContentInSubject(context, {
    subject: input.subject,
    schemaType,
    fingerprint: parsed.fingerprint,
    includeDeleted: input.includeDeleted,
  });
}

function isSubjectName(value: unknown): value is string {
  try {
    parseSubject(value);
    return true;
  } catch {
    return false;
  }
}

/** Global ids of the schemas whose references point at a subject version, ascending. */
export async function listReferencingSchemaIds(
  context: RegistryContext,
  subject: string,
  version: number,
  options: { includeDeleted?: boolean } = {},
): Promise<number[]> {
  const dependents = await context.store.getDependents(subject, version, options);
  return [...new Set(dependents.map((row) => row.schemaId))].sort((a, b) => a - b);
}

/**
 * Remove one setting of a subject's or the global config and keep the other, as Confluent's
 * separate `/config` and `/mode` resources do: `compatibilityLevel` also drops the client's extra
 * config fields (Confluent's `normalize`, `defaultMetadata`, ...), `mode` only the mode. The row
 * goes when nothing is left. Returns the config as it was, or `undefined` when the setting was unset.
 */
export async function clearConfigSetting(
  context: RegistryContext,
  subject: string | null,
  setting: 'compatibilityLevel' | 'mode',
): Promise<ConfigRecord | undefined> {
  const current = await context.store.getConfig(subject);
  const hasExtra = current?.extra !== undefined && Object.keys(current.extra).length > 0;
  const isSet =
    setting === 'mode'
      ? current?.mode !== undefined
      : current?.compatibilityLevel !== undefined || hasExtra;
  if (!current || !isSet) return undefined;
  const rest: ConfigRecord =
    setting === 'mode'
      ? { ...current, mode: undefined }
      : { ...current, compatibilityLevel: undefined, extra: undefined };
  const empty =
    rest.compatibilityLevel === undefined &&
    rest.mode === undefined &&
    (rest.extra === undefined || Object.keys(rest.extra).length === 0);
  const event = configChanged(subject, setting);
  const mutation = { event: toNewEvent(event) };
  if (empty) await context.store.deleteConfig(subject, mutation);
  else await context.store.setConfig(rest, mutation);
  context.events.emit(event);
  return current;
}
