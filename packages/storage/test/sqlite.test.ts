import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Sqlite from 'better-sqlite3';
import { Kysely, type SqliteDatabase, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchemaStore } from '../src/index.js';
import type { Database } from '../src/sql/database.js';
import { SqlStore } from '../src/sql/sql-store.js';
import { createSqliteStore } from '../src/sqlite/index.js';
import { createSqliteDialectAdapter } from '../src/sqlite/sqlite-dialect-adapter.js';
import { runAuthConformance } from './auth-conformance.js';
import { expectStorageError, runStoreConformance, schemaOf } from './conformance.js';
import { runCrashConformance } from './crash-conformance.js';
import { runEventConformance } from './event-conformance.js';
import { runIdMarkConformance } from './id-mark-conformance.js';
import { runIdentityConformance } from './identity-conformance.js';
import { runLegacyUpgradeTest } from './legacy-upgrade.js';
import { runOutboxConformance } from './outbox-conformance.js';
import { runUpgradeConformance } from './upgrade-conformance.js';
import { runWatchConformance } from './watch-conformance.js';

// One temporary directory per run, made before and removed after every test of this file
// (file-level hooks, so a filtered run cleans up too).
let dir = '';
let scratch = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'llmsr-storage-'));
  scratch = join(dir, 'scratch');
  mkdirSync(scratch);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runStoreConformance({
  name: 'sqlite',
  // A nested path, so opening also proves the parent directory is created.
  createStore: () => createSchemaStore(`sqlite:${join(dir, 'nested', 'deeper', 'registry.db')}`),
  persistent: true,
  concurrentInstances: true,
});

runAuthConformance({
  name: 'sqlite',
  createStore: () => createSchemaStore(`sqlite:${join(dir, 'auth', 'registry.db')}`),
  persistent: true,
});

runEventConformance({
  name: 'sqlite',
  createStore: () => createSchemaStore(`sqlite:${join(dir, 'events', 'registry.db')}`),
  persistent: true,
});

runIdMarkConformance({
  name: 'sqlite',
  createStore: () => createSchemaStore(`sqlite:${join(dir, 'marks', 'registry.db')}`),
  freshDatabase: async () => {
    const file = join(dir, 'marks', 'exhausted.db');
    return { open: () => createSchemaStore(`sqlite:${file}`), dispose: async () => {} };
  },
  persistent: true,
});

runIdentityConformance({
  name: 'sqlite',
  createStore: () => createSchemaStore(`sqlite:${join(dir, 'identity', 'registry.db')}`),
  persistent: true,
  concurrentInstances: true,
});

runOutboxConformance({
  name: 'sqlite',
  createStore: () => createSchemaStore(`sqlite:${join(dir, 'outbox', 'registry.db')}`),
  createStoreWith: (options) =>
    createSchemaStore(`sqlite:${join(dir, 'outbox-retention', 'registry.db')}`, options),
  persistent: true,
  concurrentInstances: true,
});

runWatchConformance({
  name: 'sqlite',
  createStore: () => createSchemaStore(`sqlite:${join(dir, 'watch', 'registry.db')}`),
  persistent: true,
  concurrentInstances: true,
});

runCrashConformance({
  name: 'sqlite',
  url: () => `sqlite:${join(dir, 'crash', 'registry.db')}`,
  open: () => createSchemaStore(`sqlite:${join(dir, 'crash', 'registry.db')}`),
});

let freshFiles = 0;
/** A new database file under the run's directory. */
const freshFile = () => join(dir, 'fresh', `registry-${++freshFiles}.db`);

runUpgradeConformance({
  name: 'sqlite',
  freshDatabase: async () => {
    const file = freshFile();
    return { open: () => createSchemaStore(`sqlite:${file}`), dispose: async () => {} };
  },
  shared: true,
});

runLegacyUpgradeTest('sqlite', async () => {
  const file = freshFile();
  mkdirSync(dirname(file), { recursive: true });
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Sqlite(file) }) });
  return {
    db,
    open: () => createSchemaStore(`sqlite:${file}`),
    dispose: () => db.destroy(),
  };
});

