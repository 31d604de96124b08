import type {
  ApiKeyQuery,
  ApiKeyRecord,
  AuditQuery,
  AuditRecord,
  NewApiKey,
  NewAuditRecord,
} from './auth-records.js';
import type {
  CompatibilityLevel,
  ConfigRecord,
  ResourceRecord,
  SchemaRecord,
  SchemaReference,
  SchemaType,
  SubjectVersionRecord,
  SubjectVersionWithSchema,
} from './types.js';
import type {
  ComputeSchemaIdentity,
  UpgradeSchemaIdentitiesOptions,
} from './upgrade-schema-identities.js';

/** The schema content to store; ids are assigned by the store. */
export interface NewSchema {
  schemaType: SchemaType;
  fingerprint: string;
  canonical: string;
  schema: string;
  references: SchemaReference[];
  /** Avro: SHA-256 of the Parsing Canonical Form (see {@link SchemaRecord.pcfFingerprint}). */
  pcfFingerprint?: string | null;
  /** JSON Schema: the draft it was registered under (see {@link SchemaRecord.jsonDraft}). */
  jsonDraft?: string | null;
}

/** A change event to append in the same transaction as the change it describes (an outbox). */
export interface NewEvent {
  type: string;
  payload: Record<string, unknown>;
}

/** Options of the mutations that record a change event atomically with the change. */
export interface MutationOptions {
  /** Appended in the same transaction; nothing is appended when the mutation changes nothing. */
  event?: NewEvent;
}

/** What the caller's decision callback returns when it accepts a new version. */
export interface RegisterDecision {
  semver: string;
  compatibilityLevel: CompatibilityLevel;
  /**
   * Written in the same transaction as the version (a subject's first registration that sets
   * its compatibility level), replacing the subject's config row. Its `subject` must be the
   * registration's subject (a `TypeError` otherwise, before anything is written).
   */
  subjectConfig?: ConfigRecord;
}

/** Input of {@link SchemaStore.registerVersion}. */
export interface RegisterVersionInput {
  subject: string;
  schema: NewSchema;
  metadata?: Record<string, unknown> | null;
  createdBy?: string | null;
  /** IMPORT mode: the caller picks the global id (must be free, or hold the same content). */
  id?: number;
  /** IMPORT mode: the caller picks the version (must be free in the subject). */
  version?: number;
  /**
   * Called inside the per-subject critical section with the subject's live (non-deleted)
   * versions, newest first, after the store has established the content is not already live
   * in the subject. Throw to refuse (the error propagates unchanged, nothing is written);
   * return the semver and level to record. Because it runs under the subject's lock, two racing
   * registrations are checked one after the other, never both against the same history.
   * It may read the store. The SQL backends call it outside their transaction and, if another
   * process changed the subject before the write, call it again with the new history.
   */
  decide: (history: SubjectVersionWithSchema[]) => RegisterDecision | Promise<RegisterDecision>;
  /**
   * Called inside the write transaction when a version is created (never for `existing`); the
   * event it returns is appended in that same transaction, so a version is never stored without
   * its event nor an event without its version. If it throws, nothing is written.
   */
  event?: (created: SubjectVersionWithSchema) => NewEvent;
}

/** Result of {@link SchemaStore.registerVersion}. */
export interface RegisterVersionResult {
  /**
   * `existing` when a live version of the subject has the same schema (type and fingerprint)
   * and equal metadata (compared as JSON; null and absent are equal).
   */
  outcome: 'created' | 'existing';
  version: SubjectVersionWithSchema;
}

/** Filters of {@link SchemaStore.search}. */
export interface SearchQuery {
  /** Case-insensitive substring of the subject name. */
  subject?: string;
  schemaType?: SchemaType;
  /** Versions whose metadata has this key (and value, when given; compared as JSON). */
  metadata?: { key: string; value?: unknown };
  /** Versions whose `metadata.tags` array contains this string. */
  tag?: string;
  includeDeleted?: boolean;
  limit?: number;
  offset?: number;
}

