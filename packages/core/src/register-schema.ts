import {
  type CompatibilityReport,
  checkCompatibility,
  type JsonCompatibilityPolicy,
} from '@llmsr/compatibility';
import type { CompatibilityLevel, ConfigRecord, SubjectVersionWithSchema } from '@llmsr/storage';
import type { ParsedSchema } from '@llmsr/validation';
import { assertMayRegister } from './assert-may-register.js';
import { type ChangeEvent, toNewEvent } from './change-events.js';
import { computeSemver } from './compute-semver.js';
import { lintRegistration } from './llm/lint-registration.js';
import { loadParsedSchema } from './load-parsed-schema.js';
import { parseCompatibilityLevel } from './parse-compatibility-level.js';
import { parseMetadata } from './parse-metadata.js';
import { parseSubject } from './parse-subject.js';
import { type PreparedCandidate, prepareCandidate } from './prepare-candidate.js';
import type { RegistryContext } from './registry-context.js';
import { RegistryError } from './registry-error.js';
import { resolveSubjectConfig } from './resolve-subject-config.js';
import { toVersionView } from './to-version-view.js';
import type { RegisterSchemaInput, RegisterSchemaResult } from './types.js';

const TRANSITIVE: ReadonlySet<CompatibilityLevel> = new Set([
  'BACKWARD_TRANSITIVE',
  'FORWARD_TRANSITIVE',
  'FULL_TRANSITIVE',
]);

/**
 * The register flow: well-formed? -> same content already live in the subject? return it ->
 * compatibility under the subject's level -> next version and semver -> store -> event.
 * The check and the version allocation run in the store's per-subject critical section.
 * The subject's settings apply: `compatibilityPolicy` to the check, `jsonSchemaDefaultDraft` to
 * a JSON Schema without `$schema` (the draft is recorded with the schema), and `normalize`
 * (or `input.normalize`) stores the canonical text (see {@link prepareCandidate}). A change of
 * schema type is allowed under NONE only, and is a major semver bump.
 */
export async function registerSchema(
  context: RegistryContext,
  input: RegisterSchemaInput,
): Promise<RegisterSchemaResult> {
  const subject = parseSubject(input.subject);
  // Set in the hook below, so it is read in the same order as before the references.
  let metadata = null as Record<string, unknown> | null;
  const candidate = await prepareCandidate(context, input, {
    subject,
    beforeResolve: async ({ mode }) => {
      // As in Confluent, a registration that gives no metadata carries the latest version's
      // metadata, so clients that re-register plain content find the version registered with it.
      metadata =
        input.metadata === undefined
          ? ((await context.store.getLatestVersion(subject))?.metadata ?? null)
          : parseMetadata(input.metadata);
      assertMayRegister(subject, mode, input);
    },
  });
  // Before anything is stored: an enforced lint refuses the schema, a warning lint is answered.
  const lintIssues = lintRegistration(subject, candidate.parsed, input);
  const result = await registerParsedSchema(context, { subject, candidate, metadata, input });
  return input.lintFor === undefined ? result : { ...result, lintIssues };
}

/** A registration whose schema is already prepared under the subject's settings. */
export interface ParsedRegistration {
  subject: string;
  candidate: PreparedCandidate;
  /** The version metadata to store, already checked. */
  metadata: Record<string, unknown> | null;
  /** The rest of the client's request: level, semver, author, IMPORT id and version. */
  input: Pick<
    RegisterSchemaInput,
    'compatibilityLevel' | 'semver' | 'createdBy' | 'id' | 'version'
  >;
}

/**
 * The second half of the register flow, for a schema prepared once by its caller
 * ({@link prepareCandidate}): compatibility under the subject's level, next version and
 * semver, store, event. The caller has checked the mode with {@link assertMayRegister}.
 */
