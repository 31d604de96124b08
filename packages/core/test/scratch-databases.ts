import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The slice of the `pg` client these tests use. */
interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
}

// Core does not depend on `pg`; the storage package does, so load the same client through it.
const pg = createRequire(new URL('../../storage/package.json', import.meta.url))('pg') as {
  Client: new (options: { connectionString: string; connectionTimeoutMillis?: number }) => PgClient;
};

const adminUrl = process.env.LLMSR_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A database for one test: its storage URL and how to remove it. */
export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Whether the test PostgreSQL answers (the postgres cases are skipped when it does not). */
export async function postgresReachable(): Promise<boolean> {
  try {
    await admin('select 1');
    return true;
  } catch {
    return false;
  }
}

/** A new, randomly named PostgreSQL database. */
export async function createPostgresDatabase(): Promise<ScratchDatabase> {
  const name = `llmsr_core_${randomBytes(6).toString('hex')}`;
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(`drop database if exists ${name} with (force)`),
  };
}

/** A new sqlite file in its own temporary directory. */
export async function createSqliteDatabase(): Promise<ScratchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'llmsr-core-'));
  return {
    url: `sqlite:${join(dir, 'registry.db')}`,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The backends two processes can share, for `describe.each`. */
export const SHARED_BACKENDS: [string, () => Promise<ScratchDatabase>][] = [
  ['sqlite', createSqliteDatabase],
  ['postgres', createPostgresDatabase],
];

/** Poll `check` until it returns true or `ms` pass; returns how long it took, or undefined. */
export async function within(
  ms: number,
  check: () => Promise<boolean>,
): Promise<number | undefined> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > ms) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
