import type { Principal } from '@llmsr/spec';
import { createSchemaStore, type SchemaStore } from '@llmsr/storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiKeyService, createApiKeyService } from '../src/auth/api-key-service.js';
import { reachableSharedBackends } from './create-test-registry.js';
import { type ScratchDatabase, within } from './scratch-databases.js';

const backends = await reachableSharedBackends();
const admin: Principal = { id: 'admin:bootstrap', kind: 'bootstrap-admin', role: 'admin' };

describe.each(backends)('key revocation across two nodes on one %s database', (_name, create) => {
  let database: ScratchDatabase;
  let stores: SchemaStore[];
  let a: ApiKeyService;
  let b: ApiKeyService;
  beforeEach(async () => {
    database = await create();
    stores = [await createSchemaStore(database.url), await createSchemaStore(database.url)];
    // A TTL far beyond the test, so only the revocation event can clear node A's cache.
    a = createApiKeyService({ store: stores[0] as SchemaStore, cacheTtlMs: 3_600_000 });
    b = createApiKeyService({ store: stores[1] as SchemaStore, cacheTtlMs: 3_600_000 });
  });
  afterEach(async () => {
    a.close();
    b.close();
    for (const store of stores) await store.close();
    await database.drop();
  });

  it('refuses on the other node, within a second, a key it had cached', async () => {
    const created = await b.create({ name: 'ci', role: 'writer' }, admin);
    const credentials = { kind: 'bearer', token: created.key } as const;
    expect(await a.authenticate(credentials)).toMatchObject({ id: `key:${created.id}` });
    expect(await b.revoke(created.id, admin)).toBe(true);
    const took = await within(2_000, () =>
      a.authenticate(credentials).then(
        () => false,
        (error: { code?: string }) => error.code === 'UNAUTHENTICATED',
      ),
    );
    expect(took).toBeDefined();
    expect(took).toBeLessThan(1_000);
  });
});