export async function registerParsedSchema(
  context: RegistryContext,
  registration: ParsedRegistration,
): Promise<RegisterSchemaResult> {
  const { subject, candidate, metadata, input } = registration;
  const { schemaType, settings } = candidate;
  const { mode, compatibilityLevel: configuredLevel, compatibilityPolicy: policy } = settings;
  const parsed = candidate.parsed;
  const requestedLevel =
    input.compatibilityLevel === undefined
      ? undefined
      : parseCompatibilityLevel(input.compatibilityLevel);
  let report: CompatibilityReport | undefined;
  let level = configuredLevel;

  const result = await context.store.registerVersion({
    subject,
    schema: {
      schemaType,
      fingerprint: parsed.fingerprint,
      canonical: parsed.canonical,
      schema: candidate.text,
      references: candidate.references,
      pcfFingerprint: parsed.pcfFingerprint ?? null,
      jsonDraft: parsed.jsonDraft ?? null,
    },
    metadata,
    createdBy: input.createdBy ?? null,
    ...(input.id === undefined ? {} : { id: input.id }),
    ...(input.version === undefined ? {} : { version: input.version }),
    // The outbox: the store appends this event in the transaction that creates the version.
    event: (created) => toNewEvent(registeredEvent(created)),
    decide: async (history) => {
      let subjectConfig: ConfigRecord | undefined;
      if (requestedLevel !== undefined && requestedLevel !== configuredLevel) {
        if (history.length > 0) {
          // A racing first registration may have set the level (with its version) since it
          // was read: judge by the level in force now.
          level = (await resolveSubjectConfig(context, subject)).compatibilityLevel;
          if (level !== requestedLevel) {
            throw new RegistryError(
              'INVALID_COMPATIBILITY_LEVEL',
              `Subject '${subject}' is at ${level}; change its level through its config, not at registration`,
              { subject, level, requested: requestedLevel },
            );
          }
        } else {
          level = requestedLevel;
          // Written with the first version, so a racing registration never sees the old level.
          const own = await context.store.getConfig(subject);
          subjectConfig = { ...own, subject, compatibilityLevel: level };
        }
      }
      // The mode check above is a fast path; import mode skips compatibility like Confluent's.
      report = await checkAgainstHistory(context, {
        level: mode === 'IMPORT' ? 'NONE' : level,
        parsed,
        history,
        policy,
      });
      if (!report.compatible) {
        const reason = report.violations.find((violation) => violation.severity === 'error');
        throw new RegistryError(
          'INCOMPATIBLE_SCHEMA',
          `Schema being registered is incompatible with an earlier schema for subject '${subject}' (${level})${reason ? `: ${reason.message}` : ''}`,
          { subject, report },
        );
      }
      const latest = history[0];
      const latestParsed = latest
        ? await loadParsedSchema(context, latest.schemaRecord)
        : undefined;
      const compatibleWithLatest =
        !latestParsed ||
        (level === 'NONE'
          ? checkCompatibility({
              schemaType,
              level: 'BACKWARD',
              candidate: parsed,
              previous: [{ version: latest!.version, schema: latestParsed }],
              checkers: context.formats.checkers(policy),
            }).compatible
          : report.compatible);
      const semver = computeSemver({
        requested: input.semver,
        allVersions: await context.store.listVersions(subject, { includeDeleted: true }),
        latest:
          latest && latestParsed ? { semver: latest.semver, parsed: latestParsed } : undefined,
        candidate: parsed,
        compatibleWithLatest,
      });
      return { semver, compatibilityLevel: level, ...(subjectConfig ? { subjectConfig } : {}) };
    },
  });

  if (result.outcome === 'created') {
    context.parsed.set(result.version.schemaId, parsed);
    context.views.delete(result.version.schemaId);
    context.events.emit(registeredEvent(result.version));
  }
  return {
    created: result.outcome === 'created',
    version: toVersionView(result.version),
    ...(report ? { compatibility: report } : {}),
  };
}

/** The `schema.registered` event of a created version. */
function registeredEvent(created: SubjectVersionWithSchema): ChangeEvent {
  return {
    type: 'schema.registered',
    subject: created.subject,
    version: created.version,
    schemaId: created.schemaId,
    at: created.createdAt,
  };
}

/** Check a parsed candidate against a subject's live history (newest first) under a level and policy. */
export async function checkAgainstHistory(
  context: RegistryContext,
  input: {
    level: CompatibilityLevel;
    parsed: ParsedSchema;
    history: SubjectVersionWithSchema[];
    /** JSON Schema content-model policy; STRICT by default. */
    policy?: JsonCompatibilityPolicy | undefined;
  },
): Promise<CompatibilityReport> {
  const relevant =
    input.level === 'NONE'
      ? []
      : TRANSITIVE.has(input.level)
        ? input.history
        : input.history.slice(0, 1);
  const previous = [];
  for (const row of relevant) {
    previous.push({
      version: row.version,
      schema: await loadParsedSchema(context, row.schemaRecord),
    });
  }
  return checkCompatibility({
    schemaType: input.parsed.schemaType,
    level: input.level,
    candidate: input.parsed,
    previous,
    checkers: context.formats.checkers(input.policy),
  });
}