/** A change event kept for clients that resume a stream. */
export interface StoredEvent {
  /** Increasing, never reused while any event is retained. */
  id: number;
  type: string;
  payload: Record<string, unknown>;
  createdAt: string;
}

/** Store-level options of `createSchemaStore` and the backend factories. */
export interface SchemaStoreOptions {
  /** How many change events to keep (default 10,000); `appendEvent` uses it without `retain`. */
  eventRetention?: number;
  /** SQLite: how often {@link SchemaStore.watchEvents} polls `PRAGMA data_version`, in ms (default 200). */
  pollMs?: number;
}

/** Options of version listings. */
export interface ListVersionsOptions {
  includeDeleted?: boolean;
}

/**
 * The storage port of the registry. Every backend (memory, SQLite, PostgreSQL) passes the same
 * conformance suite in `packages/storage/test/`.
 *
 * Lookups return `undefined` when nothing matches; mutations of missing rows return `false`.
 */
export interface SchemaStore {
  readonly backend: 'memory' | 'sqlite' | 'postgres';

  /** Atomically check and allocate the next version of a subject (see {@link RegisterVersionInput.decide}). */
  registerVersion(input: RegisterVersionInput): Promise<RegisterVersionResult>;

  getSchemaById(id: number): Promise<SchemaRecord | undefined>;
  getSchemaByGuid(guid: string): Promise<SchemaRecord | undefined>;
  getSchemaByFingerprint(
    schemaType: SchemaType,
    fingerprint: string,
  ): Promise<SchemaRecord | undefined>;

  /** A version of a subject; soft-deleted versions only with `includeDeleted`. */
  getVersion(
    subject: string,
    version: number,
    options?: ListVersionsOptions,
  ): Promise<SubjectVersionWithSchema | undefined>;
  /** The newest live version of a subject. */
  getLatestVersion(subject: string): Promise<SubjectVersionWithSchema | undefined>;
  /** Subject names, sorted; a subject whose versions are all soft-deleted only with `includeDeleted`. */
  listSubjects(options?: ListVersionsOptions): Promise<string[]>;
  /** Versions of one subject, oldest first. */
  listVersions(subject: string, options?: ListVersionsOptions): Promise<SubjectVersionWithSchema[]>;
  /** Every (subject, version) that uses a schema id, oldest first. */
  listVersionsBySchemaId(
    schemaId: number,
    options?: ListVersionsOptions,
  ): Promise<SubjectVersionRecord[]>;

  /**
   * Soft delete: sets `deletedAt`. Returns false when the version is missing or already
   * soft-deleted. `options.event` is appended in the same transaction when it returns true.
   */
  softDeleteVersion(subject: string, version: number, options?: MutationOptions): Promise<boolean>;
  /**
   * Permanent delete of a version that was soft-deleted first. Throws {@link StorageError}
   * `NOT_SOFT_DELETED` otherwise, `REFERENCED` while a live schema references it. Returns false when missing.
   * A schema row no version uses any more is removed too; its id is never handed out again.
   * `options.event` is appended in the same transaction when it returns true.
   */
  hardDeleteVersion(subject: string, version: number, options?: MutationOptions): Promise<boolean>;

  search(query: SearchQuery): Promise<{ total: number; items: SubjectVersionWithSchema[] }>;

  /** Versions (subject, version) that the given schema's references point at. */
  getDependencies(schemaId: number): Promise<SchemaReference[]>;
  /** Versions whose schema references the given subject version (live ones unless `includeDeleted`), by subject then version. */
  getDependents(
    subject: string,
    version: number,
    options?: ListVersionsOptions,
  ): Promise<SubjectVersionRecord[]>;

  /** Config of a subject, or the global config with `subject = null`. */
  getConfig(subject: string | null): Promise<ConfigRecord | undefined>;
  /** Merge-free replace of a config row; `options.event` is appended in the same transaction. */
  setConfig(config: ConfigRecord, options?: MutationOptions): Promise<ConfigRecord>;
  /** Deletes a config row; `options.event` is appended in the same transaction when it returns true. */
  deleteConfig(subject: string | null, options?: MutationOptions): Promise<boolean>;

