import type { Kysely } from 'kysely';
import { contentGuid } from '../content-guid.js';
import type { RegisterDecision, RegisterVersionInput } from '../schema-store.js';
import { StorageError } from '../storage-error.js';
import { toReference } from '../to-reference.js';
import type { SubjectVersionWithSchema } from '../types.js';
import type { Database } from './database.js';
import type { SqlDialectAdapter } from './sql-dialect-adapter.js';
import { selectVersionsWithSchema, toVersionWithSchema } from './version-row.js';

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
  const existing = await selectVersionsWithSchema(db)
    .where('sv.subject', '=', input.subject)
    .where('sv.deleted_at', 'is', null)
    .where('s.schema_type', '=', input.schema.schemaType)
    .where('s.fingerprint', '=', input.schema.fingerprint)
    .orderBy('sv.version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (existing) return { existing: toVersionWithSchema(existing), history: [], signature: '' };
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

/** The signature of {@link readRegisterSnapshot}, read again under the subject lock. */
export async function readSubjectSignature(
  trx: Kysely<Database>,
  subject: string,
): Promise<string> {
  const rows = await trx
    .selectFrom('subject_versions')
    .select(['version', 'schema_id', 'deleted_at'])
    .where('subject', '=', subject)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => `${r.version}:${r.schema_id}:${r.deleted_at === null}`).join(',');
}

/**
 * Steps 3 to 5 of a registration, inside the subject's write transaction: reuse or insert the
 * schema row, allocate the version, insert it. Throws `ID_CONFLICT` / `VERSION_CONFLICT` in
 * import mode; the caller's transaction then rolls everything back.
 */
export async function insertRegisteredVersion(
  trx: Kysely<Database>,
  adapter: SqlDialectAdapter,
  input: RegisterVersionInput,
  decision: RegisterDecision,
): Promise<SubjectVersionWithSchema> {
  const now = new Date().toISOString();
  await adapter.lockSchemaIds(trx);
  const schemaId = await resolveSchemaId(trx, input, now);
  const version = await resolveVersion(trx, input);
  await trx
    .insertInto('subject_versions')
    .values({
      subject: input.subject,
      version,
      semver: decision.semver,
      schema_id: schemaId,
      metadata_json: input.metadata == null ? null : JSON.stringify(input.metadata),
      compatibility_level: decision.compatibilityLevel,
      created_at: now,
      created_by: input.createdBy ?? null,
      deleted_at: null,
    })
    .execute();
  const row = await selectVersionsWithSchema(trx)
    .where('sv.subject', '=', input.subject)
    .where('sv.version', '=', version)
    .executeTakeFirstOrThrow();
  return toVersionWithSchema(row);
}

async function resolveSchemaId(
  trx: Kysely<Database>,
  input: RegisterVersionInput,
  now: string,
): Promise<number> {
  const { schema } = input;
  const known = await trx
    .selectFrom('schemas')
    .select('id')
    .where('schema_type', '=', schema.schemaType)
    .where('fingerprint', '=', schema.fingerprint)
    .executeTakeFirst();
  if (known && (input.id === undefined || input.id === known.id)) return known.id;
  if (known) {
    throw new StorageError('ID_CONFLICT', `This schema is already stored with id ${known.id}`, {
      id: input.id,
      existingId: known.id,
    });
  }
  let id = input.id;
  if (id === undefined) {
    const { max } = await trx
      .selectFrom('schemas')
      .select((eb) => eb.fn.max('id').as('max'))
      .executeTakeFirstOrThrow();
    id = Number(max ?? 0) + 1;
  } else {
    const taken = await trx
      .selectFrom('schemas')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    if (taken) {
      throw new StorageError('ID_CONFLICT', `Schema id ${id} holds different content`, { id });
    }
  }
  await trx
    .insertInto('schemas')
    .values({
      id,
      guid: contentGuid(schema.schemaType, schema.fingerprint),
      schema_type: schema.schemaType,
      fingerprint: schema.fingerprint,
      canonical: schema.canonical,
      schema_text: schema.schema,
      references_json: JSON.stringify(schema.references.map(toReference)),
      created_at: now,
    })
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
  return id;
}

const EDGE_CHUNK = 500;

async function resolveVersion(trx: Kysely<Database>, input: RegisterVersionInput): Promise<number> {
  if (input.version !== undefined) {
    const taken = await trx
      .selectFrom('subject_versions')
      .select('version')
      .where('subject', '=', input.subject)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (taken) {
      throw new StorageError('VERSION_CONFLICT', `Version ${input.version} already exists`, {
        subject: input.subject,
        version: input.version,
      });
    }
    return input.version;
  }
  const { max } = await trx
    .selectFrom('subject_versions')
    .select((eb) => eb.fn.max('version').as('max'))
    .where('subject', '=', input.subject)
    .executeTakeFirstOrThrow();
  return Number(max ?? 0) + 1;
}
