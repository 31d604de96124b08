import type { SchemaRecord } from '@llmsr/storage';
import { createSchemaStore, type SchemaStore } from '@llmsr/storage';
import type { CompiledValidator, ParsedSchema } from '@llmsr/validation';
import { checkSubjectCompatibility } from './check-subject-compatibility.js';
import * as config from './config-operations.js';
import { lookupConfluentSchema } from './confluent/lookup-confluent-schema.js';
import { registerConfluentSchema } from './confluent/register-confluent-schema.js';
import {
  clearConfigSetting,
  findVersionByContent,
  listReferencingSchemaIds,
} from './confluent-lookups.js';
import { createCountingCache } from './counting-cache.js';
import { deleteSubject, deleteVersion } from './delete-operations.js';
import { dropStaleCaches, forgetAll } from './drop-stale-caches.js';
import { findVersion, findVersionOrThrow } from './find-version.js';
import { parseJsonSchemaDraft } from './parse-config-extra.js';
import { getSchema, getSchemaOrThrow, listVersions } from './read-operations.js';
import { createRecordingChangeEmitter } from './recorded-change-events.js';
import { registerSchema } from './register-schema.js';
import type { RegistryContext } from './registry-context.js';
import {
  getSchemaDependencies,
  getSchemaDependents,
  getSchemaVersion,
  listSchemaVersions,
} from './schema-relations.js';
import { findSchemas, searchSchemas } from './search-schemas.js';
import { toRegistryError } from './to-registry-error.js';
import { toVersionView } from './to-version-view.js';
import type { Registry, SchemaView } from './types.js';
import { upgradeSchemaIdentities } from './upgrade-identities.js';
import { validateBatch } from './validate-batch.js';
import { getValidator, resolveSchemaId, validateData } from './validate-data.js';
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
}

/**
 * Create the registry service over a storage backend (migrations run first).
 *
 * @example
 * ```ts
 * const registry = await createRegistry({ storage: 'sqlite:./data/registry.db' });
 * const { version } = await registry.register({
 *   subject: 'orders-value',
 *   schema: { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] },
 * });
 * const result = await registry.validateData({ schemaId: version.id, data: { id: 1 } });
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
    await upgradeSchemaIdentities(store);
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
  const context: RegistryContext = { ...caches, events, startedAt: Date.now(), defaultJsonDraft };

  return guardAll({
    store,
    variableSpaces: createVariableSpaceService(store),
    register: (input) => registerSchema(context, input),
    getSchema: (idOrGuid) => getSchema(context, idOrGuid),
    getSchemaOrThrow: (idOrGuid) => getSchemaOrThrow(context, idOrGuid),
    getVersion: async (subject, version, opts) => {
      const row = await findVersion(context, subject, version, opts);
      return row && toVersionView(row);
    },
    getVersionOrThrow: async (subject, version, opts) =>
      toVersionView(await findVersionOrThrow(context, subject, version, opts)),
    listSubjects: async (opts = {}) => {
      const subjects = await store.listSubjects(opts);
      return opts.prefix ? subjects.filter((s) => s.startsWith(opts.prefix as string)) : subjects;
    },
    listVersions: (subject, opts) => listVersions(context, subject, opts),
    deleteVersion: (subject, version, opts) => deleteVersion(context, subject, version, opts),
    deleteSubject: (subject, opts) => deleteSubject(context, subject, opts),
    validateData: (input) => validateData(context, input),
    getValidator: async (input) =>
      getValidator(context, await resolveSchemaId(context, input), input),
    validateSchema: (input) => validateSchema(context, input),
    checkCompatibility: (input) => checkSubjectCompatibility(context, input),
    findVersionByContent: (input) => findVersionByContent(context, input),
    registerConfluentSchema: (input) => registerConfluentSchema(context, input),
    lookupConfluentSchema: (input) => lookupConfluentSchema(context, input),
    listReferencingSchemaIds: (subject, version, opts) =>
      listReferencingSchemaIds(context, subject, version, opts),
    clearConfigSetting: (subject, setting) => clearConfigSetting(context, subject, setting),
    resolveCompatibilityLevel: (subject) => config.resolveCompatibilityLevel(context, subject),
    resolveConfig: (subject) => config.resolveSubjectConfig(context, subject),
    resolveMode: (subject) => config.resolveMode(context, subject),
    getConfig: (subject) => store.getConfig(subject),
    setConfig: (subject, input) => config.setConfig(context, subject, input),
    deleteConfig: (subject) => config.deleteConfig(context, subject),
    subscribe: (listener) => context.events.subscribe(listener),
    subscribeChanges: (listener) => events.subscribeRecorded(listener),
    listChanges: (opts = {}) => events.list(opts.afterId ?? 0, opts.limit ?? 1_000),
    listSchemaVersions: (idOrGuid, opts) => listSchemaVersions(context, idOrGuid, opts),
    getSchemaVersion: (idOrGuid, version, opts) =>
      getSchemaVersion(context, idOrGuid, version, opts),
    getSchemaDependencies: (idOrGuid) => getSchemaDependencies(context, idOrGuid),
    getSchemaDependents: (idOrGuid, opts) => getSchemaDependents(context, idOrGuid, opts),
    findSchemas: (input) => findSchemas(context, input),
    searchSchemas: (input) => searchSchemas(context, input),
    validateBatch: (items) => validateBatch((input) => validateData(context, input), items),
    health: async () => {
      let reachable = true;
      let error: string | undefined;
      let counts = { schemas: 0, subjects: 0, versions: 0 };
      try {
        await store.ping();
        counts = await store.stats();
      } catch (cause) {
        reachable = false;
        error = cause instanceof Error ? cause.message : String(cause);
      }
      return {
        storage: { backend: store.backend, reachable, ...(error ? { error } : {}) },
        uptimeSeconds: Math.round((Date.now() - context.startedAt) / 1000),
        ...counts,
        caches: {
          schemas: context.schemas.stats(),
          views: context.views.stats(),
          validators: context.validators.stats(),
        },
      };
    },
    close: () => events.close().then(() => store.close()),
  });
}

/** Make every method reject with a {@link RegistryError} only. */
function guardAll(registry: Registry): Registry {
  const guarded = { ...registry } as Record<string, unknown>;
  for (const [name, value] of Object.entries(registry)) {
    // validateData maps its own errors: its warm path must not pay for an extra promise.
    if (
      typeof value !== 'function' ||
      name === 'subscribe' ||
      name === 'subscribeChanges' ||
      name === 'validateData'
    )
      continue;
    const method = value as (...args: unknown[]) => Promise<unknown>;
    guarded[name] = (...args: unknown[]) =>
      method(...args).catch((error: unknown) => {
        throw toRegistryError(error);
      });
  }
  return guarded as unknown as Registry;
}
