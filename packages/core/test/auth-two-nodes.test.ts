import type { Principal } from '@llmsr/spec';
import { afterEach, describe, expect, it } from 'vitest';
import { createRegistry } from '../src/create-registry.js';
import type { Registry } from '../src/registry.js';
import { codeOf, reachableSharedBackends } from './create-test-registry.js';
import type { ScratchDatabase } from './scratch-databases.js';

const ADMIN_KEY = 'two-node-admin-key-0123';
const admin: Principal = { id: 'admin:bootstrap', kind: 'bootstrap-admin', role: 'admin' };
const backends = await reachableSharedBackends();

let opened: Registry[] = [];
let database: ScratchDatabase | undefined;
afterEach(async () => {
  for (const node of opened) await node.close();
  opened = [];
  await database?.drop();
  database = undefined;
});

async function twoNodes(create: () => Promise<ScratchDatabase>): Promise<[Registry, Registry]> {
  database = await create();
  const auth = { enabled: true, adminApiKey: ADMIN_KEY };
  const a = await createRegistry({ storage: database.url, auth, eventPollMs: 20 });
  const b = await createRegistry({ storage: database.url, auth, eventPollMs: 20 });
  opened = [a, b];
  return [a, b];
}

/** Polls until `check` passes or two seconds pass. */
async function eventually(check: () => Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

describe.each(backends)('API keys across two nodes on %s', (_name, create) => {
  it('authenticates a key made on one node on the other, and a revocation on either takes effect on both', async () => {
    const [a, b] = await twoNodes(create);
    const created = await a.access.keys.create({ name: 'ci', role: 'writer' }, admin);
    const headers = { authorization: `Bearer ${created.key}` };
    // Both nodes verify it (and cache the verification).
    expect(await a.access.authenticate(headers)).toMatchObject({ role: 'writer' });
    expect(await b.access.authenticate(headers)).toMatchObject({ role: 'writer' });
    expect(await b.access.keys.revoke(created.id, admin)).toBe(true);
    expect(await codeOf(b.access.authenticate(headers))).toBe('UNAUTHENTICATED');
    // Node a drops its cached verification as soon as it reads the revocation event.
    const refused = await eventually(
      async () => (await codeOf(a.access.authenticate(headers))) === 'UNAUTHENTICATED',
    );
    expect(refused).toBe(true);
  });

  it('keeps one audit log for both nodes', async () => {
    const [a, b] = await twoNodes(create);
    await a.access.check({ principal: undefined, action: 'schema.read' }).catch(() => {});
    await b.access.recordOutcome({ principal: admin, action: 'mode.write' }, 'ok');
    const { items } = await a.access.audit.list({});
    expect(items.map((entry) => [entry.principal, entry.action, entry.result]).sort()).toEqual([
      ['admin:bootstrap', 'mode.write', 'ok'],
      ['anonymous', 'schema.read', 'denied'],
    ]);
  });
});
