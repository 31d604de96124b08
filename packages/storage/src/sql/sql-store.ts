import type { Kysely } from 'kysely';
import type {
  ApiKeyQuery,
  ApiKeyRecord,
  AuditQuery,
  AuditRecord,
  NewApiKey,
  NewAuditRecord,
} from '../auth-records.js';
import { EventWatchers, type OpenChangeFeed } from '../event-watchers.js';
import { createKeyedMutex } from '../keyed-mutex.js';
import { normalizeRetention } from '../normalize-retention.js';
import type {
  ListVersionsOptions,
  MutationOptions,
  NewEvent,
  RegisterVersionInput,
  RegisterVersionResult,
  SchemaStore,
  SearchQuery,
  StoredEvent,
} from '../schema-store.js';
import { assertStorableText, hasUnstorableText } from '../storable-text.js';
import { StorageError } from '../storage-error.js';
import type {
  ConfigRecord,
  ResourceRecord,
  SchemaRecord,
  SchemaReference,
  SchemaType,
  SubjectVersionRecord,
  SubjectVersionWithSchema,
} from '../types.js';
import {
  type ComputeSchemaIdentity,
  CURRENT_IDENTITY_VERSION,
  type UpgradeSchemaIdentitiesOptions,
} from '../upgrade-schema-identities.js';
import {
  assertEvent,
  assertIdentityTarget,
  isInt32,
  validateDecision,
  validateRegisterInput,
} from '../validate-register-input.js';
import {
  appendAuditSql,
  createApiKeySql,
  deleteAuditBeforeSql,
  getApiKeySql,
  listApiKeysSql,
  listAuditSql,
  revokeApiKeySql,
} from './auth-sql.js';
import { deleteConfigSql, getConfigSql, setConfigSql } from './configs-sql.js';
import type { Database } from './database.js';
import { appendEventInTransaction, appendEventSql, listEventsSql } from './events-sql.js';
import { hardDeleteVersionSql } from './hard-delete-version-sql.js';
import {
  insertRegisteredVersion,
  readLockedSubjectState,
  readRegisterSnapshot,
} from './register-version-sql.js';
import {
  deleteResourceSql,
  getResourceSql,
  listResourcesSql,
  putResourceSql,
} from './resources-sql.js';
import { getDependenciesSql, getSchemaSql, statsSql } from './schema-queries.js';
import { searchVersionsSql } from './search-versions-sql.js';
import type { SqlDialectAdapter } from './sql-dialect-adapter.js';
import { upgradeSchemaIdentitiesSql } from './upgrade-schema-identities-sql.js';
import {
  getDependentsSql,
  getLatestVersionSql,
  getVersionSql,
  listSubjectsSql,
  listVersionsBySchemaIdSql,
  listVersionsSql,
} from './version-queries.js';

/** How often a registration re-runs `decide` when another process changed the subject meanwhile. */
const MAX_REGISTER_ATTEMPTS = 50;

/** Options of {@link SqlStore} beyond its database and dialect. */
export interface SqlStoreOptions {
  /** Events kept by appends without their own `retain` (default 10,000). */
  eventRetention?: number | undefined;
  /** The cross-process signal behind `watchEvents` (LISTEN/NOTIFY, data_version polling). */
  openChangeFeed?: OpenChangeFeed | undefined;
}

/**
 * The {@link SchemaStore} shared by the SQLite and PostgreSQL backends: one Kysely query layer,
 * with the dialect differences behind a {@link SqlDialectAdapter}.
 *
 * Registration runs `decide` outside any transaction (so it may read the store), then re-checks
 * the subject under its cross-process lock and writes; if another process changed the subject in
 * between, it reads the new history and decides again. In one process an async mutex per subject
 * makes that re-check always succeed. Under the lock, the write first looks again for a live
 * version with the same content and metadata (another node may have just registered it).
 *
 * Change events passed with a mutation are appended in the mutation's own transaction, after
 * its subject lock (lock order: subject, schema ids, events).
 */
export class SqlStore implements SchemaStore {
  readonly backend: 'sqlite' | 'postgres';
  readonly #db: Kysely<Database>;
  readonly #adapter: SqlDialectAdapter;
  readonly #mutex = createKeyedMutex();
  readonly #retain: number;
  readonly #watchers: EventWatchers;
  #closed = false;

