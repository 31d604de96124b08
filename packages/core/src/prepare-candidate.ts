import type { SchemaReference, SchemaType } from '@llmsr/storage';
import type { ParsedSchema, ResolvedReference } from '@llmsr/validation';
import { parseSchemaOrThrow } from './parse-schema-or-throw.js';
import type { RegistryContext } from './registry-context.js';
import { parseReferences, resolveReferences } from './resolve-references.js';
import { resolveSubjectConfig, type SubjectConfig } from './resolve-subject-config.js';
import { parseSchemaType, toSchemaText } from './schema-text.js';

/** What a client sent as a schema to register, look up, check or validate. */
export interface CandidateInput {
  /** Schema text, or a JSON value for JSON Schema and Avro. */
  schema: unknown;
  schemaType?: string | undefined;
  /** `[{ name, subject, version }]`, unchecked. */
  references?: unknown;
  /** Confluent's `normalize`; the subject's (else the global) setting when unset. */
  normalize?: boolean | undefined;
}

/** A client's schema ready for the registry: checked, its references resolved, parsed. */
export interface PreparedCandidate {
  schemaType: SchemaType;
  /** The text to store: as sent, or its canonical form under normalize. */
  text: string;
  /** The references with `latest` (-1) pinned to the version each resolved to. */
  references: SchemaReference[];
  resolved: ResolvedReference[];
  parsed: ParsedSchema;
  /** The settings in force for the subject the schema was read under. */
  settings: SubjectConfig;
}

/** Options of {@link prepareCandidate}. */
export interface PrepareCandidateOptions {
  /** Read the schema under this subject's settings; `null` for the global ones. */
  subject: string | null;
  /** Ignore `normalize` (input and config): validating a schema never rewrites it. */
  ignoreNormalize?: boolean;
  /**
   * Runs once the settings are known and before references are resolved: the register flow
   * refuses a read-only subject here, so a write that cannot happen reads nothing more.
   */
  beforeResolve?: (settings: SubjectConfig) => void | Promise<void>;
}

/**
 * The one way a schema sent by a client is read: schema type -> text -> references (checked)
 * -> the subject's settings -> references resolved -> parse (and, under normalize, parse the
 * canonical text again). Register, lookup by content, compatibility check and schema validation
 * all go through here, so they read a schema the same way.
 *
 * Normalize (Confluent's `normalize`): the text kept is the format's canonical form
 * (`parsed.canonical`: JSON with sorted keys, no whitespace and the `$schema` of the draft it
 * was read under, so the stored text keeps its meaning whatever the default draft later; the
 * format's canonical Avro and Protobuf text), re-parsed so the stored text and the parsed schema
 * agree. The identity (fingerprint) is already computed from that canonical form, so versions are
 * found and deduplicated the same way with or without it; what normalize changes is the text
 * stored for a new schema: the canonical form instead of the text as sent.
 * @throws RegistryError `INVALID_INPUT` (type, schema or references malformed), `INVALID_SCHEMA`
 * (a schema that does not parse, or a reference that does not resolve).
 */
export async function prepareCandidate(
  context: RegistryContext,
  input: CandidateInput,
  options: PrepareCandidateOptions,
): Promise<PreparedCandidate> {
  const schemaType = parseSchemaType(input.schemaType);
  const sent = toSchemaText(input.schema, schemaType);
  const references = parseReferences(input.references);
  const settings = await resolveSubjectConfig(context, options.subject);
  await options.beforeResolve?.(settings);
  const resolved = await resolveReferences(context.store, references);
  const pinned = references.map((ref, index) => ({
    ...ref,
    version: resolved[index]?.version ?? ref.version,
  }));
  const parseOptions = { defaultJsonDraft: settings.jsonSchemaDefaultDraft };
  const normalize = options.ignoreNormalize ? false : (input.normalize ?? settings.normalize);
  let text = sent;
  let parsed = parseSchemaOrThrow(context.formats, schemaType, sent, resolved, parseOptions);
  if (normalize && parsed.canonical !== sent) {
    text = parsed.canonical;
    parsed = parseSchemaOrThrow(context.formats, schemaType, text, resolved, parseOptions);
  }
  return { schemaType, text, references: pinned, resolved, parsed, settings };
}
