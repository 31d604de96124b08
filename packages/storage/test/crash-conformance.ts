import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchemaStore } from '../src/index.js';
import { transpileStorage } from './fixtures/transpile-storage.js';

/** Inside the package (so Node finds its dependencies), one directory per test file and run. */
const buildRoot = fileURLToPath(new URL('../node_modules/.cache/', import.meta.url));
const writer = fileURLToPath(new URL('./fixtures/crash-writer.mjs', import.meta.url));

/** Runs the writer until it acknowledged `acks` writes, then kills it with SIGKILL. */
async function killMidLoad(built: string, url: string, acks: number): Promise<string[]> {
  const child: ChildProcess = spawn(process.execPath, [writer, built, url], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let buffer = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      lines.push(...parts);
      if (lines.length >= acks) resolve();
    });
    child.on('exit', (code) => reject(new Error(`writer exited early (${code}): ${stderr}`)));
  });
  child.kill('SIGKILL');
  await exited;
  return lines;
}

/**
 * After a registry process is killed mid-load, every write it acknowledged is stored with its
 * event, and no version exists without its event or event without its change.
 */
export function runCrashConformance(options: {
  name: string;
  /** A URL for a database of this suite only, and a way to open stores on it. */
  url: () => string;
  open: () => Promise<SchemaStore>;
}): void {
  describe(`${options.name} events after a crash`, () => {
    const built = join(buildRoot, `llmsr-crash-${options.name}-${randomUUID().slice(0, 8)}`);
    beforeAll(() => transpileStorage(built));
    afterAll(() => rmSync(built, { recursive: true, force: true }));

    it('keeps every acknowledged write and its event when the writer is killed with SIGKILL', async () => {
      const acked: string[] = [];
      // Twice: the second run starts on a database the first one left mid-transaction.
      acked.push(...(await killMidLoad(built, options.url(), 60)));
      acked.push(...(await killMidLoad(built, options.url(), 60)));
      const store = await options.open();
      try {
        // Other suites may share the database: only this writer's subjects count.
        const events = (await store.listEvents({ afterId: 0, limit: 100_000 })).filter((e) =>
          String(e.payload.subject).startsWith('crash-'),
        );
        const registeredEvents = events
          .filter((e) => e.type === 'schema.registered')
          .map((e) => `${e.payload.subject} ${e.payload.version}`);
        const deletedEvents = events
          .filter((e) => e.type === 'schema.deleted')
          .map((e) => `${e.payload.subject} ${e.payload.version}`);
        const stored: string[] = [];
        const deleted: string[] = [];
        for (const subject of ['crash-0', 'crash-1', 'crash-2']) {
          for (const v of await store.listVersions(subject, { includeDeleted: true })) {
            stored.push(`${subject} ${v.version}`);
            if (v.deletedAt !== null) deleted.push(`${subject} ${v.version}`);
          }
        }
        // Exactly one event per stored version and per soft delete, none for anything else.
        expect([...registeredEvents].sort()).toEqual([...stored].sort());
        expect([...deletedEvents].sort()).toEqual([...deleted].sort());
        for (const line of acked) {
          const [kind, subject, n] = line.split(' ');
          if (kind === 'registered') expect(stored).toContain(`${subject} ${n}`);
          if (kind === 'deleted') expect(deleted).toContain(`${subject} ${n}`);
          if (kind === 'config') {
            const changed = events.some(
              (e) => e.type === 'config.changed' && e.payload.level === Number(n),
            );
            expect(changed).toBe(true);
          }
        }
        expect(acked.length).toBeGreaterThanOrEqual(120);
      } finally {
        await store.close();
      }
    });
  });
}
