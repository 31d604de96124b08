import { MemoryStore } from '@llmsr/storage';
import { describe, expect, it } from 'vitest';
import { createAccessControl } from './access-control.js';

const teamA = { id: 'key:a', kind: 'api-key', role: 'writer', subjects: ['team-a.'] } as const;
const admin = { id: 'admin:bootstrap', kind: 'bootstrap-admin', role: 'admin' } as const;

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('the access control', () => {
  it('allows everything and ignores credentials when auth is off', async () => {
    const access = createAccessControl(new MemoryStore());
    expect(await access.authenticate({ authorization: 'Bearer whatever' })).toBeUndefined();
    await access.check({ principal: undefined, action: 'subject.delete.permanent' });
    expect(access.canSee(undefined, 'x')).toBe(true);
    expect(access.auditing).toBe(false);
    access.close();
  });

  it('refuses anonymous and under-privileged attempts and records each refusal', async () => {
    const store = new MemoryStore();
    const access = createAccessControl(store, { enabled: true, adminApiKey: 'boot-key-123' });
    expect(await codeOf(access.check({ principal: undefined, action: 'schema.read' }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      await codeOf(
        access.check({ principal: teamA, action: 'schema.register', subject: 'team-b.x' }),
      ),
    ).toBe('FORBIDDEN');
    await access.check({ principal: teamA, action: 'schema.register', subject: 'team-a.x' });
    const { items } = await store.listAudit({});
    expect(items.map((i) => [i.principal, i.result])).toEqual(
      expect.arrayContaining([
        ['anonymous', 'denied'],
        ['key:a', 'denied'],
      ]),
    );
    expect(items).toHaveLength(2);
    access.close();
  });

  it('lets a prefix-limited principal read a schema by id only when a visible subject holds it', async () => {
    const access = createAccessControl(new MemoryStore(), {
      enabled: true,
      adminApiKey: 'boot-key-123',
      subjectsOfSchema: async (id) => (id === 1 ? ['team-a.orders'] : ['team-b.users']),
    });
    await access.check({ principal: teamA, action: 'schema.read', schemaId: 1 });
    expect(
      await codeOf(access.check({ principal: teamA, action: 'schema.read', schemaId: 2 })),
    ).toBe('FORBIDDEN');
    await access.check({ principal: admin, action: 'schema.read', schemaId: 2 });
    access.close();
  });

  it('authenticates the bootstrap admin key and filters listings by prefix', async () => {
    const access = createAccessControl(new MemoryStore(), {
      enabled: true,
      adminApiKey: 'boot-key-123',
    });
    expect(await access.authenticate({ apiKey: 'boot-key-123' })).toMatchObject({ role: 'admin' });
    expect(await codeOf(access.authenticate({ apiKey: 'llmsr_nope' }))).toBe('UNAUTHENTICATED');
    expect(access.filterSubjects(teamA, ['team-a.x', 'team-b.y'])).toEqual(['team-a.x']);
    expect(access.filterSubjects(undefined, ['team-a.x'])).toEqual([]);
    access.close();
  });

  it('records outcomes of mutations only', async () => {
    const store = new MemoryStore();
    const access = createAccessControl(store, { enabled: true, adminApiKey: 'boot-key-123' });
    await access.recordOutcome({ principal: admin, action: 'mode.write' }, 'ok');
    await access.recordOutcome({ principal: admin, action: 'schema.read' }, 'ok');
    const { items } = await store.listAudit({});
    expect(items.map((i) => i.action)).toEqual(['mode.write']);
    access.close();
  });
});
