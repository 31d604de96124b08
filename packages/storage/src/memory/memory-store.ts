import type {
  ApiKeyQuery,
  ApiKeyRecord,
  AuditQuery,
  AuditRecord,
  NewApiKey,
  NewAuditRecord,
} from '../auth-records.js';
import { compareCodePoints } from '../compare-code-points.js';
import { EventWatchers } from '../event-watchers.js';
import { metadataHasTag, metadataMatches, subjectContains } from '../json-match.js';
import { createKeyedMutex } from '../keyed-mutex.js';
import { normalizePage } from '../normalize-page.js';
import { normalizeRetention } from '../normalize-retention.js';
import { sameMetadata } from '../same-metadata.js';
import type {
  ListVersionsOptions,
  MutationOptions,
  NewEvent,
  RegisterVersionInput,
  RegisterVersionResult,
  SchemaStore,
  SchemaStoreOptions,
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
  assertIdLeft,
  validateDecision,
  validateRegisterInput,
} from '../validate-register-input.js';
import { MemoryAuth } from './memory-auth.js';
import { MemoryEvents } from './memory-events.js';
import { upgradeMemoryIdentities } from './memory-identities.js';
import {
  copyConfig,
  copySchema,
  keyOf,
  maxOf,
  newSchemaRecord,
  parseMetadata,
  type StoredVersion,
  toRecord,
} from './memory-records.js';
import { MemoryResources } from './memory-resources.js';

/**
 * A process-local {@link SchemaStore} for tests and single-process demos; nothing survives
 * {@link MemoryStore.close}. Registrations into one subject are serialized by an async mutex.
 *
 * @example
 * ```ts
 * const store = new MemoryStore();
 * const { version } = await store.registerVersion({ subject: 'orders-value', schema, decide });
 * ```
 */
export class MemoryStore implements SchemaStore {
  readonly backend = 'memory' as const;
  readonly #schemas = new Map<number, SchemaRecord>();
  readonly #schemaIdByContent = new Map<string, number>();
  readonly #subjects = new Map<string, Map<number, StoredVersion>>();
  readonly #configs = new Map<string | null, ConfigRecord>();
  readonly #resources = new MemoryResources();
  readonly #auth = new MemoryAuth();
  #events = new MemoryEvents();
  readonly #mutex = createKeyedMutex();
  /** The largest schema id ever handed out: permanently deleted ids are never reused. */
  #schemaIdMark = 0;
  /** The identity rules each schema row was written with (see `upgradeSchemaIdentities`). */
  readonly #identityVersions = new Map<number, number>();
  readonly #retain: number;
  readonly #watchers = new EventWatchers();
  #closed = false;

  constructor(options: SchemaStoreOptions = {}) {
    this.#retain = normalizeRetention(options.eventRetention);
  }

