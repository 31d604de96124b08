import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createSchemaStore } from '../src/index.js';
import { expectStorageError, runStoreConformance } from './conformance.js';

const configuredUrl = process.env.LLMSR_TEST_POSTGRES_URL;
const adminUrl = configuredUrl ?? 'postgres://postgres@127.0.0.1:5432/test';
const databaseName = `llmsr_test_${randomBytes(6).toString('hex')}`;

/** Runs one statement on the admin database; the error text when it is unreachable. */
async function admin(statement: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query(statement);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message || String(error) : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

function databaseUrl(name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const unreachable = await admin(`create database ${databaseName}`);

if (unreachable && configuredUrl) {
  describe('postgres store conformance', () => {
    it('reaches the database named by LLMSR_TEST_POSTGRES_URL', () => {
      throw new Error(`LLMSR_TEST_POSTGRES_URL is set but unusable: ${unreachable}`);
    });
  });
} else if (unreachable) {
  console.log(`Skipping PostgreSQL storage tests: ${adminUrl} is unreachable (${unreachable}).`);
  describe.skip('postgres store conformance (no database at the default URL)', () => {
    it('needs PostgreSQL', () => {});
  });
} else {
  const url = databaseUrl(databaseName);
  // Before the conformance suite, whose destroy() drops the database.
  describe('postgres backend specifics', () => {
    it('reports a missing database as UNAVAILABLE', async () => {
      await expectStorageError(
        createSchemaStore(databaseUrl(`${databaseName}_missing`)),
        'UNAVAILABLE',
      );
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
    destroy: async () => {
      const failure = await admin(`drop database if exists ${databaseName} with (force)`);
      if (failure) throw new Error(`Could not drop ${databaseName}: ${failure}`);
    },
    persistent: true,
    concurrentInstances: true,
  });
}
