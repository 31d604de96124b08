import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../src/create-registry.js';
import { postgresReachable, SHARED_BACKENDS } from './scratch-databases.js';

const postgresUp = await postgresReachable();
const backends = SHARED_BACKENDS.filter(([name]) => name !== 'postgres' || postgresUp);

// The child loads the sources through the Vite that Vitest itself runs on (tsx is not a
// dependency and nothing is built for tests).
const fromVitest = createRequire(createRequire(import.meta.url).resolve('vitest/package.json'));
const vite = pathToFileURL(fromVitest.resolve('vite')).href;
const root = fileURLToPath(new URL('../../..', import.meta.url));
const child = fileURLToPath(new URL('./fixtures/registering-child.mjs', import.meta.url));

interface Ack {
  subject: string;
  version: number;
  id: number;
}

/** Run the registering child until it acknowledged `count` versions, then SIGKILL it. */
function registerThenKill(storage: string, count: number): Promise<Ack[]> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, [child, vite, root, storage, '4'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acks: Ack[] = [];
    let buffered = '';
    let stderr = '';
    let killed = false;
    process_.stderr.on('data', (chunk) => (stderr += chunk));
    process_.stdout.on('data', (chunk) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const [word, subject, version, id] = line.split(' ');
        if (word !== 'ack' || killed) continue;
        acks.push({ subject: subject!, version: Number(version), id: Number(id) });
        if (acks.length >= count) {
          killed = true;
          process_.kill('SIGKILL');
        }
      }
    });
    process_.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(acks);
      else reject(new Error(`The child exited before it was killed: ${stderr}`));
    });
  });
}

describe.each(backends)('a registry process killed mid-load on %s', (_name, create) => {
  it('keeps every acknowledged version and its schema.registered event', async () => {
    const database = await create();
    try {
      const acks = await registerThenKill(database.url, 60);
      expect(acks.length).toBeGreaterThanOrEqual(60);
      const registry = await createRegistry({ storage: database.url });
      try {
        const events = await registry.events.list({ limit: 10_000 });
        const registered = new Set(
          events
            .filter((e) => e.type === 'schema.registered')
            .map((e) =>
              e.type === 'schema.registered' ? `${e.subject}/${e.version}/${e.schemaId}` : '',
            ),
        );
        for (const ack of acks) {
          const version = await registry.subjects.getVersion(ack.subject, ack.version);
          expect(version?.id, `${ack.subject} v${ack.version}`).toBe(ack.id);
          expect(registered.has(`${ack.subject}/${ack.version}/${ack.id}`)).toBe(true);
        }
        // No event without its version either: the outbox is all or nothing.
        for (const key of registered) {
          const [subject, version] = key.split('/');
          expect(await registry.subjects.getVersion(subject!, Number(version))).toBeDefined();
        }
      } finally {
        await registry.close();
      }
    } finally {
      await database.drop();
    }
  }, 120_000);
});
