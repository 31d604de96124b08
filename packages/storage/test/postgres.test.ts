import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchemaStore } from '../src/index.js';
import { runAuthConformance } from './auth-conformance.js';
import { expectStorageError, runStoreConformance, schemaOf } from './conformance.js';
import { runCrashConformance } from './crash-conformance.js';
import { runEventConformance } from './event-conformance.js';
import { runIdMarkConformance } from './id-mark-conformance.js';
import { runIdentityConformance } from './identity-conformance.js';
import { runLegacyUpgradeTest } from './legacy-upgrade.js';
import { runOutboxConformance } from './outbox-conformance.js';
import { runUpgradeConformance } from './upgrade-conformance.js';
import { runWatchConformance, waitFor } from './watch-conformance.js';

const configuredUrl = process.env.LLMSR_TEST_POSTGRES_URL;
const adminUrl = configuredUrl ?? 'postgres://postgres@127.0.0.1:5432/test';
const databaseName = `llmsr_test_${randomBytes(6).toString('hex')}`;

/** Runs one statement on the admin database; why it failed, and whether connecting did. */
async function admin(
  statement: string,
): Promise<{ stage: 'connect' | 'query'; message: string } | undefined> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  const messageOf = (error: unknown) =>
    error instanceof Error ? error.message || String(error) : String(error);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    return { stage: 'connect', message: messageOf(error) };
  }
  try {
    await client.query(statement);
    return undefined;
  } catch (error) {
    return { stage: 'query', message: messageOf(error) };
  } finally {
    await client.end().catch(() => {});
  }
}

