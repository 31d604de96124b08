import { MemoryStore } from '@llmsr/storage';
import { describe, expect, it } from 'vitest';
import { AUDIT_EVENT, createAuditRecorder } from './audit-recorder.js';

const writer = { id: 'key:abc', kind: 'api-key', role: 'writer' } as const;

describe('the audit recorder', () => {
  it('records the principal id, never a caller-supplied name, and emits a change event', async () => {
    const store = new MemoryStore();
    const audit = createAuditRecorder({ store });
    const record = await audit.recordAudit({
      principal: writer,
      action: 'schema.register',
      subject: 'orders',
      result: 'ok',
      clientAddress: '192.0.2.1',
      details: { version: 3 },
    });
    expect(record).toMatchObject({ principal: 'key:abc', subject: 'orders', result: 'ok' });
    const events = await store.listEvents();
    expect(events.at(-1)).toMatchObject({
      type: AUDIT_EVENT,
      payload: { principal: 'key:abc', action: 'schema.register', result: 'ok' },
    });
  });

  it('stores refused attempts without emitting them, unless asked, so a flood cannot evict schema events', async () => {
    const store = new MemoryStore();
    await createAuditRecorder({ store }).recordAudit({
      principal: undefined,
      action: 'import',
      result: 'denied',
    });
    expect(await store.listEvents()).toEqual([]);
    expect((await store.listAudit({ result: 'denied' })).total).toBe(1);
    await createAuditRecorder({ store, emitDenied: true }).recordAudit({
      principal: undefined,
      action: 'import',
      result: 'denied',
    });
    expect(await store.listEvents()).toHaveLength(1);
  });

  it('records refused anonymous attempts as anonymous, and cleans hostile text', async () => {
    const store = new MemoryStore();
    const audit = createAuditRecorder({ store, emitEvents: false });
    await audit.recordAudit({
      principal: undefined,
      action: 'mode.write',
      subject: `evil\u0000${'x'.repeat(5_000)}`,
      result: 'denied',
    });
    const { items } = await audit.list({ result: 'denied' });
    expect(items[0]?.principal).toBe('anonymous');
    expect(items[0]?.subject).not.toContain('\u0000');
    expect(items[0]?.subject?.length).toBe(1_000);
    expect(await store.listEvents()).toEqual([]);
  });

  it('prunes entries older than the retention, and keeps everything with retention 0', async () => {
    const store = new MemoryStore();
    let clock = new Date('2026-01-01T00:00:00Z');
    const audit = createAuditRecorder({ store, retentionDays: 7, now: () => clock });
    await audit.recordAudit({ principal: writer, action: 'import', result: 'ok' });
    clock = new Date('2026-01-05T00:00:00Z');
    await audit.recordAudit({ principal: writer, action: 'import', result: 'ok' });
    clock = new Date('2026-01-10T00:00:00Z');
    expect(await audit.prune()).toBe(1);
    expect((await audit.list()).total).toBe(1);
    const forever = createAuditRecorder({ store, retentionDays: 0, now: () => clock });
    clock = new Date('2027-01-01T00:00:00Z');
    expect(await forever.prune()).toBe(0);
    expect((await audit.list()).total).toBe(1);
  });

  it('reports a storage failure without throwing', async () => {
    const store = new MemoryStore();
    await store.close();
    const errors: unknown[] = [];
    const audit = createAuditRecorder({ store, onError: (e) => errors.push(e) });
    expect(
      await audit.recordAudit({ principal: writer, action: 'import', result: 'error' }),
    ).toBeUndefined();
    expect(errors).toHaveLength(1);
  });
});