  async registerVersion(input: RegisterVersionInput): Promise<RegisterVersionResult> {
    this.#assertOpen();
    validateRegisterInput(input);
    return this.#mutex.run(input.subject, async () => {
      const existing = this.#findLive(input);
      if (existing) return { outcome: 'existing', version: this.#withSchema(existing) };

      const history = this.#versionsOf(input.subject, false)
        .reverse()
        .map((v) => this.#withSchema(v));
      const decision = validateDecision(await input.decide(history), input.subject);
      // The subject mutex already excludes other registrations; checked again for symmetry with
      // the SQL backends, which must (another node may register while decide runs).
      const again = this.#findLive(input);
      if (again) return { outcome: 'existing', version: this.#withSchema(again) };

      // Everything below is synchronous, so the checks and the writes are one atomic step.
      const contentKey = keyOf(input.schema.schemaType, input.schema.fingerprint);
      const schemaId = this.#resolveSchemaId(input, contentKey);
      const versions = this.#subjects.get(input.subject) ?? new Map<number, StoredVersion>();
      const version = input.version ?? maxOf(versions.keys()) + 1;
      if (versions.has(version)) {
        throw new StorageError('VERSION_CONFLICT', `Version ${version} already exists`, {
          subject: input.subject,
          version,
        });
      }
      const now = new Date().toISOString();
      const schemaRecord = this.#schemas.get(schemaId) ?? newSchemaRecord(input, schemaId, now);
      const stored: StoredVersion = {
        subject: input.subject,
        version,
        semver: decision.semver,
        schemaId,
        metadataJson: input.metadata == null ? null : JSON.stringify(input.metadata),
        compatibilityLevel: decision.compatibilityLevel,
        createdAt: now,
        createdBy: input.createdBy ?? null,
        deletedAt: null,
      };
      // Built before anything is written: if the event callback throws, nothing changed.
      const event = input.event?.({ ...toRecord(stored), schemaRecord: copySchema(schemaRecord) });
      if (event) assertEvent(event);
      const subjectConfig =
        decision.subjectConfig && copyConfig({ ...decision.subjectConfig, subject: input.subject });

      if (!this.#schemas.has(schemaId)) {
        this.#schemas.set(schemaId, schemaRecord);
        this.#schemaIdByContent.set(contentKey, schemaId);
        this.#identityVersions.set(schemaId, CURRENT_IDENTITY_VERSION);
        this.#schemaIdMark = Math.max(this.#schemaIdMark, schemaId);
      }
      versions.set(version, stored);
      this.#subjects.set(input.subject, versions);
      if (subjectConfig) this.#configs.set(input.subject, subjectConfig);
      if (event) this.#append(event);
      return { outcome: 'created', version: this.#withSchema(stored) };
    });
  }

  async getSchemaById(id: number): Promise<SchemaRecord | undefined> {
    this.#assertOpen();
    const schema = this.#schemas.get(id);
    return schema && copySchema(schema);
  }

  async getSchemaByGuid(guid: string): Promise<SchemaRecord | undefined> {
    this.#assertOpen();
    for (const schema of this.#schemas.values()) {
      if (schema.guid === guid) return copySchema(schema);
    }
    return undefined;
  }

  async getSchemaByFingerprint(
    schemaType: SchemaType,
    fingerprint: string,
  ): Promise<SchemaRecord | undefined> {
    this.#assertOpen();
    const id = this.#schemaIdByContent.get(keyOf(schemaType, fingerprint));
    return id === undefined ? undefined : this.getSchemaById(id);
  }

  async getVersion(
    subject: string,
    version: number,
    options: ListVersionsOptions = {},
  ): Promise<SubjectVersionWithSchema | undefined> {
    this.#assertOpen();
    const stored = this.#subjects.get(subject)?.get(version);
    if (!stored || (stored.deletedAt !== null && !options.includeDeleted)) return undefined;
    return this.#withSchema(stored);
  }

  async getLatestVersion(subject: string): Promise<SubjectVersionWithSchema | undefined> {
    this.#assertOpen();
    const latest = this.#versionsOf(subject, false).at(-1);
    return latest && this.#withSchema(latest);
  }

  async listSubjects(options: ListVersionsOptions = {}): Promise<string[]> {
    this.#assertOpen();
    return [...this.#subjects.keys()]
      .filter((s) => this.#versionsOf(s, options.includeDeleted ?? false).length > 0)
      .sort(compareCodePoints);
  }

  async listVersions(
    subject: string,
    options: ListVersionsOptions = {},
  ): Promise<SubjectVersionWithSchema[]> {
    this.#assertOpen();
    return this.#versionsOf(subject, options.includeDeleted ?? false).map((v) =>
      this.#withSchema(v),
    );
  }

  async listVersionsBySchemaId(
    schemaId: number,
    options: ListVersionsOptions = {},
  ): Promise<SubjectVersionRecord[]> {
    this.#assertOpen();
    // #allVersions is by subject then version; a stable sort by time keeps that for ties.
    return this.#allVersions(options.includeDeleted ?? false)
      .filter((v) => v.schemaId === schemaId)
      .sort((a, b) => compareCodePoints(a.createdAt, b.createdAt))
      .map(toRecord);
  }

  async softDeleteVersion(
    subject: string,
    version: number,
    options: MutationOptions = {},
  ): Promise<boolean> {
    this.#assertOpen();
    if (options.event) assertEvent(options.event);
    return this.#mutex.run(subject, async () => {
      const stored = this.#subjects.get(subject)?.get(version);
      if (!stored || stored.deletedAt !== null) return false;
      stored.deletedAt = new Date().toISOString();
      if (options.event) this.#append(options.event);
      return true;
    });
  }

  async hardDeleteVersion(
    subject: string,
    version: number,
    options: MutationOptions = {},
  ): Promise<boolean> {
    this.#assertOpen();
    if (options.event) assertEvent(options.event);
    return this.#mutex.run(subject, async () => {
      const versions = this.#subjects.get(subject);
      const stored = versions?.get(version);
      if (!versions || !stored) return false;
      if (stored.deletedAt === null) {
        throw new StorageError(
          'NOT_SOFT_DELETED',
          `Version ${version} must be soft-deleted first`,
          {
            subject,
            version,
          },
        );
      }
      const dependents = this.#dependentsOf(subject, version, false);
      if (dependents.length > 0) {
        throw new StorageError('REFERENCED', `Version ${version} is referenced by live versions`, {
          subject,
          version,
          dependents: dependents.map((d) => ({ subject: d.subject, version: d.version })),
        });
      }
      versions.delete(version);
      if (versions.size === 0) this.#subjects.delete(subject);
      if (!this.#allVersions(true).some((v) => v.schemaId === stored.schemaId)) {
        const schema = this.#schemas.get(stored.schemaId);
        this.#schemas.delete(stored.schemaId);
        this.#identityVersions.delete(stored.schemaId);
        if (schema) this.#schemaIdByContent.delete(keyOf(schema.schemaType, schema.fingerprint));
      }
      if (options.event) this.#append(options.event);
      return true;
    });
  }

  async search(query: SearchQuery): Promise<{ total: number; items: SubjectVersionWithSchema[] }> {
    this.#assertOpen();
    if (hasUnstorableText(query.subject, query.tag, query.metadata?.key, query.schemaType)) {
      return { total: 0, items: [] };
    }
    const page = normalizePage(query);
    const matches = this.#allVersions(query.includeDeleted ?? false).filter((v) => {
      if (query.subject !== undefined && !subjectContains(v.subject, query.subject)) return false;
      if (query.schemaType && this.#schemas.get(v.schemaId)?.schemaType !== query.schemaType) {
        return false;
      }
      const metadata = parseMetadata(v.metadataJson);
      if (query.metadata && !metadataMatches(metadata, query.metadata.key, query.metadata.value)) {
        return false;
      }
      return query.tag === undefined || metadataHasTag(metadata, query.tag);
    });
    const end = page.limit === undefined ? undefined : page.offset + page.limit;
    return {
      total: matches.length,
      items: matches.slice(page.offset, end).map((v) => this.#withSchema(v)),
    };
  }

  async getDependencies(schemaId: number): Promise<SchemaReference[]> {
    this.#assertOpen();
    return (this.#schemas.get(schemaId)?.references ?? []).map((r) => ({ ...r }));
  }

  async getDependents(
    subject: string,
    version: number,
    options: ListVersionsOptions = {},
  ): Promise<SubjectVersionRecord[]> {
    this.#assertOpen();
    return this.#dependentsOf(subject, version, options.includeDeleted ?? false).map(toRecord);
  }

  async getConfig(subject: string | null): Promise<ConfigRecord | undefined> {
    this.#assertOpen();
    const config = this.#configs.get(subject);
    return config && copyConfig(config);
  }

  async setConfig(config: ConfigRecord, options: MutationOptions = {}): Promise<ConfigRecord> {
    this.#assertOpen();
    assertStorableText('config subject', config.subject);
    if (options.event) assertEvent(options.event);
    this.#configs.set(config.subject, copyConfig(config));
    if (options.event) this.#append(options.event);
    return copyConfig(config);
  }

  async deleteConfig(subject: string | null, options: MutationOptions = {}): Promise<boolean> {
    this.#assertOpen();
    if (options.event) assertEvent(options.event);
    const deleted = this.#configs.delete(subject);
    if (deleted && options.event) this.#append(options.event);
    return deleted;
  }

  async getResource<TDocument = unknown>(
    kind: string,
    id: string,
  ): Promise<ResourceRecord<TDocument> | undefined> {
    this.#assertOpen();
    return this.#resources.get<TDocument>(kind, id);
  }

  async listResources<TDocument = unknown>(
    kind: string,
    options: { limit?: number; offset?: number } = {},
  ): Promise<ResourceRecord<TDocument>[]> {
    this.#assertOpen();
    return this.#resources.list<TDocument>(kind, options);
  }

  async putResource<TDocument = unknown>(input: {
    kind: string;
    id: string;
    document: TDocument;
    expectedVersion: number;
  }): Promise<ResourceRecord<TDocument>> {
    this.#assertOpen();
    assertStorableText('resource kind', input.kind);
    assertStorableText('resource id', input.id);
    return this.#resources.put(input);
  }

  async deleteResource(kind: string, id: string): Promise<boolean> {
    this.#assertOpen();
    return this.#resources.delete(kind, id);
  }

  async appendEvent(
    event: { type: string; payload: Record<string, unknown> },
    options: { retain?: number } = {},
  ): Promise<StoredEvent> {
    this.#assertOpen();
    assertEvent(event);
    const retain = options.retain === undefined ? this.#retain : normalizeRetention(options.retain);
    return this.#append(event, retain);
  }

  async listEvents(options: { afterId?: number; limit?: number } = {}): Promise<StoredEvent[]> {
    this.#assertOpen();
    const page = normalizePage({ limit: options.limit ?? 1_000 });
    const afterId = Number.isFinite(options.afterId) ? (options.afterId as number) : 0;
    return this.#events.list(afterId, page.limit ?? 1_000);
  }

  watchEvents(listener: () => void): () => void {
    this.#assertOpen();
    if (typeof listener !== 'function') throw new TypeError('watchEvents needs a function');
    return this.#watchers.watch(listener);
  }

  async upgradeSchemaIdentities(
    compute: ComputeSchemaIdentity,
    options: UpgradeSchemaIdentitiesOptions = {},
  ): Promise<number> {
    this.#assertOpen();
    const target = assertIdentityTarget(options.target ?? CURRENT_IDENTITY_VERSION);
    if (typeof compute !== 'function')
      throw new TypeError('upgradeSchemaIdentities needs a function');
    return upgradeMemoryIdentities(
      {
        schemas: this.#schemas,
        schemaIdByContent: this.#schemaIdByContent,
        identityVersions: this.#identityVersions,
      },
      compute,
      target,
    );
  }

  async stats(): Promise<{ schemas: number; subjects: number; versions: number }> {
    this.#assertOpen();
    const live = this.#allVersions(false);
    return {
      schemas: this.#schemas.size,
      subjects: new Set(live.map((v) => v.subject)).size,
      versions: live.length,
    };
  }

  async ping(): Promise<void> {
    this.#assertOpen();
  }

  /** Forgets everything; later calls fail with `UNAVAILABLE`, like the SQL backends. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#schemas.clear();
    this.#schemaIdByContent.clear();
    this.#subjects.clear();
    this.#configs.clear();
    this.#resources.clear();
    this.#events = new MemoryEvents();
    this.#identityVersions.clear();
    await this.#watchers.close();
  }

  /** Appends an event (the store's retention unless given) and signals watchers. */
  async createApiKey(key: NewApiKey, options: MutationOptions = {}): Promise<ApiKeyRecord> {
    this.#assertOpen();
    if (options.event) assertEvent(options.event);
    const created = this.#auth.createKey(key);
    if (options.event) this.#append(options.event);
    return created;
  }

  async getApiKey(id: string): Promise<ApiKeyRecord | undefined> {
    this.#assertOpen();
    return this.#auth.findKey({ id });
  }

  async getApiKeyByBasicUser(basicUser: string): Promise<ApiKeyRecord | undefined> {
    this.#assertOpen();
    return this.#auth.findKey({ basicUser });
  }

  async listApiKeys(query: ApiKeyQuery = {}): Promise<{ total: number; items: ApiKeyRecord[] }> {
    this.#assertOpen();
    return this.#auth.listKeys(query);
  }

  async revokeApiKey(id: string, options: MutationOptions = {}): Promise<boolean> {
    this.#assertOpen();
    if (options.event) assertEvent(options.event);
    const revoked = this.#auth.revokeKey(id);
    if (revoked && options.event) this.#append(options.event);
    return revoked;
  }

  async appendAudit(entry: NewAuditRecord): Promise<AuditRecord> {
    this.#assertOpen();
    return this.#auth.appendAudit(entry);
  }

  async listAudit(query: AuditQuery = {}): Promise<{ total: number; items: AuditRecord[] }> {
    this.#assertOpen();
    return this.#auth.listAudit(query);
  }

  async deleteAuditBefore(before: string): Promise<number> {
    this.#assertOpen();
    return this.#auth.deleteAuditBefore(before);
  }

  #append(event: NewEvent, retain = this.#retain): StoredEvent {
    const stored = this.#events.append(event, retain);
    this.#watchers.signal();
    return stored;
  }

  /** The newest live version of the input's subject with its content and metadata. */
  #findLive(input: RegisterVersionInput): StoredVersion | undefined {
    const knownId = this.#schemaIdByContent.get(
      keyOf(input.schema.schemaType, input.schema.fingerprint),
    );
    if (knownId === undefined) return undefined;
    return this.#versionsOf(input.subject, false)
      .filter(
        (v) =>
          v.schemaId === knownId && sameMetadata(parseMetadata(v.metadataJson), input.metadata),
      )
      .at(-1);
  }

  #assertOpen(): void {
    if (this.#closed) throw new StorageError('UNAVAILABLE', 'The memory store is closed');
  }

  #resolveSchemaId(input: RegisterVersionInput, contentKey: string): number {
    const knownId = this.#schemaIdByContent.get(contentKey);
    if (input.id === undefined) {
      if (knownId !== undefined) return knownId;
      assertIdLeft(this.#schemaIdMark + 1);
      return this.#schemaIdMark + 1;
    }
    if (knownId !== undefined && knownId !== input.id) {
      throw new StorageError('ID_CONFLICT', `This schema is already stored with id ${knownId}`, {
        id: input.id,
        existingId: knownId,
      });
    }
    if (knownId === undefined && this.#schemas.has(input.id)) {
      throw new StorageError('ID_CONFLICT', `Schema id ${input.id} holds different content`, {
        id: input.id,
      });
    }
    return input.id;
  }

  /** Versions of one subject, oldest first. */
  #versionsOf(subject: string, includeDeleted: boolean): StoredVersion[] {
    return [...(this.#subjects.get(subject)?.values() ?? [])]
      .filter((v) => includeDeleted || v.deletedAt === null)
      .sort((a, b) => a.version - b.version);
  }

  /** Every version, ordered by subject then version. */
  #allVersions(includeDeleted: boolean): StoredVersion[] {
    return [...this.#subjects.keys()]
      .sort(compareCodePoints)
      .flatMap((s) => this.#versionsOf(s, includeDeleted));
  }

  #dependentsOf(subject: string, version: number, includeDeleted: boolean): StoredVersion[] {
    return this.#allVersions(includeDeleted).filter((v) =>
      this.#schemas
        .get(v.schemaId)
        ?.references.some((r) => r.subject === subject && r.version === version),
    );
  }

  #withSchema(stored: StoredVersion): SubjectVersionWithSchema {
    const schema = this.#schemas.get(stored.schemaId);
    if (!schema) throw new Error(`Schema ${stored.schemaId} missing for ${stored.subject}`);
    return { ...toRecord(stored), schemaRecord: copySchema(schema) };
  }
}
