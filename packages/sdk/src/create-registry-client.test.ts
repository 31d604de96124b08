import { describe, expect, it } from 'vitest';
import { createRegistryClient } from './create-registry-client.js';

/** A client over a fake registry that knows schemas 1-9 and records each path it is asked. */
function countingClient(cacheSize: number) {
  const seen: string[] = [];
  const client = createRegistryClient({
    baseUrl: 'http://registry.test',
    retries: 0,
    cacheSize,
    fetch: async (input) => {
      const path = new URL(String(input)).pathname;
      seen.push(path);
      const id = Number(path.split('/').pop());
      const body = {
        id,
        guid: `g-${id}`,
        subject: 'people',
        version: id,
        semver: `${id}.0.0`,
        schema_type: 'JSON',
        schema: { type: 'object' },
        fingerprint: `f-${id}`,
        references: [],
        metadata: null,
        created_at: '2026-01-01T00:00:00.000Z',
        versions: [{ subject: 'people', version: id, deleted: false }],
      };
      return new Response(JSON.stringify(body), { status: 200 });
    },
  });
  return { client, seen };
}

describe('createRegistryClient schema cache', () => {
  it('answers a repeated id from the cache without a request', async () => {
    const { client, seen } = countingClient(10);
    await client.getSchema(1);
    const again = await client.getSchema(1);
    expect(again.id).toBe(1);
    expect(seen).toEqual(['/api/v1/schemas/1']);
  });

  it('evicts the least recently used schema, so one read often stays cached', async () => {
    // Each schema takes two entries (its id and its guid): 4 entries hold two schemas.
    const { client, seen } = countingClient(4);
    await client.getSchema(1);
    await client.getSchema(2);
    await client.getSchema(1); // a hit: 1 becomes the most recently used
    await client.getSchema(3); // evicts 2's entries, not 1's
    seen.length = 0;
    await client.getSchema(1);
    await client.getSchema(2);
    expect(seen).toEqual(['/api/v1/schemas/2']);
  });
});
