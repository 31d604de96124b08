import { describe, expect, it } from 'vitest';
import { createRegistryClient } from './create-registry-client.js';

function clientAnswering(status: number, body: unknown, seen: string[] = []) {
  return createRegistryClient({
    baseUrl: 'http://registry.test',
    retries: 0,
    fetch: async (input) => {
      seen.push(String(input));
      return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
    },
  });
}

const hit = {
  id: 3,
  guid: 'g-3',
  subject: 'orders',
  version: 2,
  semver: '1.1.0',
  schema_type: 'AVRO',
  schema: { type: 'string' },
  fingerprint: 'f',
  references: [],
  metadata: { tags: ['pii'] },
  compatibility_level: 'BACKWARD',
  created_at: '2026-01-01T00:00:00.000Z',
  created_by: null,
  deleted_at: null,
  score: 6,
};

describe('search', () => {
  it('sends the query as parameters and maps hits to camelCase with their score', async () => {
    const seen: string[] = [];
    const client = clientAnswering(200, { total: 1, limit: 5, offset: 0, items: [hit] }, seen);
    const result = await client.search({
      query: 'ord pii',
      schemaType: 'AVRO',
      metadataKey: 'owner',
      metadataValue: 'team a',
      limit: 5,
    });
    expect(seen[0]).toBe(
      'http://registry.test/api/v1/search?q=ord+pii&schema_type=AVRO&metadata_key=owner&metadata_value=%22team+a%22&limit=5',
    );
    expect(result.total).toBe(1);
    expect(result.items[0]).toMatchObject({
      id: 3,
      subject: 'orders',
      schemaType: 'AVRO',
      score: 6,
      createdAt: hit.created_at,
    });
  });

  it('fails with ROUTE_UNAVAILABLE when the server has no search route', async () => {
    const client = clientAnswering(404, {
      error_code: 'ROUTE_NOT_FOUND',
      message: 'No route',
      details: {},
    });
    await expect(client.search({ query: 'x' })).rejects.toMatchObject({
      code: 'ROUTE_UNAVAILABLE',
      status: 404,
      message: expect.stringContaining('/api/v1/search'),
    });
  });

  it('keeps other 404s and malformed hits as they are', async () => {
    const notFound = clientAnswering(404, {
      error_code: 'SUBJECT_NOT_FOUND',
      message: 'none',
      details: {},
    });
    await expect(notFound.search({ metadataKey: 'x' })).rejects.toMatchObject({
      code: 'SUBJECT_NOT_FOUND',
    });
    const malformed = clientAnswering(200, { total: 1, items: [{ id: 'x' }] });
    await expect(malformed.search({})).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
  });
});
