import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRegistry } from '../src/create-registry.js';
import { address, customer, addressReferences as references } from './schema-fixtures.js';
import { createSqliteDatabase, type ScratchDatabase } from './scratch-databases.js';

/** The slice of better-sqlite3 this test uses (core reaches it through the storage package). */
type Sqlite = new (
  file: string,
) => {
  prepare(sql: string): { run(...args: unknown[]): unknown; all(...args: unknown[]): unknown[] };
  close(): void;
};
const Database = createRequire(new URL('../../storage/package.json', import.meta.url))(
  'better-sqlite3',
) as Sqlite;

describe('schema identities recomputed when a registry opens an older database', () => {
  let database: ScratchDatabase;
  let file: string;
  beforeEach(async () => {
    database = await createSqliteDatabase();
    file = database.url.slice('sqlite:'.length);
  });
  afterEach(() => database.drop());

  /** Rewrite every row as the previous identity rules left it, plus a row that no longer parses. */
  function ageRows() {
    const db = new Database(file);
    try {
      db.prepare(
        "update schemas set fingerprint = 'old-' || id, canonical = 'old', identity_version = 1",
      ).run();
      db.prepare(
        `insert into schemas (id, guid, schema_type, fingerprint, canonical, schema_text, references_json, created_at, identity_version)
         values (500, 'broken-guid', 'JSON', 'broken', 'broken', '{"type": 5}', '[]', ?, 1)`,
      ).run(new Date().toISOString());
    } finally {
      db.close();
    }
  }

  function rows() {
    const db = new Database(file);
    try {
      return db
        .prepare('select id, fingerprint, identity_version from schemas order by id')
        .all() as { id: number; fingerprint: string; identity_version: number }[];
    } finally {
      db.close();
    }
  }

  it('gives old rows their current fingerprints, keeping ids, and skips a row that no longer parses', async () => {
    const first = await createRegistry({ storage: database.url });
    const a = (await first.schemas.register({ subject: 'address', schema: address })).version;
    const c = (await first.schemas.register({ subject: 'customer', schema: customer, references }))
      .version;
    const expected = rows();
    await first.close();
    ageRows();

    const reopened = await createRegistry({ storage: database.url });
    try {
      expect(rows()).toEqual([
        ...expected.map((row) => ({ ...row, identity_version: 2 })),
        { id: 500, fingerprint: 'broken', identity_version: 2 },
      ]);
      // Content lookups and deduplication work again on the recomputed fingerprints.
      const again = await reopened.schemas.register({
        subject: 'customer',
        schema: customer,
        references,
      });
      expect(again).toMatchObject({ created: false, version: { id: c.id, version: 1 } });
      const found = await reopened.schemas.findByContent({ subject: 'address', schema: address });
      expect(found?.id).toBe(a.id);
      expect((await reopened.schemas.getOrThrow(500)).schema).toBe('{"type": 5}');
    } finally {
      await reopened.close();
    }
  });
});
