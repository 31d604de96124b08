import type { Registry } from '@llmsr/core';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, personSchema, send } from './helpers.js';

const address = {
  $id: 'https://example.com/address.json',
  type: 'object',
  properties: { city: { type: 'string' } },
};
const customer = {
  type: 'object',
  properties: { home: { $ref: 'https://example.com/address.json' } },
};

type Json = Record<string, unknown>;

describe('native discovery routes', () => {
  let app: Hono;
  let registry: Registry;
  let addressId = 0;
  let customerId = 0;
  let personId = 0;
  beforeAll(async () => {
    ({ app, registry } = await createTestApp({ schemaBytes: 10_000, dataBytes: 20_000 }));
    addressId = (
      await send(app, 'POST', '/api/v1/schemas', {
        subject: 'address',
        schema: address,
        metadata: { description: 'Postal address', tags: ['pii', 'geo'], owner: 'crm' },
      })
    ).json.id as number;
    await send(app, 'POST', '/api/v1/schemas', { subject: 'address-mirror', schema: address });
    customerId = (
      await send(app, 'POST', '/api/v1/schemas', {
        subject: 'customer',
        schema: customer,
        references: [{ name: 'https://example.com/address.json', subject: 'address', version: 1 }],
        metadata: { owner: 'sales', tags: ['core'] },
      })
    ).json.id as number;
    personId = (
      await send(app, 'POST', '/api/v1/schemas', {
        subject: 'people',
        schema: personSchema,
        metadata: { description: 'A person with an optional age' },
      })
    ).json.id as number;
  });
  afterAll(() => registry.close());

  describe('GET /api/v1/schemas', () => {
    it('lists every live version with a total and paging', async () => {
      const { status, json } = await send(app, 'GET', '/api/v1/schemas');
      expect(status).toBe(200);
      expect(json.total).toBe(4);
      expect((json.items as Json[]).map((v) => v.subject).sort()).toEqual([
        'address',
        'address-mirror',
        'customer',
        'people',
      ]);
      const page = await send(app, 'GET', '/api/v1/schemas?limit=2&offset=3');
      expect(page.json).toMatchObject({ total: 4, limit: 2, offset: 3 });
      expect(page.json.items).toHaveLength(1);
    });

    it('filters by subject substring, schema type, metadata and tag', async () => {
      const bySubject = await send(app, 'GET', '/api/v1/schemas?subject=ADDRESS');
      expect(bySubject.json.total).toBe(2);
      const byType = await send(app, 'GET', '/api/v1/schemas?schema_type=AVRO');
      expect(byType.json.total).toBe(0);
      const byOwner = await send(
        app,
        'GET',
        '/api/v1/schemas?metadata_key=owner&metadata_value=sales',
      );
      expect((byOwner.json.items as Json[]).map((v) => v.subject)).toEqual(['customer']);
      const byKey = await send(app, 'GET', '/api/v1/schemas?metadata_key=owner');
      expect(byKey.json.total).toBe(2);
      const byTag = await send(app, 'GET', '/api/v1/schemas?tag=pii');
      expect((byTag.json.items as Json[]).map((v) => v.subject)).toEqual(['address']);
    });

    it('includes soft-deleted versions only when asked', async () => {
      await send(app, 'POST', '/api/v1/schemas', { subject: 'gone', schema: { type: 'string' } });
      await send(app, 'DELETE', '/api/v1/subjects/gone/versions/1');
      expect((await send(app, 'GET', '/api/v1/schemas?subject=gone')).json.total).toBe(0);
      const withDeleted = await send(app, 'GET', '/api/v1/schemas?subject=gone&deleted=true');
      expect(withDeleted.json.total).toBe(1);
      expect((withDeleted.json.items as Json[])[0]?.deleted_at).not.toBeNull();
    });

    it.each([
      ['limit=abc', 'limit'],
      ['limit=0', 'limit'],
      ['limit=5000', 'limit'],
      ['limit=-1', 'limit'],
      ['offset=1.5', 'offset'],
      ['schema_type=XML', undefined],
      ['metadata_value=1', 'metadata_value'],
      [`subject=${'x'.repeat(1001)}`, 'subject'],
    ])('refuses %s with INVALID_INPUT', async (query, field) => {
      const { status, json } = await send(app, 'GET', `/api/v1/schemas?${query}`);
      expect(status).toBe(400);
      expect(json.error_code).toBe('INVALID_INPUT');
      if (field) expect((json.details as Json).field).toBe(field);
    });
  });

  describe('schema versions, dependencies and dependents', () => {
    it('lists the subject versions that use a schema, by id and by guid', async () => {
      const { status, json } = await send(app, 'GET', `/api/v1/schemas/${addressId}/versions`);
      expect(status).toBe(200);
      expect((json as unknown as Json[]).map((v) => [v.subject, v.version])).toEqual([
        ['address', 1],
        ['address-mirror', 1],
      ]);
      const guid = (json as unknown as Json[])[0]?.guid as string;
      const byGuid = await send(app, 'GET', `/api/v1/schemas/${guid}/versions`);
      expect(byGuid.json).toHaveLength(2);
    });

    it('gets one version of a schema, narrowed by subject', async () => {
      const first = await send(app, 'GET', `/api/v1/schemas/${addressId}/versions/1`);
      expect(first.status).toBe(200);
      expect(first.json).toMatchObject({ subject: 'address', version: 1, id: addressId });
      const mirror = await send(
        app,
        'GET',
        `/api/v1/schemas/${addressId}/versions/latest?subject=address-mirror`,
      );
      expect(mirror.json.subject).toBe('address-mirror');
      const semver = await send(app, 'GET', `/api/v1/schemas/${addressId}/versions/1.0.0`);
      expect(semver.json.version).toBe(1);
    });

    it('reports what a schema references and who references it', async () => {
      const deps = await send(app, 'GET', `/api/v1/schemas/${customerId}/dependencies`);
      expect(deps.status).toBe(200);
      expect(deps.json).toEqual([
        {
          name: 'https://example.com/address.json',
          subject: 'address',
          version: 1,
          schema_id: addressId,
        },
      ]);
      const dependents = await send(app, 'GET', `/api/v1/schemas/${addressId}/dependents`);
      expect(dependents.json).toEqual([
        {
          subject: 'customer',
          version: 1,
          schema_id: customerId,
          references: { subject: 'address', version: 1 },
        },
      ]);
      expect((await send(app, 'GET', `/api/v1/schemas/${personId}/dependents`)).json).toEqual([]);
    });

    it.each([
      ['/api/v1/schemas/999/versions', 404, 'SCHEMA_NOT_FOUND'],
      ['/api/v1/schemas/999/versions/1', 404, 'SCHEMA_NOT_FOUND'],
      ['/api/v1/schemas/999/dependencies', 404, 'SCHEMA_NOT_FOUND'],
      ['/api/v1/schemas/999/dependents', 404, 'SCHEMA_NOT_FOUND'],
      ['/api/v1/schemas/not-a-guid/versions', 404, 'SCHEMA_NOT_FOUND'],
      ['/api/v1/schemas/%00%ff%2F..%2F/versions', 404, 'SCHEMA_NOT_FOUND'],
      [`/api/v1/schemas/${'9'.repeat(40)}/dependents`, 404, 'SCHEMA_NOT_FOUND'],
      ['/api/v1/schemas/%F0%9F%98%80/dependencies', 404, 'SCHEMA_NOT_FOUND'],
      ['/api/v1/schemas/1/versions/7', 404, 'VERSION_NOT_FOUND'],
      ['/api/v1/schemas/1/versions/seven', 422, 'INVALID_VERSION'],
      ['/api/v1/schemas/1/versions/0', 422, 'INVALID_VERSION'],
      ['/api/v1/schemas/1/versions/1?subject=people-nope', 404, 'VERSION_NOT_FOUND'],
    ])('answers GET %s with %i %s', async (path, status, code) => {
      const response = await send(app, 'GET', path);
      expect(response.status).toBe(status);
      expect(response.json.error_code).toBe(code);
    });
  });

  describe('GET /api/v1/search', () => {
    it('ranks a subject match above description and tag matches', async () => {
      const { status, json } = await send(app, 'GET', '/api/v1/search?q=address');
      expect(status).toBe(200);
      const items = json.items as Json[];
      expect(items.map((v) => v.subject)).toEqual(
        ['address', 'address-mirror', 'customer'].slice(0, items.length),
      );
      expect(items[0]?.score as number).toBeGreaterThan(items[1]?.score as number);
    });

    it('matches descriptions and tags, requires every word, and filters by type and metadata', async () => {
      const byDescription = await send(app, 'GET', '/api/v1/search?q=optional%20age');
      expect((byDescription.json.items as Json[]).map((v) => v.subject)).toEqual(['people']);
      const byTag = await send(app, 'GET', '/api/v1/search?q=GEO');
      expect((byTag.json.items as Json[]).map((v) => v.subject)).toEqual(['address']);
      const filtered = await send(
        app,
        'GET',
        '/api/v1/search?q=address&metadata_key=owner&metadata_value=crm',
      );
      expect((filtered.json.items as Json[]).map((v) => v.subject)).toEqual(['address']);
      expect(
        (await send(app, 'GET', '/api/v1/search?q=address&schema_type=PROTOBUF')).json.total,
      ).toBe(0);
      expect((await send(app, 'GET', '/api/v1/search?q=nothing-like-this')).json.total).toBe(0);
    });

    it('orders everything by recency without a query, and pages', async () => {
      const all = await send(app, 'GET', '/api/v1/search');
      expect((all.json.items as Json[])[0]?.subject).toBe('people');
      const second = await send(app, 'GET', '/api/v1/search?limit=1&offset=1');
      expect((second.json.items as Json[]).map((v) => v.subject)).toEqual([
        (all.json.items as Json[])[1]?.subject,
      ]);
    });

    it.each([[`q=${'a'.repeat(501)}`], ['limit=ten'], ['offset=-3'], ['schema_type=%00']])(
      'refuses %s with INVALID_INPUT',
      async (query) => {
        const { status, json } = await send(app, 'GET', `/api/v1/search?${query.slice(0, 600)}`);
        expect(status).toBe(400);
        expect(json.error_code).toBe('INVALID_INPUT');
      },
    );

    it('treats odd characters in the query as text', async () => {
      const { status, json } = await send(
        app,
        'GET',
        '/api/v1/search?q=%25%5F%27%22%3B--%00%F0%9F%98%80',
      );
      expect(status).toBe(200);
      expect(json.total).toBe(0);
    });
  });

  describe('POST /api/v1/validate/batch', () => {
    it('validates items that each name their schema, failing only unknown ones', async () => {
      const { status, json } = await send(app, 'POST', '/api/v1/validate/batch', {
        items: [
          { schema_id: personId, data: { name: 'Ada' } },
          { subject: 'people', version: 'latest', data: { name: 5 } },
          { subject: 'nobody', data: {} },
          { schema_id: 4242, data: {} },
          { subject: 'people', version: 9, data: {} },
        ],
      });
      expect(status).toBe(200);
      expect(json).toMatchObject({ total: 5, valid: 1, invalid: 1, failed: 3 });
      const results = json.results as Json[];
      expect(results[0]).toMatchObject({ index: 0, valid: true, schema_id: personId, errors: [] });
      expect(results[1]).toMatchObject({ index: 1, valid: false, schema_id: personId });
      expect((results[1]!.errors as Json[])[0]?.path).toBe('/name');
      expect(results[2]).toMatchObject({
        valid: false,
        error: { error_code: 'SUBJECT_NOT_FOUND' },
      });
      expect(results[3]).toMatchObject({ error: { error_code: 'SCHEMA_NOT_FOUND' } });
      expect(results[4]).toMatchObject({ error: { error_code: 'VERSION_NOT_FOUND' } });
    });

    it('validates many documents against one schema given once', async () => {
      const { status, json } = await send(app, 'POST', '/api/v1/validate/batch', {
        subject: 'people',
        strict: false,
        items: [{ name: 'a' }, { name: 'b', age: -1 }, 'not an object'],
      });
      expect(status).toBe(200);
      expect((json.results as Json[]).map((r) => r.valid)).toEqual([true, false, false]);
      const unknown = await send(app, 'POST', '/api/v1/validate/batch', {
        schema_id: 777,
        items: [1],
      });
      expect(unknown.status).toBe(200);
      expect((unknown.json.results as Json[])[0]).toMatchObject({
        error: { error_code: 'SCHEMA_NOT_FOUND' },
      });
    });

    it.each([
      ['{"items": [', 400, 'INVALID_INPUT', undefined],
      ['', 400, 'INVALID_INPUT', undefined],
      ['[1]', 400, 'INVALID_INPUT', undefined],
      [{}, 400, 'INVALID_INPUT', 'items'],
      [{ items: {} }, 400, 'INVALID_INPUT', 'items'],
      [{ items: [] }, 400, 'INVALID_INPUT', 'items'],
      [{ items: [5] }, 400, 'INVALID_INPUT', 'items[0]'],
      [
        { items: [{ data: 1 }, { schema_id: true, data: 1 }] },
        400,
        'INVALID_INPUT',
        'items[1].schema_id',
      ],
      [{ items: [{ subject: 1, data: 1 }] }, 400, 'INVALID_INPUT', 'items[0].subject'],
      [
        { items: [{ schema_id: 1, strict: 'yes', data: 1 }] },
        400,
        'INVALID_INPUT',
        'items[0].strict',
      ],
      [{ schema_id: 1.5, items: [1] }, 400, 'INVALID_INPUT', 'schema_id'],
      [{ subject: 'people', version: {}, items: [1] }, 400, 'INVALID_INPUT', 'version'],
      [
        { items: Array.from({ length: 1001 }, () => 1), schema_id: 1 },
        400,
        'INVALID_INPUT',
        'items',
      ],
    ])('refuses %j with %i %s', async (body, status, code, field) => {
      const response = await send(app, 'POST', '/api/v1/validate/batch', body);
      expect(response.status).toBe(status);
      expect(response.json.error_code).toBe(code);
      if (field) expect((response.json.details as Json).field).toBe(field);
    });

    it('refuses an oversized body with 413 before parsing it', async () => {
      const items = Array.from({ length: 500 }, () => ({
        schema_id: personId,
        data: 'x'.repeat(100),
      }));
      const response = await send(app, 'POST', '/api/v1/validate/batch', { items });
      expect(response.status).toBe(413);
      expect(response.json.error_code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('answers an item without a selector with its own error', async () => {
      const { status, json } = await send(app, 'POST', '/api/v1/validate/batch', {
        items: [{ data: 1 }],
      });
      expect(status).toBe(200);
      expect((json.results as Json[])[0]).toMatchObject({
        valid: false,
        error: { error_code: 'INVALID_INPUT' },
      });
    });
  });
});
