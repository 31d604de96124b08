import { MemoryStore } from '@llmsr/storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeOf } from '../test/create-test-registry.js';
import { address, customer } from '../test/schema-fixtures.js';
import { createRegistry } from './create-registry.js';
import type { Registry } from './registry.js';

// The register flow over the memory store, read back from the store itself: what a
// registration writes (version, references, config, outbox event) and what a refusal does not.

const closed = (...fields: string[]) => ({
  type: 'object',
  properties: Object.fromEntries(fields.map((field) => [field, { type: 'string' }])),
  required: fields,
  additionalProperties: false,
});

let store: MemoryStore;
let registry: Registry;
beforeEach(async () => {
  store = new MemoryStore();
  registry = await createRegistry({ storage: store });
});
afterEach(() => registry.close());

describe('the register flow', () => {
  it('writes the version and its schema.registered event together (the outbox)', async () => {
    const { created, version } = await registry.schemas.register({
      subject: 'orders',
      schema: closed('id'),
    });
    expect(created).toBe(true);
    const stored = await store.getVersion('orders', 1);
    expect(stored).toMatchObject({ schemaId: version.id, semver: '1.0.0' });
    const events = await store.listEvents();
    expect(events.map((event) => [event.type, event.payload])).toEqual([
      [
        'schema.registered',
        expect.objectContaining({ subject: 'orders', version: 1, schemaId: version.id }),
      ],
    ]);
  });

  it('writes nothing and records no event for content already live in the subject', async () => {
    await registry.schemas.register({ subject: 'orders', schema: closed('id') });
    const again = await registry.schemas.register({ subject: 'orders', schema: closed('id') });
    expect(again.created).toBe(false);
    expect(await store.listVersions('orders')).toHaveLength(1);
    expect(await store.listEvents()).toHaveLength(1);
  });

  it('writes nothing for an incompatible schema and names the level in the error', async () => {
    await registry.schemas.register({ subject: 'orders', schema: closed('id') });
    const error = await registry.schemas
      .register({ subject: 'orders', schema: closed('name') })
      .then(
        () => ({ code: 'NO_ERROR', message: '' }),
        (caught: unknown) => caught as { code: string; message: string },
      );
    expect(error).toMatchObject({ code: 'INCOMPATIBLE_SCHEMA' });
    expect(error.message).toContain('BACKWARD');
    expect(await store.listVersions('orders')).toHaveLength(1);
    expect(await store.listEvents()).toHaveLength(1);
  });

  it('stores a latest (-1) reference pinned to the version it resolved to', async () => {
    await registry.schemas.register({ subject: 'address', schema: address });
    await registry.schemas.register({
      subject: 'address',
      schema: { ...address, description: 'v2' },
    });
    const { version } = await registry.schemas.register({
      subject: 'customer',
      schema: customer,
      references: [{ name: address.$id, subject: 'address', version: -1 }],
    });
    expect(version.references).toEqual([{ name: address.$id, subject: 'address', version: 2 }]);
    expect((await store.getSchemaById(version.id))?.references).toEqual(version.references);
  });

  it('refuses a read-only subject before it resolves references or parses the schema', async () => {
    await registry.config.set('orders', { mode: 'READONLY' });
    const code = await codeOf(
      registry.schemas.register({
        subject: 'orders',
        schema: '{ not json',
        references: [{ name: 'x', subject: 'nowhere', version: 3 }],
      }),
    );
    expect(code).toBe('OPERATION_NOT_PERMITTED');
    expect(await store.listVersions('orders')).toEqual([]);
  });

  it('refuses a chosen id or version outside IMPORT mode', async () => {
    expect(
      await codeOf(registry.schemas.register({ subject: 'orders', schema: closed('id'), id: 7 })),
    ).toBe('OPERATION_NOT_PERMITTED');
    await registry.config.set(null, { mode: 'IMPORT' });
    const { version } = await registry.schemas.register({
      subject: 'orders',
      schema: closed('id'),
      id: 7,
      version: 3,
    });
    expect(await store.getVersion('orders', 3)).toMatchObject({ schemaId: 7 });
    expect(version).toMatchObject({ id: 7, version: 3 });
  });

  it("writes a first version's requested level as the subject's config with it", async () => {
    await registry.schemas.register({
      subject: 'orders',
      schema: closed('id'),
      compatibilityLevel: 'none',
    });
    expect(await store.getConfig('orders')).toMatchObject({ compatibilityLevel: 'NONE' });
    // Now NONE is in force: an incompatible schema registers, as a major semver bump.
    const { version } = await registry.schemas.register({
      subject: 'orders',
      schema: closed('name'),
    });
    expect(version.semver).toBe('2.0.0');
  });

  it('carries the latest metadata to a registration that gives none', async () => {
    await registry.schemas.register({
      subject: 'orders',
      schema: closed('id'),
      metadata: { owner: 'sales' },
    });
    const { version } = await registry.schemas.register({
      subject: 'orders',
      schema: { ...closed('id'), description: 'Orders' },
    });
    expect(version.metadata).toEqual({ owner: 'sales' });
  });

  it('stores the canonical text under normalize, and the text as sent otherwise', async () => {
    const sent = '{ "type": "string",   "maxLength": 3 }';
    const plain = await registry.schemas.register({ subject: 'as-sent', schema: sent });
    expect((await store.getSchemaById(plain.version.id))?.schema).toBe(sent);
    const other = '{ "maxLength": 4, "type": "string" }';
    const normalized = await registry.schemas.register({
      subject: 'normalized',
      schema: other,
      normalize: true,
    });
    const text = (await store.getSchemaById(normalized.version.id))?.schema ?? '';
    expect(text).not.toBe(other);
    expect(JSON.parse(text)).toMatchObject({ maxLength: 4, type: 'string' });
    expect(text).not.toMatch(/\s/);
  });
});
