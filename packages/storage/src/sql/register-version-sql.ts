import { type Kysely, sql } from 'kysely';
import { contentGuid } from '../content-guid.js';
import { sameMetadata } from '../same-metadata.js';
import type { RegisterDecision, RegisterVersionInput } from '../schema-store.js';
import { StorageError } from '../storage-error.js';
import { toReference } from '../to-reference.js';
import type { SchemaRecord, SubjectVersionWithSchema } from '../types.js';
import { CURRENT_IDENTITY_VERSION } from '../upgrade-schema-identities.js';
import type { Database } from './database.js';
import { allocateSchemaId, raiseSchemaIdMark } from './schema-id-mark.js';
import type { SqlDialectAdapter } from './sql-dialect-adapter.js';
import {
  selectVersionsWithSchema,
  toSchemaRecord,
  toVersionRecord,
  toVersionWithSchema,
} from './version-row.js';

/** What a registration saw of its subject before calling `decide`. */
export interface RegisterSnapshot {
  /** The newest live version already holding this content, if any. */
  existing: SubjectVersionWithSchema | undefined;
  /** Live versions, newest first (empty when `existing` is set). */
  history: SubjectVersionWithSchema[];
  /** Every version number of the subject with its schema id and liveness, to detect changes. */
  signature: string;
}

/** Reads the subject's live history and whether the content is already live in it. */
export async function readRegisterSnapshot(
  db: Kysely<Database>,
  input: RegisterVersionInput,
): Promise<RegisterSnapshot> {
  // Re-registering live content is the common call (clients register on every start), so it is
  // answered with one indexed lookup before the whole history is read.
  const existing = await findLiveVersion(db, input);
  if (existing) return { existing, history: [], signature: '' };
  const rows = await selectVersionsWithSchema(db)
    .where('sv.subject', '=', input.subject)
    .orderBy('sv.version', 'desc')
    .execute();
  const all = rows.map(toVersionWithSchema);
  return {
    existing: undefined,
    history: all.filter((v) => v.deletedAt === null),
    signature: all.map((v) => `${v.version}:${v.schemaId}:${v.deletedAt === null}`).join(','),
  };
}

/**
 * The newest live version of the subject with the same schema content AND the same metadata (a
 * version's identity); the same schema with other metadata is a new version.
 */
export async function findLiveVersion(
  db: Kysely<Database>,
  input: RegisterVersionInput,
): Promise<SubjectVersionWithSchema | undefined> {
  const rows = await selectVersionsWithSchema(db)
    .where('sv.subject', '=', input.subject)
    .where('sv.deleted_at', 'is', null)
    .where('s.schema_type', '=', input.schema.schemaType)
    .where('s.fingerprint', '=', input.schema.fingerprint)
    .orderBy('sv.version', 'desc')
    .execute();
  return rows.map(toVersionWithSchema).find((v) => sameMetadata(v.metadata, input.metadata));
}

/** What a registration reads of its subject under the lock, in one statement. */
export interface LockedSubjectState {
  /** The signature of {@link readRegisterSnapshot}, to detect changes since the snapshot. */
  signature: string;
  /** The newest live version with the same content and metadata, if another node just made one. */
  existingVersion: number | undefined;
}

/**
 * The subject's signature and whether the content is live in it, read again under the subject
 * lock: the snapshot's two reads are separate statements, so a version another node commits
 * between them is in the history (and signature) but was missed by the content lookup.
 */
export async function readLockedSubjectState(
  trx: Kysely<Database>,
  input: RegisterVersionInput,
): Promise<LockedSubjectState> {
  const { schemaType, fingerprint } = input.schema;
  const rows = await trx
    .selectFrom('subject_versions as sv')
    .innerJoin('schemas as s', 's.id', 'sv.schema_id')
    .select(['sv.version', 'sv.schema_id', 'sv.deleted_at'])
    .select(
      // Metadata only of the live versions holding this content: usually none, so cheap.
      sql<string | null>`case when ${sql.ref('s.schema_type')} = ${schemaType}
        and ${sql.ref('s.fingerprint')} = ${fingerprint}
        and ${sql.ref('sv.deleted_at')} is null
        then coalesce(${sql.ref('sv.metadata_json')}, 'null') end`.as('same_content_metadata'),
    )
    .where('sv.subject', '=', input.subject)
    .orderBy('sv.version', 'desc')
    .execute();
  const match = rows.find(
    (r) =>
      r.same_content_metadata !== null &&
      sameMetadata(JSON.parse(r.same_content_metadata), input.metadata),
  );
  return {
    signature: rows.map((r) => `${r.version}:${r.schema_id}:${r.deleted_at === null}`).join(','),
    existingVersion: match?.version,
  };
}

