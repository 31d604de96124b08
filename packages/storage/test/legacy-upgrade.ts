import { createHash } from 'node:crypto';
import { type Kysely, type Migration, Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { contentGuid } from '../src/content-guid.js';
import type { SchemaStore } from '../src/index.js';
import { initialSchema } from '../src/sql/migrations/0001-initial-schema.js';
import { eventsTable } from '../src/sql/migrations/0002-events.js';
import { prefixedIdentity } from './upgrade-conformance.js';

/** A database reachable both raw (to build it the old way) and through the store. */
export interface LegacyDatabase {
  // biome-ignore lint/suspicious/noExplicitAny: the raw tables of an old schema version
  db: Kysely<any>;
  open: () => Promise<SchemaStore>;
  dispose: () => Promise<void>;
}

/** The migrations released before schema identity v2. */
const legacyMigrations: Record<string, Migration> = {
  '0001_initial_schema': initialSchema,
  '0002_events': eventsTable,
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const at = '2025-01-01T00:00:00.000Z';

// biome-ignore lint/suspicious/noExplicitAny: see LegacyDatabase
async function buildLegacyDatabase(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => legacyMigrations } });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
  // Rows as the old code wrote them: ids max + 1, a gap where schema 4 was purged, fingerprints
  // of the old canonical form, a soft-deleted version, a reference, shared content.
  const schemas = [
    { id: 1, type: 'AVRO', text: '{"type":"record","name":"A","fields":[]}', refs: [] },
    { id: 2, type: 'JSON', text: '{"type":"string"}', refs: [] },
    {
      id: 3,
      type: 'AVRO',
      text: '{"type":"record","name":"B","fields":[]}',
      refs: [{ name: 'A', subject: 'a', version: 1 }],
    },
    { id: 5, type: 'PROTOBUF', text: 'syntax = "proto3"; message C {}', refs: [] },
  ];
  for (const s of schemas) {
    const canonical = s.text.replace(/\s+/g, '');
    await db
      .insertInto('schemas')
      .values({
        id: s.id,
        guid: contentGuid(s.type as 'AVRO', sha256(canonical)),
        schema_type: s.type,
        fingerprint: sha256(canonical),
        canonical,
        schema_text: s.text,
        references_json: JSON.stringify(s.refs),
        created_at: at,
      })
      .execute();
    for (const [position, ref] of s.refs.entries()) {
      await db
        .insertInto('schema_references')
        .values({
          schema_id: s.id,
          position,
          ref_name: ref.name,
          ref_subject: ref.subject,
          ref_version: ref.version,
        })
        .execute();
    }
  }
  const versions = [
    ['a', 1, 1, null, null],
    ['a', 2, 2, '{"owner":"x"}', '2025-02-01T00:00:00.000Z'],
    ['b', 1, 3, null, null],
    ['c', 1, 5, null, null],
    ['c', 2, 1, '{"tags":["shared"]}', null],
  ] as const;
  for (const [subject, version, schemaId, metadata, deletedAt] of versions) {
    await db
      .insertInto('subject_versions')
      .values({
        subject,
        version,
        semver: `${version}.0.0`,
        schema_id: schemaId,
        metadata_json: metadata,
        compatibility_level: 'BACKWARD',
        created_at: at,
        created_by: 'legacy',
        deleted_at: deletedAt,
      })
      .execute();
  }
  await db
    .insertInto('configs')
    .values({
      scope: 'global',
      subject: '',
      compatibility_level: 'FULL',
      mode: null,
      extra_json: '{"defaultMetadata":{"k":"v"}}',
    })
    .execute();
  await db
    .insertInto('events')
    .values({ id: 1, type: 'schema.registered', payload_json: '{}', created_at: at })
    .execute();
}

/** A database written by the previous schema version opens, migrates and upgrades losslessly. */
export function runLegacyUpgradeTest(name: string, legacy: () => Promise<LegacyDatabase>): void {
  describe(`${name} database created before schema identity v2`, () => {
    it('opens, migrates and upgrades keeping every id, version, text and reference', async () => {
      const database = await legacy();
      try {
        await buildLegacyDatabase(database.db);
        const store = await database.open();
        try {
          const subjects = ['a', 'b', 'c'];
          const read = async () =>
            (
              await Promise.all(
                subjects.map((s) => store.listVersions(s, { includeDeleted: true })),
              )
            ).flat();
          const before = await read();
          expect(
            before.map((v) => [v.subject, v.version, v.schemaId, v.deletedAt !== null]),
          ).toEqual([
            ['a', 1, 1, false],
            ['a', 2, 2, true],
            ['b', 1, 3, false],
            ['c', 1, 5, false],
            ['c', 2, 1, false],
          ]);
          const config = await store.getConfig(null);
          expect(config).toEqual({
            subject: null,
            compatibilityLevel: 'FULL',
            extra: { defaultMetadata: { k: 'v' }, jsonSchemaDefaultDraft: '2020-12' },
          });

          expect(await store.upgradeSchemaIdentities(prefixedIdentity('v2:'))).toBe(4);
          const after = await read();
          const strip = (v: (typeof before)[number]) => ({
            ...v,
            schemaRecord: {
              ...v.schemaRecord,
              fingerprint: '',
              canonical: '',
              pcfFingerprint: null,
              jsonDraft: null,
            },
          });
          expect(after.map(strip)).toEqual(before.map(strip));
          for (const [i, v] of after.entries()) {
            expect(v.schemaRecord.fingerprint).not.toBe(before[i]?.schemaRecord.fingerprint);
            expect(v.schemaRecord.fingerprint).toBe(sha256(`v2:${v.schemaRecord.schema}`));
          }
          expect((await store.getSchemaById(1))?.pcfFingerprint).toBe(
            before[0]?.schemaRecord.fingerprint,
          );
          expect((await store.getSchemaById(2))?.jsonDraft).toBe('draft-07');
          expect(await store.getDependencies(3)).toEqual([{ name: 'A', subject: 'a', version: 1 }]);
          expect(await store.getDependents('a', 1)).toMatchObject([{ subject: 'b', version: 1 }]);
          expect(await store.upgradeSchemaIdentities(prefixedIdentity('v2:'))).toBe(0);
          expect((await store.listEvents()).map((e) => e.id)).toEqual([1]);

          // The mark was seeded from the largest id: new content continues after 5.
          const next = await store.registerVersion({
            subject: 'd',
            schema: {
              schemaType: 'JSON',
              fingerprint: sha256('new'),
              canonical: 'new',
              schema: 'new',
              references: [],
            },
            decide: () => ({ semver: '1.0.0', compatibilityLevel: 'NONE' }),
          });
          expect(next.version.schemaId).toBe(6);
          const identity = await sql<{
            identity_version: number;
          }>`select identity_version from schemas where id = 6`.execute(database.db);
          expect(Number(identity.rows[0]?.identity_version)).toBe(2);
        } finally {
          await store.close();
        }
      } finally {
        await database.dispose();
      }
    });

    it('leaves the global config of a database without schemas alone', async () => {
      const database = await legacy();
      try {
        const migrator = new Migrator({
          db: database.db,
          provider: { getMigrations: async () => legacyMigrations },
        });
        expect((await migrator.migrateToLatest()).error).toBeUndefined();
        const store = await database.open();
        try {
          expect(await store.getConfig(null)).toBeUndefined();
        } finally {
          await store.close();
        }
      } finally {
        await database.dispose();
      }
    });
  });
}