describe('sqlite backend specifics', () => {
  it('writes through a WAL journal next to the database file', async () => {
    const path = join(scratch, 'wal.db');
    const store = await createSqliteStore({ filename: path });
    await store.registerVersion({
      subject: 'wal',
      schema: schemaOf('{"wal":1}'),
      decide: () => ({ semver: '1.0.0', compatibilityLevel: 'NONE' }),
    });
    expect(existsSync(`${path}-wal`)).toBe(true);
    await store.close();
  });

  it('opens an in-memory database from sqlite::memory: and forgets it on close', async () => {
    const store = await createSchemaStore('sqlite::memory:');
    expect(store.backend).toBe('sqlite');
    await store.setConfig({ subject: null, compatibilityLevel: 'NONE' });
    await store.close();
    const fresh = await createSchemaStore('sqlite::memory:');
    expect(await fresh.getConfig(null)).toBeUndefined();
    await fresh.close();
  });

  it('reports a path it cannot create as UNAVAILABLE', async () => {
    const blocker = join(scratch, 'not-a-directory');
    writeFileSync(blocker, 'x');
    await expectStorageError(
      createSchemaStore(`sqlite:${join(blocker, 'db.sqlite')}`),
      'UNAVAILABLE',
    );
  });

  it('reports a file that is not a database as UNAVAILABLE', async () => {
    const garbage = join(scratch, 'garbage.db');
    writeFileSync(garbage, 'this is not a sqlite database, just text long enough '.repeat(100));
    await expectStorageError(createSchemaStore(`sqlite:${garbage}`), 'UNAVAILABLE');
  });

  it('decides again when another process changes the subject while decide runs', async () => {
    const path = join(scratch, 'retry.db');
    const store = await createSqliteStore({ filename: path });
    const other = new Sqlite(path);
    try {
      const first = await store.registerVersion({
        subject: 'shared',
        schema: schemaOf('{"r":1}'),
        decide: () => ({ semver: '1.0.0', compatibilityLevel: 'NONE' }),
      });
      const histories: number[][] = [];
      const result = await store.registerVersion({
        subject: 'shared',
        schema: schemaOf('{"r":2}'),
        decide: (history) => {
          histories.push(history.map((v) => v.version));
          if (histories.length === 1) {
            // What a second registry process could commit between our read and our write.
            other
              .prepare(
                `insert into subject_versions (subject, version, semver, schema_id, compatibility_level, created_at)
                 values ('shared', 2, '1.0.0', ?, 'NONE', ?)`,
              )
              .run(first.version.schemaId, new Date().toISOString());
          }
          return { semver: '1.1.0', compatibilityLevel: 'BACKWARD' };
        },
      });
      expect(histories).toEqual([[1], [2, 1]]);
      expect(result.version.version).toBe(3);
    } finally {
      other.close();
      await store.close();
    }
  });

  it('keeps versions gapless while another process appends to the same subject', async () => {
    const path = join(scratch, 'two-processes.db');
    const store = await createSqliteStore({ filename: path });
    try {
      const decide = () => ({ semver: '1.0.0', compatibilityLevel: 'NONE' as const });
      const first = await store.registerVersion({
        subject: 'shared',
        schema: schemaOf('{"p":0}'),
        decide,
      });
      const writer = fileURLToPath(new URL('./fixtures/sqlite-writer.mjs', import.meta.url));
      const child = spawn(process.execPath, [
        writer,
        path,
        'shared',
        '30',
        String(first.version.schemaId),
      ]);
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      const mine = [];
      try {
        // Start registering only once the other process is writing, so the two interleave.
        await new Promise((resolve) => child.stdout.once('data', resolve));
        for (let i = 1; i <= 30; i++) {
          mine.push(
            await store.registerVersion({
              subject: 'shared',
              schema: schemaOf(`{"p":${i}}`),
              decide,
            }),
          );
        }
      } catch (error) {
        child.kill();
        throw error;
      }
      expect(await exited).toBe(0);
      expect(mine.every((r) => r.outcome === 'created')).toBe(true);
      const versions = (await store.listVersions('shared')).map((v) => v.version);
      expect(versions).toEqual(Array.from({ length: 61 }, (_, i) => i + 1));
      const byOther = (await store.listVersions('shared')).filter(
        (v) => v.createdBy === 'other-process',
      );
      expect(byOther.length).toBe(30);
    } finally {
      await store.close();
    }
  });

  it('returns existing when another process stores the same content between the lookup and the history read', async () => {
    const path = join(scratch, 'lookup-race.db');
    await (await createSqliteStore({ filename: path })).close();
    const other = new Sqlite(path);
    const database = new Sqlite(path);
    const content = schemaOf('{"race":"window"}');
    let injected = false;
    // What another node commits right after this one's existing-content lookup found nothing.
    const commitElsewhere = () => {
      injected = true;
      const now = new Date().toISOString();
      other
        .prepare(
          `insert into schemas (id, guid, schema_type, fingerprint, canonical, schema_text, references_json, created_at, identity_version)
           values (900, 'g-900', 'JSON', ?, ?, ?, '[]', ?, 2)`,
        )
        .run(content.fingerprint, content.canonical, content.schema, now);
      other
        .prepare(
          `insert into subject_versions (subject, version, semver, schema_id, compatibility_level, created_at)
           values ('window', 1, '1.0.0', 900, 'NONE', ?)`,
        )
        .run(now);
    };
    const hooked = {
      close: () => database.close(),
      prepare: (text: string) => {
        const statement = database.prepare(text);
        if (!text.includes('"s"."fingerprint" = ?')) return statement;
        return new Proxy(statement, {
          get(target, key) {
            const value = Reflect.get(target, key, target);
            if (key !== 'all' || typeof value !== 'function') return value;
            return (...args: unknown[]) => {
              const rows = value.apply(target, args);
              if (!injected) commitElsewhere();
              return rows;
            };
          },
        });
      },
    };
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: hooked as unknown as SqliteDatabase }),
    });
    const store = new SqlStore(db, createSqliteDialectAdapter(realpathSync(path)));
    try {
      const result = await store.registerVersion({
        subject: 'window',
        schema: content,
        decide: () => ({ semver: '1.0.0', compatibilityLevel: 'NONE' }),
      });
      expect(injected).toBe(true);
      expect(result.outcome).toBe('existing');
      expect(result.version.version).toBe(1);
      expect((await store.listVersions('window')).length).toBe(1);
    } finally {
      await store.close();
      other.close();
    }
  });

  it('allocates above the stored ids when the id mark row was removed by hand', async () => {
    const path = join(scratch, 'no-mark.db');
    const store = await createSqliteStore({ filename: path });
    const other = new Sqlite(path);
    try {
      const first = await store.registerVersion({
        subject: 'm',
        schema: schemaOf('{"m":1}'),
        decide: () => ({ semver: '1.0.0', compatibilityLevel: 'NONE' }),
      });
      other.prepare('delete from id_marks').run();
      const second = await store.registerVersion({
        subject: 'm',
        schema: schemaOf('{"m":2}'),
        decide: () => ({ semver: '1.0.0', compatibilityLevel: 'NONE' }),
      });
      expect(second.version.schemaId).toBe(first.version.schemaId + 1);
      const mark = other.prepare('select value from id_marks').get() as { value: number };
      expect(mark.value).toBe(second.version.schemaId);
    } finally {
      other.close();
      await store.close();
    }
  });

  it('refuses every call after close with UNAVAILABLE', async () => {
    const store = await createSqliteStore({ filename: ':memory:' });
    await store.close();
    await store.close();
    await expectStorageError(store.listSubjects(), 'UNAVAILABLE');
  });
});