function databaseUrl(name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

// Only a probe at load time: the database itself is made in beforeAll, so a run whose filter
// selects none of these tests leaves nothing behind.
const failure = await admin('select 1');

if (failure && (configuredUrl || failure.stage === 'query')) {
  // A configured database must work, and a reachable server that cannot run a query is broken.
  describe('postgres store conformance', () => {
    it('reaches the admin database', () => {
      throw new Error(`Cannot use ${adminUrl}: ${failure.message}`);
    });
  });
} else if (failure) {
  console.log(
    `Skipping PostgreSQL storage tests: ${adminUrl} is unreachable (${failure.message}). ` +
      'Set LLMSR_TEST_POSTGRES_URL to run them.',
  );
  describe.skip('postgres store conformance (no database at the default URL)', () => {
    it('needs PostgreSQL', () => {});
  });
} else {
  const url = databaseUrl(databaseName);
  beforeAll(async () => {
    const createFailure = await admin(`create database ${databaseName}`);
    if (createFailure) throw new Error(`Cannot create ${databaseName}: ${createFailure.message}`);
  });
  afterAll(async () => {
    const dropFailure = await admin(`drop database if exists ${databaseName} with (force)`);
    if (dropFailure) throw new Error(`Could not drop ${databaseName}: ${dropFailure.message}`);
  });

  let freshDatabases = 0;
  /** A new database of its own, dropped by `dispose`. */
  const freshDatabase = async () => {
    const name = `${databaseName}_f${++freshDatabases}`;
    const failed = await admin(`create database ${name}`);
    if (failed) throw new Error(`Cannot create ${name}: ${failed.message}`);
    return {
      url: databaseUrl(name),
      drop: async () => {
        await admin(`drop database if exists ${name} with (force)`);
      },
    };
  };

  describe('postgres backend specifics', () => {
    it('reports a missing database as UNAVAILABLE', async () => {
      await expectStorageError(
        createSchemaStore(databaseUrl(`${databaseName}_missing`)),
        'UNAVAILABLE',
      );
    });

    it('decides again when another process changes the subject while decide runs', async () => {
      const store = await createSchemaStore(url);
      const other = new pg.Client({ connectionString: url });
      await other.connect();
      try {
        const subject = `retry-${randomBytes(4).toString('hex')}`;
        const first = await store.registerVersion({
          subject,
          schema: schemaOf(`{"r":"${subject}"}`),
          decide: () => ({ semver: '1.0.0', compatibilityLevel: 'NONE' }),
        });
        const histories: number[][] = [];
        const result = await store.registerVersion({
          subject,
          schema: schemaOf(`{"r2":"${subject}"}`),
          decide: async (history) => {
            histories.push(history.map((v) => v.version));
            if (histories.length === 1) {
              // What a second registry process could commit between our read and our write.
              await other.query(
                `insert into subject_versions (subject, version, semver, schema_id, compatibility_level, created_at)
                 values ($1, 2, '1.0.0', $2, 'NONE', $3)`,
                [subject, first.version.schemaId, new Date().toISOString()],
              );
            }
            return { semver: '1.1.0', compatibilityLevel: 'BACKWARD' };
          },
        });
        expect(histories).toEqual([[1], [2, 1]]);
        expect(result.version.version).toBe(3);
      } finally {
        await other.end();
        await store.close();
      }
    });

    it('migrates a fresh database once when several stores start at the same time', async () => {
      const name = `${databaseName}_m`;
      expect(await admin(`create database ${name}`)).toBeUndefined();
      try {
        const stores = await Promise.all(
          Array.from({ length: 4 }, () => createSchemaStore(databaseUrl(name))),
        );
        await Promise.all(stores.map((s) => s.ping()));
        await Promise.all(stores.map((s) => s.close()));
      } finally {
        await admin(`drop database if exists ${name} with (force)`);
      }
    });

    it('listens again after its connection is killed, signalling once to catch up', async () => {
      const watcher = await createSchemaStore(url);
      const writer = await createSchemaStore(url);
      const killer = new pg.Client({ connectionString: url });
      await killer.connect();
      let calls = 0;
      const stop = watcher.watchEvents(() => {
        calls += 1;
      });
      try {
        await waitFor(() => calls > 0, 2_000); // the first LISTEN signals once
        calls = 0;
        const killed = await killer.query(
          `select pg_terminate_backend(pid) as ok from pg_stat_activity
           where datname = current_database() and query ilike 'listen %'`,
        );
        expect(killed.rowCount).toBe(1);
        await waitFor(() => calls > 0, 3_000); // the re-LISTEN signals once
        calls = 0;
        await writer.appendEvent({ type: 'after-reconnect', payload: {} });
        await waitFor(() => calls > 0, 1_000);
      } finally {
        stop();
        await killer.end();
        await writer.close();
        await watcher.close();
      }
    });

    it('accepts the postgresql:// scheme too', async () => {
      const store = await createSchemaStore(url.replace(/^postgres:/, 'postgresql:'));
      expect(store.backend).toBe('postgres');
      await store.ping();
      await store.close();
    });
  });

  runStoreConformance({
    name: 'postgres',
    createStore: () => createSchemaStore(url),
    persistent: true,
    concurrentInstances: true,
  });

  runAuthConformance({
    name: 'postgres',
    createStore: () => createSchemaStore(url),
    persistent: true,
  });

  runEventConformance({
    name: 'postgres',
    createStore: () => createSchemaStore(url),
    persistent: true,
  });

  runIdMarkConformance({
    name: 'postgres',
    createStore: () => createSchemaStore(url),
    freshDatabase: async () => {
      const fresh = await freshDatabase();
      return { open: () => createSchemaStore(fresh.url), dispose: fresh.drop };
    },
    persistent: true,
  });

  runOutboxConformance({
    name: 'postgres',
    createStore: () => createSchemaStore(url),
    createStoreWith: (options) => createSchemaStore(url, options),
    persistent: true,
    concurrentInstances: true,
  });

  runWatchConformance({
    name: 'postgres',
    createStore: () => createSchemaStore(url),
    persistent: true,
    concurrentInstances: true,
  });

  runCrashConformance({ name: 'postgres', url: () => url, open: () => createSchemaStore(url) });

  runUpgradeConformance({
    name: 'postgres',
    freshDatabase: async () => {
      const fresh = await freshDatabase();
      return { open: () => createSchemaStore(fresh.url), dispose: fresh.drop };
    },
    shared: true,
  });

  runLegacyUpgradeTest('postgres', async () => {
    const fresh = await freshDatabase();
    const pool = new pg.Pool({ connectionString: fresh.url });
    // Dropping the database terminates a connection still closing; that is expected here.
    pool.on('error', () => {});
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      open: () => createSchemaStore(fresh.url),
      dispose: async () => {
        await db.destroy();
        await fresh.drop();
      },
    };
  });

  runIdentityConformance({
    name: 'postgres',
    createStore: () => createSchemaStore(url),
    persistent: true,
    concurrentInstances: true,
  });
}