/**
 * Steps 3 to 5 of a registration, inside the subject's write transaction: reuse or insert the
 * schema row, allocate the version, insert it. Throws `ID_CONFLICT` / `VERSION_CONFLICT` in
 * import mode; the caller's transaction then rolls everything back. New schema ids come from the
 * high-water mark (never a permanently deleted id); versions are computed by the INSERT itself
 * (a max + 1 subquery), which is safe under the subject lock held.
 */
export async function insertRegisteredVersion(
  trx: Kysely<Database>,
  adapter: SqlDialectAdapter,
  input: RegisterVersionInput,
  decision: RegisterDecision,
): Promise<SubjectVersionWithSchema> {
  const now = new Date().toISOString();
  await adapter.lockSchemaIds(trx);
  const schemaRecord = await resolveSchemaRow(trx, input, now);
  if (input.version !== undefined) await assertVersionFree(trx, input.subject, input.version);
  const values = {
    subject: input.subject,
    semver: decision.semver,
    schema_id: schemaRecord.id,
    metadata_json: input.metadata == null ? null : JSON.stringify(input.metadata),
    compatibility_level: decision.compatibilityLevel,
    created_at: now,
    created_by: input.createdBy ?? null,
    deleted_at: null,
  };
  const { version } = await trx
    .insertInto('subject_versions')
    .values({
      ...values,
      version:
        input.version ??
        sql<number>`(select coalesce(max(version), 0) + 1 from subject_versions where subject = ${input.subject})`,
    })
    .returning('version')
    .executeTakeFirstOrThrow();
  return { ...toVersionRecord({ ...values, version }), schemaRecord };
}

/** The schema row for the input's content: the stored one, or a new one with its edges. */
async function resolveSchemaRow(
  trx: Kysely<Database>,
  input: RegisterVersionInput,
  now: string,
): Promise<SchemaRecord> {
  const { schema } = input;
  const known = await trx
    .selectFrom('schemas')
    .selectAll()
    .where('schema_type', '=', schema.schemaType)
    .where('fingerprint', '=', schema.fingerprint)
    .executeTakeFirst();
  if (known && (input.id === undefined || input.id === known.id)) return toSchemaRecord(known);
  if (known) {
    throw new StorageError('ID_CONFLICT', `This schema is already stored with id ${known.id}`, {
      id: input.id,
      existingId: known.id,
    });
  }
  if (input.id !== undefined) {
    const taken = await trx
      .selectFrom('schemas')
      .select('id')
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (taken) {
      throw new StorageError('ID_CONFLICT', `Schema id ${input.id} holds different content`, {
        id: input.id,
      });
    }
  }
  const values = {
    guid: contentGuid(schema.schemaType, schema.fingerprint),
    schema_type: schema.schemaType,
    fingerprint: schema.fingerprint,
    canonical: schema.canonical,
    schema_text: schema.schema,
    references_json: JSON.stringify(schema.references.map(toReference)),
    created_at: now,
    pcf_fingerprint: schema.pcfFingerprint ?? null,
    json_draft: schema.jsonDraft ?? null,
  };
  let id: number;
  if (input.id === undefined) id = await allocateSchemaId(trx);
  else {
    id = input.id;
    await raiseSchemaIdMark(trx, id);
  }
  await trx
    .insertInto('schemas')
    .values({ ...values, id, identity_version: CURRENT_IDENTITY_VERSION })
    .execute();
  const edges = schema.references.map((ref, position) => ({
    schema_id: id,
    position,
    ref_name: ref.name,
    ref_subject: ref.subject,
    ref_version: ref.version,
  }));
  // Chunked so a schema with thousands of references stays under SQLite's bound-parameter limit.
  for (let start = 0; start < edges.length; start += EDGE_CHUNK) {
    await trx
      .insertInto('schema_references')
      .values(edges.slice(start, start + EDGE_CHUNK))
      .execute();
  }
  return toSchemaRecord({ ...values, id });
}

const EDGE_CHUNK = 500;

async function assertVersionFree(
  trx: Kysely<Database>,
  subject: string,
  version: number,
): Promise<void> {
  const taken = await trx
    .selectFrom('subject_versions')
    .select('version')
    .where('subject', '=', subject)
    .where('version', '=', version)
    .executeTakeFirst();
  if (taken) {
    throw new StorageError('VERSION_CONFLICT', `Version ${version} already exists`, {
      subject,
      version,
    });
  }
}
