import type { Principal } from '@llmsr/spec';
import { MemoryStore } from '@llmsr/storage';
import { afterEach, describe, expect, it } from 'vitest';
import { type ApiKeyService, createApiKeyService } from './api-key-service.js';
import { createAuthenticator } from './create-authenticator.js';

const admin: Principal = { id: 'admin:bootstrap', kind: 'bootstrap-admin', role: 'admin' };
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** Lets the revocation follower read the events the store just signalled. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the API key service', () => {
  const open: ApiKeyService[] = [];
  const service = (store: MemoryStore, adminApiKey?: string) => {
    const keys = createApiKeyService({ store, adminApiKey });
    open.push(keys);
    return keys;
  };
  afterEach(() => {
    for (const keys of open.splice(0)) keys.close();
  });

  it('answers the secret once and stores only an scrypt hash of it', async () => {
    const store = new MemoryStore();
    const keys = service(store);
    const created = await keys.create({ name: 'ci', role: 'writer', subjects: ['team-a.'] }, admin);
    expect(created.key).toMatch(/^llmsr_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(created.key).toBe(`llmsr_${created.id}_${created.basic_password}`);
    const stored = await store.getApiKey(created.id);
    expect(stored).toMatchObject({ role: 'writer', subjects: ['team-a.'], createdBy: admin.id });
    expect(JSON.stringify(stored)).not.toContain(created.basic_password);
    const listed = await keys.list();
    expect(listed.items.find((k) => k.id === created.id)).not.toHaveProperty('secretHash');
  });

  it('authenticates a key by Bearer, X-API-Key and HTTP Basic, and refuses a wrong secret', async () => {
    const keys = service(new MemoryStore());
    const auth = createAuthenticator({ keys });
    const created = await keys.create({ name: 'svc', role: 'reader', subjects: ['a.'] }, admin);
    const want = { id: `key:${created.id}`, kind: 'api-key', role: 'reader', subjects: ['a.'] };
    expect(await auth.authenticate({ authorization: `Bearer ${created.key}` })).toEqual(want);
    expect(await auth.authenticate({ apiKey: created.key })).toEqual(want);
    expect(
      await auth.authenticate({ authorization: basic(created.basic_user, created.basic_password) }),
    ).toEqual(want);
    const wrong = `${created.key.slice(0, -4)}AAAA`;
    await expect(auth.authenticate({ apiKey: wrong })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await expect(
      auth.authenticate({ authorization: basic(created.basic_user, 'nope') }),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await auth.authenticate({})).toBeUndefined();
  });

  it('refuses a revoked key at once, even when another node revokes it', async () => {
    const store = new MemoryStore();
    const nodeA = service(store);
    const nodeB = service(store);
    await settle();
    const created = await nodeA.create({ name: 'x', role: 'writer' }, admin);
    const credentials = { kind: 'bearer', token: created.key } as const;
    expect(await nodeA.authenticate(credentials)).toMatchObject({ role: 'writer' });
    expect(await nodeB.authenticate(credentials)).toMatchObject({ role: 'writer' });

    expect(await nodeB.revoke(created.id, admin)).toBe(true);
    expect(await nodeB.revoke(created.id, admin)).toBe(false);
    await expect(nodeB.authenticate(credentials)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await settle();
    // Node A had the key cached; the revocation event cleared it.
    await expect(nodeA.authenticate(credentials)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('accepts the bootstrap admin key by Bearer and as Basic admin:<key>', async () => {
    const keys = service(new MemoryStore(), 'bootstrap-secret-0123456789');
    const auth = createAuthenticator({ keys });
    const want = { id: 'admin:bootstrap', kind: 'bootstrap-admin', role: 'admin' };
    expect(
      await auth.authenticate({ authorization: 'Bearer bootstrap-secret-0123456789' }),
    ).toEqual(want);
    expect(
      await auth.authenticate({ authorization: basic('admin', 'bootstrap-secret-0123456789') }),
    ).toEqual(want);
    await expect(
      auth.authenticate({ authorization: 'Bearer bootstrap-secret-01234567' }),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a key without a name, with an unknown role or an empty prefix', async () => {
    const keys = service(new MemoryStore());
    await expect(keys.create({ name: ' ', role: 'reader' }, admin)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'name' },
    });
    await expect(keys.create({ name: 'k', role: 'root' as never }, admin)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'role' },
    });
    await expect(
      keys.create({ name: 'k', role: 'reader', subjects: [''] }, admin),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'subjects' } });
  });

  it('refuses malformed headers and two different credentials', async () => {
    const auth = createAuthenticator({ keys: service(new MemoryStore()) });
    for (const headers of [
      { authorization: 'Token abc' },
      { authorization: 'Basic bm9jb2xvbg==' },
      { authorization: 'Bearer a', apiKey: 'b' },
      { authorization: 'Bearer eyJ.not.a-jwt-without-verifier' },
    ]) {
      await expect(auth.authenticate(headers)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });
});
