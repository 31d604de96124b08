import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewApiKey, SchemaStore } from '../src/index.js';
import { expectStorageError, type StoreConformanceOptions } from './conformance.js';

/** A key whose id, basic user and name are unique to this run, so shared databases do not clash. */
function newKey(overrides: Partial<NewApiKey> = {}): NewApiKey {
  const id = randomUUID();
  return {
    id,
    name: `key ${id}`,
    role: 'writer',
    subjects: ['team-a.', 'team-b.'],
    basicUser: `user-${id}`,
    secretHash: 'aGFzaA==',
    salt: 'c2FsdA==',
    createdBy: 'admin:bootstrap',
    ...overrides,
  };
}

/** Stores API keys (hashes only) and the audit log, with filters, paging and retention. */
export function runAuthConformance(options: StoreConformanceOptions): void {
  describe(`${options.name} API keys and audit log`, () => {
    let store: SchemaStore;
    beforeAll(async () => {
      store = await options.createStore();
    });
    afterAll(async () => {
      await store?.close();
      await options.destroy?.();
    });

    it('stores a key and finds it by id and by basic user, unrevoked', async () => {
      const key = newKey();
      const created = await store.createApiKey(key);
      expect(created).toMatchObject({ ...key, revokedAt: null });
      expect(Date.parse(created.createdAt)).not.toBeNaN();
      expect(await store.getApiKey(key.id)).toEqual(created);
      expect(await store.getApiKeyByBasicUser(key.basicUser)).toEqual(created);
      expect(await store.getApiKey(randomUUID())).toBeUndefined();
      expect(await store.getApiKeyByBasicUser('nobody')).toBeUndefined();
    });

    it('refuses a second key with the same id or the same basic user', async () => {
      const key = newKey();
      await store.createApiKey(key);
      await expectStorageError(store.createApiKey({ ...newKey(), id: key.id }), 'ID_CONFLICT');
      await expectStorageError(
        store.createApiKey({ ...newKey(), basicUser: key.basicUser }),
        'ID_CONFLICT',
      );
    });

    it('revokes a key once, appending the revocation event only when it changed something', async () => {
      const key = await store.createApiKey(newKey());
      const event = { type: 'auth.key.revoked', payload: { id: key.id } };
      const before = await lastEventId(store);
      expect(await store.revokeApiKey(key.id, { event })).toBe(true);
      expect(await store.revokeApiKey(key.id, { event })).toBe(false);
      expect(await store.revokeApiKey(randomUUID(), { event })).toBe(false);
      const events = await store.listEvents({ afterId: before, limit: 100 });
      expect(events.filter((e) => e.payload.id === key.id)).toHaveLength(1);
      expect((await store.getApiKey(key.id))?.revokedAt).not.toBeNull();
    });

    it('lists keys newest first, hides revoked ones unless asked, and pages', async () => {
      const a = await store.createApiKey(newKey());
      const b = await store.createApiKey(newKey());
      await store.revokeApiKey(a.id);
      const live = await store.listApiKeys({ limit: 100_000 });
      expect(live.items.some((k) => k.id === a.id)).toBe(false);
      expect(live.items.some((k) => k.id === b.id)).toBe(true);
      const all = await store.listApiKeys({ includeRevoked: true, limit: 100_000 });
      expect(all.items.some((k) => k.id === a.id)).toBe(true);
      expect(all.total).toBe(all.items.length);
      expect(all.total).toBeGreaterThan(live.total);
      const times = all.items.map((k) => k.createdAt);
      expect([...times].sort().reverse()).toEqual(times);
      const page = await store.listApiKeys({ includeRevoked: true, limit: 1, offset: 1 });
      expect(page.items).toEqual([all.items[1]]);
      expect(page.total).toBe(all.total);
    });

    it('appends audit entries and filters them by principal, action, subject, result and time', async () => {
      const principal = `key:${randomUUID()}`;
      const base = { principal, clientAddress: '10.0.0.7', details: { version: 1 } };
      const first = await store.appendAudit({
        ...base,
        action: 'schema.register',
        subject: 'team-a.orders',
        result: 'ok',
        time: '2026-01-01T00:00:00.000Z',
      });
      await store.appendAudit({
        ...base,
        action: 'subject.delete.permanent',
        subject: 'team-a.orders',
        result: 'denied',
        time: '2026-01-02T00:00:00.000Z',
      });
      await store.appendAudit({
        ...base,
        action: 'mode.write',
        subject: null,
        result: 'error',
        time: '2026-01-03T00:00:00.000Z',
        details: { code: 'INVALID_MODE', nested: { list: [1, 'two', null] } },
      });
      expect(first).toMatchObject({ ...base, action: 'schema.register', result: 'ok' });
      expect(typeof first.id).toBe('string');

      const mine = await store.listAudit({ principal });
      expect(mine.total).toBe(3);
      expect(mine.items.map((r) => r.action)).toEqual([
        'mode.write',
        'subject.delete.permanent',
        'schema.register',
      ]);
      expect(mine.items[0]).toMatchObject({
        subject: null,
        clientAddress: '10.0.0.7',
        details: { code: 'INVALID_MODE', nested: { list: [1, 'two', null] } },
      });
      expect((await store.listAudit({ principal, result: 'denied' })).total).toBe(1);
      expect((await store.listAudit({ principal, action: 'schema.register' })).total).toBe(1);
      expect((await store.listAudit({ principal, subject: 'team-a.orders' })).total).toBe(2);
      const window = await store.listAudit({
        principal,
        since: '2026-01-02T00:00:00.000Z',
        until: '2026-01-03T00:00:00.000Z',
      });
      expect(window.items.map((r) => r.action)).toEqual(['subject.delete.permanent']);
      const page = await store.listAudit({ principal, limit: 1, offset: 1 });
      expect(page).toEqual({ total: 3, items: [mine.items[1]] });
    });

    it('deletes audit entries older than the retention bound, and only those', async () => {
      const principal = `key:${randomUUID()}`;
      const entry = {
        principal,
        action: 'import',
        subject: null,
        clientAddress: null,
        details: {},
      };
      await store.appendAudit({ ...entry, result: 'ok', time: '2000-01-01T00:00:00.000Z' });
      await store.appendAudit({ ...entry, result: 'ok', time: '2000-01-02T00:00:00.000Z' });
      await store.appendAudit({ ...entry, result: 'ok' });
      expect(await store.deleteAuditBefore('2000-01-02T00:00:00.000Z')).toBeGreaterThanOrEqual(1);
      const left = await store.listAudit({ principal });
      expect(left.total).toBe(2);
      expect(left.items.every((r) => r.time >= '2000-01-02T00:00:00.000Z')).toBe(true);
    });
  });
}

async function lastEventId(store: SchemaStore): Promise<number> {
  let after = 0;
  for (;;) {
    const page = await store.listEvents({ afterId: after, limit: 10_000 });
    const last = page.at(-1);
    if (!last) return after;
    after = last.id;
  }
}
