import type { SchemaRecord } from '@llmsr/storage';
import { createSchemaStore, type SchemaStore } from '@llmsr/storage';
import type { CompiledValidator, ParsedSchema } from '@llmsr/validation';
import { type AuthOptions, createAccessControl } from './auth/access-control.js';
import { checkSubjectCompatibility } from './check-subject-compatibility.js';
import { clearConfigSetting } from './clear-config-setting.js';
import { lookupConfluentSchema } from './confluent/lookup-confluent-schema.js';
import { registerConfluentSchema } from './confluent/register-confluent-schema.js';
import { createCountingCache } from './counting-cache.js';
import { deleteConfig } from './delete-config.js';
import { deleteSubject } from './delete-subject.js';
import { deleteVersion } from './delete-version.js';
import { dropStaleCaches, forgetAll } from './drop-stale-caches.js';
import { findSchemas } from './find-schemas.js';
import { findVersionByContent } from './find-version-by-content.js';
import { getHealth } from './get-health.js';
import { getSchema, getSchemaOrThrow } from './get-schema.js';
import { getSchemaDependencies } from './get-schema-dependencies.js';
import { getSchemaDependents } from './get-schema-dependents.js';
import { getSchemaVersion } from './get-schema-version.js';
import { getValidator } from './get-validator.js';
import { getVersion, getVersionOrThrow } from './get-version.js';
import { listReferencingSchemaIds } from './list-referencing-schema-ids.js';
import { listSchemaVersions } from './list-schema-versions.js';
import { listSubjects } from './list-subjects.js';
import { listVersions } from './list-versions.js';
import { compileRegistrySignature } from './llm/compile-registry-signature.js';
import { lintSchema, providerSchema } from './llm/lint-schema.js';
import { parseOutput } from './llm/parse-output.js';
import { parseJsonSchemaDraft } from './parse-config-extra.js';
import { createRecordingChangeEmitter } from './recorded-change-events.js';
import { registerSchema } from './register-schema.js';
import type { Registry } from './registry.js';
import type { RegistryContext } from './registry-context.js';
import { resolveSchemaId } from './resolve-schema-id.js';
import { resolveSubjectConfig } from './resolve-subject-config.js';
import { registrySchemaFormats } from './schema-formats.js';
import { searchSchemas } from './search-schemas.js';
import { setConfig } from './set-config.js';
import { toRegistryError } from './to-registry-error.js';
import type { SchemaView } from './types.js';
import { upgradeSchemaIdentities } from './upgrade-identities.js';
import { validateBatch } from './validate-batch.js';
import { validateData } from './validate-data.js';
import { validateSchema } from './validate-schema.js';
import { createVariableSpaceService } from './variable-space-service.js';

/** Options of {@link createRegistry}. */
export interface CreateRegistryOptions {
  /** `memory:`, `sqlite:<path>`, a `postgres://` URL, or a ready store. */
  storage: string | SchemaStore;
  /** Most schemas (and parsed schemas) kept in memory; 10,000 by default. */
  schemaCacheSize?: number;
  /** Most compiled validators kept; 2,000 by default. */
  validatorCacheSize?: number;
  /** Change events kept in storage for resuming streams; 10,000 by default (a ready store keeps its own). */
  eventRetention?: number;
  /** How often (ms) sqlite checks for other processes' writes; the store's default (200) when absent. */
  eventPollMs?: number;
  /**
   * The draft a JSON Schema without `$schema` is read under when no config sets
   * `jsonSchemaDefaultDraft`; draft-07 by default, as Confluent.
   */
  defaultJsonDraft?: string;
  /** Authentication, audit and rate limits; off by default (see {@link AuthOptions}). */
  auth?: AuthOptions | undefined;
}

/**
 * Create the registry service over a storage backend (migrations run first). A `storage` URL
 * opens a store the registry owns; a ready store is used as given (and closed by `close()`).
 *
 * @example
 * ```ts
 * const registry = await createRegistry({ storage: 'sqlite:./data/registry.db' });
 * const { version } = await registry.schemas.register({
 *   subject: 'orders-value',
 *   schema: { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] },
 * });
 * const result = await registry.validation.validate({ schemaId: version.id, data: { id: 1 } });
 * console.log(result.valid); // true
 * ```
 */