  constructor(db: Kysely<Database>, adapter: SqlDialectAdapter, options: SqlStoreOptions = {}) {
    this.#db = db;
    this.#adapter = adapter;
    this.backend = adapter.backend;
    this.#retain = normalizeRetention(options.eventRetention);
    this.#watchers = new EventWatchers(options.openChangeFeed);
  }

  async registerVersion(input: RegisterVersionInput): Promise<RegisterVersionResult> {
    validateRegisterInput(input);
    return this.#mutex.run(input.subject, async () => {
      for (let attempt = 1; attempt <= MAX_REGISTER_ATTEMPTS; attempt++) {
        const snapshot = await this.#run(() => readRegisterSnapshot(this.#db, input));
        if (snapshot.existing) return { outcome: 'existing', version: snapshot.existing };
        // Not wrapped by #run: the caller's error must propagate as the very same object.
        const decision = validateDecision(await input.decide(snapshot.history), input.subject);
        const result = await this.#run(() =>
          this.#adapter.writeTransaction(
            this.#db,
            input.subject,
            async (trx): Promise<RegisterVersionResult | undefined> => {
              // Another node may have registered this very content since the snapshot.
              const state = await readLockedSubjectState(trx, input);
              if (state.existingVersion !== undefined) {
                const live = await getVersionSql(trx, input.subject, state.existingVersion, false);
                if (live) return { outcome: 'existing', version: live };
              }
              if (state.signature !== snapshot.signature) return undefined;
              const created = await insertRegisteredVersion(trx, this.#adapter, input, decision);
              if (decision.subjectConfig) {
                await setConfigSql(trx, { ...decision.subjectConfig, subject: input.subject });
              }
              if (input.event) await this.#appendIn(trx, input.event(created));
              return { outcome: 'created', version: created };
            },
          ),
        );
        if (result?.outcome === 'created' && input.event) this.#watchers.signal();
        if (result) return result;
      }
      throw new StorageError('UNAVAILABLE', 'Subject kept changing during registration', {
        subject: input.subject,
        attempts: MAX_REGISTER_ATTEMPTS,
      });
    });
  }

  async getSchemaById(id: number): Promise<SchemaRecord | undefined> {
    if (!isInt32(id)) return undefined;
    return this.#run(() => getSchemaSql(this.#db, { id }));
  }

  async getSchemaByGuid(guid: string): Promise<SchemaRecord | undefined> {
    if (hasUnstorableText(guid)) return undefined;
    return this.#run(() => getSchemaSql(this.#db, { guid }));
  }

  async getSchemaByFingerprint(
    schemaType: SchemaType,
    fingerprint: string,
  ): Promise<SchemaRecord | undefined> {
    if (hasUnstorableText(schemaType, fingerprint)) return undefined;
    return this.#run(() => getSchemaSql(this.#db, { schemaType, fingerprint }));
  }

  async getVersion(
    subject: string,
    version: number,
    options: ListVersionsOptions = {},
  ): Promise<SubjectVersionWithSchema | undefined> {
    if (!isInt32(version) || hasUnstorableText(subject)) return undefined;
    return this.#run(() =>
      getVersionSql(this.#db, subject, version, options.includeDeleted ?? false),
    );
  }

  async getLatestVersion(subject: string): Promise<SubjectVersionWithSchema | undefined> {
    if (hasUnstorableText(subject)) return undefined;
    return this.#run(() => getLatestVersionSql(this.#db, subject));
  }

  async listSubjects(options: ListVersionsOptions = {}): Promise<string[]> {
    return this.#run(() =>
      listSubjectsSql(this.#db, this.#adapter, options.includeDeleted ?? false),
    );
  }

  async listVersions(
    subject: string,
    options: ListVersionsOptions = {},
  ): Promise<SubjectVersionWithSchema[]> {
    if (hasUnstorableText(subject)) return [];
    return this.#run(() => listVersionsSql(this.#db, subject, options.includeDeleted ?? false));
  }

  async listVersionsBySchemaId(
    schemaId: number,
    options: ListVersionsOptions = {},
  ): Promise<SubjectVersionRecord[]> {
    if (!isInt32(schemaId)) return [];
    return this.#run(() =>
      listVersionsBySchemaIdSql(this.#db, this.#adapter, schemaId, options.includeDeleted ?? false),
    );
  }

  async softDeleteVersion(
    subject: string,
    version: number,
    options: MutationOptions = {},
  ): Promise<boolean> {
    if (options.event) assertEvent(options.event);
    if (!isInt32(version) || hasUnstorableText(subject)) return false;
    return this.#mutex.run(subject, () =>
      this.#mutate(subject, options.event, async (trx) => {
        const result = await trx
          .updateTable('subject_versions')
          .set({ deleted_at: new Date().toISOString() })
          .where('subject', '=', subject)
          .where('version', '=', version)
          .where('deleted_at', 'is', null)
          .executeTakeFirst();
        return result.numUpdatedRows > 0n;
      }),
    );
  }

  async hardDeleteVersion(
    subject: string,
    version: number,
    options: MutationOptions = {},
  ): Promise<boolean> {
    if (options.event) assertEvent(options.event);
    if (!isInt32(version) || hasUnstorableText(subject)) return false;
    return this.#mutex.run(subject, () =>
      this.#mutate(subject, options.event, (trx) =>
        hardDeleteVersionSql(trx, this.#adapter, subject, version),
      ),
    );
  }

  async search(query: SearchQuery): Promise<{ total: number; items: SubjectVersionWithSchema[] }> {
    if (hasUnstorableText(query.subject, query.tag, query.metadata?.key, query.schemaType)) {
      return { total: 0, items: [] };
    }
    return this.#run(() => searchVersionsSql(this.#db, this.#adapter, query));
  }

  async getDependencies(schemaId: number): Promise<SchemaReference[]> {
    if (!isInt32(schemaId)) return [];
    return this.#run(() => getDependenciesSql(this.#db, schemaId));
  }

  async getDependents(
    subject: string,
    version: number,
    options: ListVersionsOptions = {},
  ): Promise<SubjectVersionRecord[]> {
    if (!isInt32(version) || hasUnstorableText(subject)) return [];
    return this.#run(() =>
      getDependentsSql(
        this.#db,
        this.#adapter,
        { subject, version },
        options.includeDeleted ?? false,
      ),
    );
  }

  async getConfig(subject: string | null): Promise<ConfigRecord | undefined> {
    if (hasUnstorableText(subject)) return undefined;
    return this.#run(() => getConfigSql(this.#db, subject));
  }

  async setConfig(config: ConfigRecord, options: MutationOptions = {}): Promise<ConfigRecord> {
    assertStorableText('config subject', config.subject);
    if (options.event) assertEvent(options.event);
    let saved: ConfigRecord | undefined;
    // Under the subject lock, so it serializes with a first registration writing the same row.
    await this.#mutate(config.subject, options.event, async (trx) => {
      saved = await setConfigSql(trx, config);
      return true;
    });
    return saved as ConfigRecord;
  }

  async deleteConfig(subject: string | null, options: MutationOptions = {}): Promise<boolean> {
    if (options.event) assertEvent(options.event);
    if (hasUnstorableText(subject)) return false;
    return this.#mutate(subject, options.event, (trx) => deleteConfigSql(trx, subject));
  }

  async getResource<TDocument = unknown>(
    kind: string,
    id: string,
  ): Promise<ResourceRecord<TDocument> | undefined> {
    if (hasUnstorableText(kind, id)) return undefined;
    return this.#run(() => getResourceSql<TDocument>(this.#db, kind, id));
  }

  async listResources<TDocument = unknown>(
    kind: string,
    options: { limit?: number; offset?: number } = {},
  ): Promise<ResourceRecord<TDocument>[]> {
    if (hasUnstorableText(kind)) return [];
    return this.#run(() => listResourcesSql<TDocument>(this.#db, this.#adapter, kind, options));
  }

  async putResource<TDocument = unknown>(input: {
    kind: string;
    id: string;
    document: TDocument;
    expectedVersion: number;
  }): Promise<ResourceRecord<TDocument>> {
    assertStorableText('resource kind', input.kind);
    assertStorableText('resource id', input.id);
    return this.#run(() => putResourceSql(this.#db, input));
  }

  async deleteResource(kind: string, id: string): Promise<boolean> {
    if (hasUnstorableText(kind, id)) return false;
    return this.#run(() => deleteResourceSql(this.#db, kind, id));
  }

  async appendEvent(
    event: { type: string; payload: Record<string, unknown> },
    options: { retain?: number } = {},
  ): Promise<StoredEvent> {
    assertEvent(event);
    const retain = options.retain === undefined ? this.#retain : normalizeRetention(options.retain);
    const stored = await this.#run(() => appendEventSql(this.#db, this.#adapter, event, retain));
    this.#watchers.signal();
    return stored;
  }

  async listEvents(options: { afterId?: number; limit?: number } = {}): Promise<StoredEvent[]> {
    return this.#run(() => listEventsSql(this.#db, options));
  }

  watchEvents(listener: () => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('watchEvents needs a function');
    if (this.#closed) throw new StorageError('UNAVAILABLE', `The ${this.backend} store is closed`);
    return this.#watchers.watch(listener);
  }

  async upgradeSchemaIdentities(
    compute: ComputeSchemaIdentity,
    options: UpgradeSchemaIdentitiesOptions = {},
  ): Promise<number> {
    const target = assertIdentityTarget(options.target ?? CURRENT_IDENTITY_VERSION);
    if (typeof compute !== 'function')
      throw new TypeError('upgradeSchemaIdentities needs a function');
    // Not wrapped by #run as a whole: an error thrown by compute must propagate unchanged.
    return upgradeSchemaIdentitiesSql(this.#db, this.#adapter, compute, target, (step) =>
      this.#run(step),
    );
  }

  async stats(): Promise<{ schemas: number; subjects: number; versions: number }> {
    return this.#run(() => statsSql(this.#db));
  }

  async ping(): Promise<void> {
    await this.#run(() => this.#db.selectFrom('schemas').select('id').limit(1).execute());
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#watchers.close();
    await this.#db.destroy();
  }

  /**
   * Runs a mutation in a write transaction (under `subject`'s lock unless null) and, when it
   * reports a change, appends `event` in the same transaction; signals watchers after commit.
   */
  async createApiKey(key: NewApiKey, options: MutationOptions = {}): Promise<ApiKeyRecord> {
    if (options.event) assertEvent(options.event);
    const created = await this.#run(() =>
      this.#adapter.writeTransaction(this.#db, null, async (trx) => {
        const record = await createApiKeySql(trx, key);
        if (options.event) await this.#appendIn(trx, options.event);
        return record;
      }),
    );
    if (options.event) this.#watchers.signal();
    return created;
  }

  async getApiKey(id: string): Promise<ApiKeyRecord | undefined> {
    return this.#run(() => getApiKeySql(this.#db, { id }));
  }

  async getApiKeyByBasicUser(basicUser: string): Promise<ApiKeyRecord | undefined> {
    return this.#run(() => getApiKeySql(this.#db, { basicUser }));
  }

  async listApiKeys(query: ApiKeyQuery = {}): Promise<{ total: number; items: ApiKeyRecord[] }> {
    return this.#run(() => listApiKeysSql(this.#db, this.#adapter, query));
  }

  async revokeApiKey(id: string, options: MutationOptions = {}): Promise<boolean> {
    if (options.event) assertEvent(options.event);
    return this.#mutate(null, options.event, (trx) => revokeApiKeySql(trx, id));
  }

  async appendAudit(entry: NewAuditRecord): Promise<AuditRecord> {
    return this.#run(() => appendAuditSql(this.#db, entry));
  }

  async listAudit(query: AuditQuery = {}): Promise<{ total: number; items: AuditRecord[] }> {
    return this.#run(() => listAuditSql(this.#db, this.#adapter, query));
  }

  async deleteAuditBefore(before: string): Promise<number> {
    return this.#run(() => deleteAuditBeforeSql(this.#db, before));
  }

  async #mutate(
    subject: string | null,
    event: NewEvent | undefined,
    work: (trx: Kysely<Database>) => Promise<boolean>,
  ): Promise<boolean> {
    const changed = await this.#run(() =>
      this.#adapter.writeTransaction(this.#db, subject, async (trx) => {
        const result = await work(trx);
        if (result && event) await this.#appendIn(trx, event);
        return result;
      }),
    );
    if (changed && event) this.#watchers.signal();
    return changed;
  }

  async #appendIn(trx: Kysely<Database>, event: NewEvent): Promise<StoredEvent> {
    assertEvent(event);
    return appendEventInTransaction(trx, this.#adapter, event, this.#retain);
  }

  /** Runs one database step, translating driver failures into {@link StorageError}s. */
  async #run<T>(step: () => Promise<T>): Promise<T> {
    if (this.#closed) throw new StorageError('UNAVAILABLE', `The ${this.backend} store is closed`);
    try {
      return await step();
    } catch (error) {
      throw this.#adapter.translateError(error);
    }
  }
}
