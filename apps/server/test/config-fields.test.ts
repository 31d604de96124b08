import { createRegistry, type Registry } from '@llmsr/core';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/create-app.js';
import { DEFAULT_SERVER_CONFIG } from '../src/server-config.js';
import { defaultDraftOption } from '../src/start-server.js';
import { createTestApp, personSchema, send } from './helpers.js';

describe('native config fields', () => {
  it('stores compatibility_policy, normalize and json_schema_default_draft as config extras and returns them', async () => {
    const { app, registry } = await createTestApp();
    const put = await send(app, 'PUT', '/api/v1/config/orders', {
      compatibility_policy: 'LENIENT',
      normalize: true,
      json_schema_default_draft: '2020-12',
    });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({
      subject: 'orders',
      compatibility_policy: 'LENIENT',
      normalize: true,
      json_schema_default_draft: '2020-12',
    });
    expect((await registry.config.get('orders'))?.extra).toEqual({
      compatibilityPolicy: 'LENIENT',
      normalize: true,
      jsonSchemaDefaultDraft: '2020-12',
    });
    // A later PUT of one field keeps the others.
    await send(app, 'PUT', '/api/v1/config/orders', { normalize: false });
    const get = await send(app, 'GET', '/api/v1/config/orders');
    expect(get.json).toMatchObject({
      compatibility_policy: 'LENIENT',
      normalize: false,
      json_schema_default_draft: '2020-12',
    });
  });

  it('answers null for fields a config does not set', async () => {
    const { app } = await createTestApp();
    const get = await send(app, 'GET', '/api/v1/config');
    expect(get.json).toMatchObject({
      compatibility_policy: null,
      normalize: null,
      json_schema_default_draft: null,
    });
  });

  it.each([
    [{ compatibility_policy: 'SLOPPY' }, 'compatibility_policy'],
    [{ compatibility_policy: 1 }, 'compatibility_policy'],
    [{ normalize: 'yes' }, 'normalize'],
    [{ json_schema_default_draft: 'draft-03' }, 'json_schema_default_draft'],
  ])('refuses %j with INVALID_INPUT naming %s', async (body, field) => {
    const { app } = await createTestApp();
    const put = await send(app, 'PUT', '/api/v1/config', body);
    expect(put.status).toBe(400);
    expect(put.json).toMatchObject({ error_code: 'INVALID_INPUT', details: { field } });
  });
});

describe('Confluent config fields', () => {
  it('accepts and returns compatibilityPolicy, normalize and jsonSchemaDefaultDraft', async () => {
    const { app, registry } = await createTestApp();
    const put = await send(app, 'PUT', '/config/orders', {
      compatibilityPolicy: 'STRICT',
      normalize: true,
      jsonSchemaDefaultDraft: 'draft-04',
    });
    expect(put.status).toBe(200);
    const get = await send(app, 'GET', '/config/orders');
    expect(get.json).toMatchObject({
      compatibilityPolicy: 'STRICT',
      normalize: true,
      jsonSchemaDefaultDraft: 'draft-04',
    });
    expect((await registry.config.get('orders'))?.extra).toMatchObject({
      jsonSchemaDefaultDraft: 'draft-04',
    });
  });

  it('lets the registry check the settings and answers them as stored', async () => {
    const { app } = await createTestApp();
    const put = await send(app, 'PUT', '/config/orders', { compatibilityPolicy: 'lenient' });
    expect([put.status, put.json]).toEqual([200, { compatibilityPolicy: 'LENIENT' }]);
    const get = await send(app, 'GET', '/config/orders');
    expect(get.json).toMatchObject({ compatibilityPolicy: 'LENIENT' });
  });

  it.each([{ compatibilityPolicy: 'SOMETIMES' }, { jsonSchemaDefaultDraft: 'draft-05' }])(
    'refuses %j with 42203',
    async (body) => {
      const { app } = await createTestApp();
      const put = await send(app, 'PUT', '/config', body);
      expect(put.status).toBe(422);
      expect(put.json).toMatchObject({ error_code: 42203 });
    },
  );
});

/** The operations whose `normalize` input is recorded, as `group.operation`. */
const RECORDED = [
  'confluent.register',
  'confluent.lookup',
  'schemas.register',
  'schemas.findByContent',
  'compatibility.check',
] as const;

/** A registry that records the `normalize` each recorded operation received, by `group.operation`. */
function recording(registry: Registry, seen: Record<string, unknown[]>): Registry {
  const wrapped: Record<string, unknown> = { ...registry };
  for (const name of RECORDED) {
    const [group, operation] = name.split('.') as [keyof Registry, string];
    const target = (
      wrapped[group] === registry[group] ? { ...registry[group] } : wrapped[group]
    ) as Record<string, (input: { normalize?: boolean }) => unknown>;
    const original = (registry[group] as unknown as Record<string, (input: unknown) => unknown>)[
      operation
    ]!;
    target[operation] = (input) => {
      seen[name] = [...(seen[name] ?? []), input.normalize];
      return original(input);
    };
    wrapped[group] = target;
  }
  return wrapped as unknown as Registry;
}

describe('the normalize flag', () => {
  const schema = JSON.stringify(personSchema);
  it.each([
    ['?normalize=true', true],
    ['?normalize=false', false],
    ['', undefined],
  ])('Confluent routes pass %s to the registry as %s', async (query, expected) => {
    const seen: Record<string, unknown[]> = {};
    const registry = await createRegistry({ storage: 'memory:' });
    const app = createApp({ registry: recording(registry, seen) });
    const body = { schema, schemaType: 'JSON' };
    expect((await send(app, 'POST', `/subjects/p/versions${query}`, body)).status).toBe(200);
    expect((await send(app, 'POST', `/subjects/p${query}`, body)).status).toBe(200);
    const check = `/compatibility/subjects/p/versions`;
    expect((await send(app, 'POST', `${check}${query}`, body)).status).toBe(200);
    expect((await send(app, 'POST', `${check}/latest${query}`, body)).status).toBe(200);
    // One core call per request: register and lookup each read the schema once, in core.
    expect(seen['confluent.register']).toEqual([expected]);
    expect(seen['confluent.lookup']).toEqual([expected]);
    expect(seen['compatibility.check']).toEqual([expected, expected]);
  });

  it('native register and compatibility check take a normalize body field', async () => {
    const seen: Record<string, unknown[]> = {};
    const registry = await createRegistry({ storage: 'memory:' });
    const app = createApp({ registry: recording(registry, seen) });
    const body = { subject: 'p', schema: personSchema, normalize: true };
    expect((await send(app, 'POST', '/api/v1/schemas', body)).status).toBe(201);
    expect((await send(app, 'POST', '/api/v1/compatibility/check', body)).status).toBe(200);
    expect(seen).toMatchObject({
      'schemas.register': [true],
      'compatibility.check': [true],
    });
    const wrong = await send(app, 'POST', '/api/v1/schemas', { ...body, normalize: 'true' });
    expect(wrong.json).toMatchObject({
      error_code: 'INVALID_INPUT',
      details: { field: 'normalize' },
    });
  });
});

describe('JSON_SCHEMA_DEFAULT_DRAFT', () => {
  it('defaults to draft-07 and reaches createRegistry as defaultJsonDraft', () => {
    expect(DEFAULT_SERVER_CONFIG.jsonSchemaDefaultDraft).toBe('draft-07');
    const config = { ...DEFAULT_SERVER_CONFIG, jsonSchemaDefaultDraft: '2020-12' as const };
    expect(defaultDraftOption(config)).toEqual({ defaultJsonDraft: '2020-12' });
  });
});