export async function createRegistry(options: CreateRegistryOptions): Promise<Registry> {
  // Checked before the store opens, so a bad option leaves nothing open behind.
  const defaultJsonDraft = parseJsonSchemaDraft(
    options.defaultJsonDraft ?? 'draft-07',
    'defaultJsonDraft',
  );
  const store =
    typeof options.storage === 'string'
      ? await createSchemaStore(options.storage, {
          ...(options.eventRetention === undefined
            ? {}
            : { eventRetention: options.eventRetention }),
          ...(options.eventPollMs === undefined ? {} : { pollMs: options.eventPollMs }),
        })
      : options.storage;
  // Rows written under older identity rules get today's fingerprints before anything is
  // looked up by content (a no-op once done; safe when several nodes start at once).
  try {
    await upgradeSchemaIdentities(store, registrySchemaFormats);
  } catch (error) {
    if (typeof options.storage === 'string') await store.close().catch(() => {});
    throw error;
  }
  const caches = {
    store,
    schemas: createCountingCache<number, SchemaRecord>(options.schemaCacheSize ?? 10_000),
    parsed: createCountingCache<number, ParsedSchema>(options.schemaCacheSize ?? 10_000),
    validators: createCountingCache<string, CompiledValidator>(options.validatorCacheSize ?? 2_000),
    views: createCountingCache<number, SchemaView>(options.schemaCacheSize ?? 10_000),
  };
  // Every node follows the event log, listeners or not: it is how a delete or config change
  // made elsewhere reaches this node's caches.
  const events = await createRecordingChangeEmitter(store, {
    onStored: (event) => dropStaleCaches(caches, event),
    onGap: () => forgetAll(caches),
  });
  const context: RegistryContext = {
    ...caches,
    events,
    startedAt: Date.now(),
    defaultJsonDraft,
    formats: registrySchemaFormats,
  };
  const access = createAccessControl(store, {
    ...options.auth,
    // From the cached schema view (its uses, soft-deleted ones too): no store read per request.
    subjectsOfSchema: async (id) =>
      ((await getSchema(context, id).catch(() => undefined))?.versions ?? []).map((v) => v.subject),
  });

  const registry: Registry = {
    schemas: {
      register: (input) => registerSchema(context, input),
      get: (idOrGuid) => getSchema(context, idOrGuid),
      getOrThrow: (idOrGuid) => getSchemaOrThrow(context, idOrGuid),
      findByContent: (input) => findVersionByContent(context, input),
      find: (input) => findSchemas(context, input),
      search: (input) => searchSchemas(context, input),
      versions: (idOrGuid, opts) => listSchemaVersions(context, idOrGuid, opts),
      getVersion: (idOrGuid, version, opts) => getSchemaVersion(context, idOrGuid, version, opts),
      dependencies: (idOrGuid) => getSchemaDependencies(context, idOrGuid),
      dependents: (idOrGuid, opts) => getSchemaDependents(context, idOrGuid, opts),
      validate: (input) => validateSchema(context, input),
    },
    subjects: {
      list: (opts) => listSubjects(context, opts),
      versions: (subject, opts) => listVersions(context, subject, opts),
      getVersion: (subject, version, opts) => getVersion(context, subject, version, opts),
      getVersionOrThrow: (subject, version, opts) =>
        getVersionOrThrow(context, subject, version, opts),
      deleteVersion: (subject, version, opts) => deleteVersion(context, subject, version, opts),
      delete: (subject, opts) => deleteSubject(context, subject, opts),
      referencedBy: (subject, version, opts) =>
        listReferencingSchemaIds(context, subject, version, opts),
    },
    validation: {
      validate: (input) => validateData(context, input),
      validateBatch: (items) => validateBatch((input) => validateData(context, input), items),
      getValidator: async (input) =>
        getValidator(context, await resolveSchemaId(context, input), input),
    },
    compatibility: {
      check: (input) => checkSubjectCompatibility(context, input),
    },
    config: {
      get: (subject) => store.getConfig(subject),
      set: (subject, input) => setConfig(context, subject, input),
      delete: (subject) => deleteConfig(context, subject),
      clearSetting: (subject, setting) => clearConfigSetting(context, subject, setting),
      resolve: (subject) => resolveSubjectConfig(context, subject),
      resolveLevel: async (subject) =>
        (await resolveSubjectConfig(context, subject)).compatibilityLevel,
      resolveMode: async (subject) => (await resolveSubjectConfig(context, subject)).mode,
    },
    events: {
      subscribe: (listener) => events.subscribe(listener),
      subscribeRecorded: (listener) => events.subscribeRecorded(listener),
      list: (opts = {}) => events.list(opts.afterId ?? 0, opts.limit ?? 1_000),
      oldestId: async () => (await store.listEvents({ afterId: 0, limit: 1 }))[0]?.id,
    },
    llm: {
      lint: (input) => lintSchema(context, input),
      providerSchema: (input) => providerSchema(context, input),
      parseOutput: (input) => parseOutput(context, input),
      // Pure computation: no storage, so nothing to await but the caller's promise contract.
      compileSignature: async (input) => compileRegistrySignature(input),
    },
    variableSpaces: createVariableSpaceService(store),
    confluent: {
      register: (input) => registerConfluentSchema(context, input),
      lookup: (input) => lookupConfluentSchema(context, input),
    },
    resources: {
      get: (kind, id) => store.getResource(kind, id),
      list: (kind, opts) => store.listResources(kind, opts),
    },
    access,
    health: () => getHealth(context),
    close: () => {
      access.close();
      return events.close().then(() => store.close());
    },
  };
  return guardAll(registry);
}

/** Operations that must not be wrapped: listeners are synchronous, and `validation.validate`
 * maps its own errors, so its warm path does not pay for an extra promise. */
const UNGUARDED = new Set(['events.subscribe', 'events.subscribeRecorded', 'validation.validate']);

/** Make every operation (top-level and in each group) reject with a {@link RegistryError} only. */
function guardAll(registry: Registry): Registry {
  const guard = (target: object, prefix: string): Record<string, unknown> => {
    const guarded: Record<string, unknown> = { ...target };
    for (const [name, value] of Object.entries(target)) {
      if (typeof value !== 'function' || UNGUARDED.has(`${prefix}${name}`)) continue;
      const method = value as (...args: unknown[]) => Promise<unknown>;
      guarded[name] = (...args: unknown[]) =>
        method(...args).catch((error: unknown) => {
          throw toRegistryError(error);
        });
    }
    return guarded;
  };
  const groups = [
    'schemas',
    'subjects',
    'validation',
    'compatibility',
    'config',
    'events',
    'confluent',
    'resources',
    'llm',
  ] as const;
  const result = guard(registry, '');
  for (const group of groups) result[group] = guard(registry[group], `${group}.`);
  return result as unknown as Registry;
}