  getResource<TDocument = unknown>(
    kind: string,
    id: string,
  ): Promise<ResourceRecord<TDocument> | undefined>;
  listResources<TDocument = unknown>(
    kind: string,
    options?: { limit?: number; offset?: number },
  ): Promise<ResourceRecord<TDocument>[]>;
  /**
   * Create (`expectedVersion` 0) or update (`expectedVersion` = current version) a resource.
   * Throws {@link StorageError} `VERSION_CONFLICT` when the stored version differs.
   */
  putResource<TDocument = unknown>(input: {
    kind: string;
    id: string;
    document: TDocument;
    expectedVersion: number;
  }): Promise<ResourceRecord<TDocument>>;
  deleteResource(kind: string, id: string): Promise<boolean>;

  /**
   * Append a change event with the next id, then drop the oldest beyond `retain` (the store's
   * `eventRetention`, 10,000 by default). Ids stay increasing across processes sharing the
   * database.
   */
  appendEvent(
    event: { type: string; payload: Record<string, unknown> },
    options?: { retain?: number },
  ): Promise<StoredEvent>;
  /** Retained events with an id above `afterId` (default 0), oldest first, at most `limit`. */
  listEvents(options?: { afterId?: number; limit?: number }): Promise<StoredEvent[]>;
  /**
   * Calls `listener` (asynchronously, possibly once for several appends) when events may have
   * been appended by this or another process: PostgreSQL LISTEN/NOTIFY (and once after every
   * (re)connect), SQLite `PRAGMA data_version` polling, memory after each append. The listener
   * then reads {@link listEvents} from its cursor. Returns the unsubscribe function; errors the
   * listener throws are ignored. {@link close} stops every watch.
   */
  watchEvents(listener: () => void): () => void;

  /**
   * Recomputes the identity (fingerprint, canonical form, PCF fingerprint, JSON draft) of every
   * schema row written under older identity rules than `options.target` (default
   * `CURRENT_IDENTITY_VERSION`), in batches under the schema-id lock. Ids, versions, schema text,
   * references and guids never change. Idempotent and safe to run from two processes at once.
   * A row whose new fingerprint another row of its type already holds is skipped (left at its old
   * identity version). Returns how many rows changed.
   */
  upgradeSchemaIdentities(
    compute: ComputeSchemaIdentity,
    options?: UpgradeSchemaIdentitiesOptions,
  ): Promise<number>;

  /**
   * Stores a new API key. Throws {@link StorageError} `ID_CONFLICT` when its id or basic
   * user is taken. `options.event` is appended in the same transaction.
   */
  createApiKey(key: NewApiKey, options?: MutationOptions): Promise<ApiKeyRecord>;
  /** One API key by id, revoked ones included. */
  getApiKey(id: string): Promise<ApiKeyRecord | undefined>;
  /** One API key by its HTTP Basic user name, revoked ones included. */
  getApiKeyByBasicUser(basicUser: string): Promise<ApiKeyRecord | undefined>;
  /** API keys, newest first (by creation time, then id); revoked ones only with `includeRevoked`. */
  listApiKeys(query?: ApiKeyQuery): Promise<{ total: number; items: ApiKeyRecord[] }>;
  /**
   * Sets `revokedAt`. Returns false when the key is missing or already revoked.
   * `options.event` is appended in the same transaction when it returns true, so every node
   * watching the events learns of the revocation.
   */
  revokeApiKey(id: string, options?: MutationOptions): Promise<boolean>;

  /** Appends one audit entry (id assigned by the store). */
  appendAudit(entry: NewAuditRecord): Promise<AuditRecord>;
  /** Audit entries matching every filter, newest first (by time, then id), paged. */
  listAudit(query?: AuditQuery): Promise<{ total: number; items: AuditRecord[] }>;
  /** Retention: deletes the audit entries older than `before` (ISO-8601); returns how many. */
  deleteAuditBefore(before: string): Promise<number>;

  /** Counts for health reporting. */
  stats(): Promise<{ schemas: number; subjects: number; versions: number }>;
  /** Round-trips to the database; throws when it is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
