import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createSchemaStore } from '../src/index.js';
import { expectStorageError, runStoreConformance, schemaOf } from './conformance.js';

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
