import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const loaded = (name: string) =>
  Object.keys(createRequire(import.meta.url).cache).some((path) =>
    path.includes(`/node_modules/${name}/`),
  );

describe('createSchemaStore driver loading', () => {
  it('loads no SQL driver for memory:, only better-sqlite3 for sqlite:, pg for postgres:', async () => {
    // This file runs in its own worker process, so nothing else has loaded a driver yet.
    expect(loaded('pg')).toBe(false);
    const { createSchemaStore } = await import('./index.js');
    const memory = await createSchemaStore('memory:');
    await memory.close();
    expect(loaded('pg')).toBe(false);
    expect(loaded('better-sqlite3')).toBe(false);
    const sqlite = await createSchemaStore('sqlite::memory:');
    await sqlite.close();
    expect(loaded('better-sqlite3')).toBe(true);
    expect(loaded('pg')).toBe(false);
    // Nothing listens on port 1; opening still has to load pg first.
    await createSchemaStore('postgres://postgres@127.0.0.1:1/none').catch(() => {});
    expect(loaded('pg')).toBe(true);
  });
});
