import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRegistry } from '../src/create-registry.js';
import type { Registry } from '../src/registry.js';
import { codeOf, useTestRegistry } from './create-test-registry.js';
import { address, customer, addressReferences as references } from './schema-fixtures.js';

describe('schema relations, search and batch validation', () => {
  const registry = useTestRegistry();
  let addressId = 0;
  let customerId = 0;
  beforeEach(async () => {
    addressId = (
      await registry.schemas.register({
        subject: 'address',
        schema: address,
        metadata: { description: 'Postal address of a customer', tags: ['pii', 'geo'] },
      })
    ).version.id;
    await registry.schemas.register({ subject: 'address-copy', schema: address });
    customerId = (
      await registry.schemas.register({
        subject: 'customer',
        schema: customer,
        references,
        metadata: { owner: 'crm', tags: ['core'] },
      })
    ).version.id;
  });

  it('lists every subject version that uses a schema, oldest first', async () => {
    const versions = await registry.schemas.versions(addressId);
    expect(versions.map((v) => [v.subject, v.version])).toEqual([
      ['address', 1],
      ['address-copy', 1],
    ]);
    const byGuid = await registry.schemas.versions(versions[0]?.guid ?? '');
    expect(byGuid).toHaveLength(2);
  });

  it('finds one version of a schema, narrowed by subject, and refuses a missing one', async () => {
    expect((await registry.schemas.getVersion(addressId, 1)).subject).toBe('address');
    expect(
      (await registry.schemas.getVersion(addressId, 1, { subject: 'address-copy' })).subject,
    ).toBe('address-copy');
    expect((await registry.schemas.getVersion(addressId, '1.0.0')).version).toBe(1);
    expect(await codeOf(registry.schemas.getVersion(addressId, 2))).toBe('VERSION_NOT_FOUND');
    expect(await codeOf(registry.schemas.getVersion(addressId, 'nope'))).toBe('INVALID_VERSION');
    expect(await codeOf(registry.schemas.getVersion(999, 1))).toBe('SCHEMA_NOT_FOUND');
  });

  it('reports dependencies and dependents of a referenced schema', async () => {
    expect(await registry.schemas.dependencies(customerId)).toEqual([
      { ...references[0], schemaId: addressId },
    ]);
    expect(await registry.schemas.dependencies(addressId)).toEqual([]);
    expect(await registry.schemas.dependents(addressId)).toEqual([
      {
        subject: 'customer',
        version: 1,
        schemaId: customerId,
        references: { subject: 'address', version: 1 },
      },
    ]);
    expect(await codeOf(registry.schemas.dependents(12345))).toBe('SCHEMA_NOT_FOUND');
  });

  it('finds versions by subject substring, type, metadata and tag, with paging', async () => {
    expect((await registry.schemas.find({ subject: 'ADDR' })).total).toBe(2);
    expect((await registry.schemas.find({ tag: 'core' })).items.map((v) => v.subject)).toEqual([
      'customer',
    ]);
    const byOwner = await registry.schemas.find({ metadataKey: 'owner', metadataValue: 'crm' });
    expect(byOwner.items.map((v) => v.subject)).toEqual(['customer']);
    expect((await registry.schemas.find({ schemaType: 'AVRO' })).total).toBe(0);
    const page = await registry.schemas.find({ limit: 1, offset: 1 });
    expect(page.total).toBe(3);
    expect(page.items).toHaveLength(1);
    expect(await codeOf(registry.schemas.find({ limit: 0 }))).toBe('INVALID_INPUT');
    expect(await codeOf(registry.schemas.find({ limit: 1.5 }))).toBe('INVALID_INPUT');
    expect(await codeOf(registry.schemas.find({ offset: -1 }))).toBe('INVALID_INPUT');
    expect(await codeOf(registry.schemas.find({ schemaType: 'XML' }))).toBe('INVALID_INPUT');
    expect(await codeOf(registry.schemas.find({ metadataValue: 1 }))).toBe('INVALID_INPUT');
  });

  it('ranks text matches on subject above tag and description matches', async () => {
    const result = await registry.schemas.search({ query: 'address' });
    expect(result.items.map((v) => v.subject)).toEqual(['address', 'address-copy']);
    expect(result.items[0]?.score).toBeGreaterThan(result.items[1]?.score ?? 0);
    const byDescription = await registry.schemas.search({ query: 'postal' });
    expect(byDescription.items.map((v) => v.subject)).toEqual(['address']);
    const byTag = await registry.schemas.search({ query: 'pii' });
    expect(byTag.items.map((v) => v.subject)).toEqual(['address']);
    const everyTerm = await registry.schemas.search({ query: 'customer core' });
    expect(everyTerm.items.map((v) => v.subject)).toEqual(['customer']);
    expect((await registry.schemas.search({ query: 'zzz' })).total).toBe(0);
  });

  it('orders equal relevance by recency and pages the ranked list', async () => {
    const all = await registry.schemas.search({});
    expect(all.total).toBe(3);
    expect(all.items[0]?.subject).toBe('customer');
    const second = await registry.schemas.search({ limit: 1, offset: 1 });
    expect(second.items.map((v) => v.subject)).toEqual([all.items[1]?.subject]);
    expect(await codeOf(registry.schemas.search({ query: 'x'.repeat(501) }))).toBe('INVALID_INPUT');
  });

  it('validates a batch, failing only the items whose schema is unknown', async () => {
    const results = await registry.validation.validateBatch([
      { schemaId: addressId, data: { city: 'Paris' } },
      { subject: 'address', version: 'latest', data: { city: 5 } },
      { subject: 'nowhere', data: {} },
      { schemaId: 4242, data: {} },
    ]);
    expect(results.map((r) => r.valid)).toEqual([true, false, false, false]);
    expect(results[1]).toMatchObject({ index: 1, schemaId: addressId });
    expect(results[2]).toMatchObject({ index: 2, error: { code: 'SUBJECT_NOT_FOUND' } });
    expect(results[3]).toMatchObject({ error: { code: 'SCHEMA_NOT_FOUND' } });
  });

  it('refuses an empty or oversized batch', async () => {
    expect(await codeOf(registry.validation.validateBatch([]))).toBe('INVALID_INPUT');
    const many = Array.from({ length: 1001 }, () => ({ schemaId: addressId, data: {} }));
    expect(await codeOf(registry.validation.validateBatch(many))).toBe('INVALID_INPUT');
  });
});

describe('text search over many versions', () => {
  it('scores versions beyond the first store page of 1000', async () => {
    const registry = await createRegistry({ storage: 'memory:' });
    try {
      for (let i = 0; i < 1_050; i++) {
        await registry.schemas.register({
          subject: `bulk-${String(i).padStart(4, '0')}`,
          schema: { type: 'object', properties: { [`f${i}`]: { type: 'string' } } },
        });
      }
      await registry.schemas.register({ subject: 'zz-needle', schema: { type: 'string' } });
      const found = await registry.schemas.search({ query: 'needle' });
      expect(found.items.map((v) => v.subject)).toEqual(['zz-needle']);
      expect((await registry.schemas.search({ query: 'bulk', limit: 1 })).total).toBe(1_050);
    } finally {
      await registry.close();
    }
  });
});

describe('recorded change events', () => {
  let registry: Registry;
  beforeEach(async () => {
    registry = await createRegistry({ storage: 'memory:', eventRetention: 5 });
  });
  afterEach(() => registry.close());

  it('stores registered, deleted and config events with increasing ids', async () => {
    const seen: string[] = [];
    const stop = registry.events.subscribeRecorded((event) =>
      seen.push(`${event.id}:${event.type}`),
    );
    await registry.schemas.register({ subject: 'a', schema: { type: 'string' } });
    await registry.config.set('a', { compatibilityLevel: 'NONE' });
    await registry.subjects.deleteVersion('a', 1);
    const events = await registry.events.list();
    expect(events.map((e) => e.type)).toEqual([
      'schema.registered',
      'config.changed',
      'schema.deleted',
    ]);
    expect(events.map((e) => e.id)).toEqual([1, 2, 3]);
    expect(events[0]).toMatchObject({ subject: 'a', version: 1 });
    expect(seen).toEqual(['1:schema.registered', '2:config.changed', '3:schema.deleted']);
    stop();
    expect((await registry.events.list({ afterId: 2 })).map((e) => e.id)).toEqual([3]);
  });

  it('keeps only the configured number of events', async () => {
    for (let i = 0; i < 8; i++) await registry.config.set(null, { compatibilityLevel: 'NONE' });
    const events = await registry.events.list();
    expect(events.map((e) => e.id)).toEqual([4, 5, 6, 7, 8]);
  });

  it('refuses a malformed cursor or limit', async () => {
    expect(await codeOf(registry.events.list({ afterId: -1 }))).toBe('INVALID_INPUT');
    expect(await codeOf(registry.events.list({ afterId: Number.NaN }))).toBe('INVALID_INPUT');
    expect(await codeOf(registry.events.list({ limit: 0 }))).toBe('INVALID_INPUT');
    expect(await codeOf(registry.events.list({ limit: 10_001 }))).toBe('INVALID_INPUT');
  });
});

describe('change events across processes sharing a database', () => {
  it('delivers events another registry stored, in id order, each once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'llmsr-events-'));
    const storage = `sqlite:${join(dir, 'shared.db')}`;
    const reader = await createRegistry({ storage, eventPollMs: 20 });
    const writer = await createRegistry({ storage });
    try {
      await writer.schemas.register({ subject: 'before', schema: { type: 'string' } });
      const seen: string[] = [];
      await writer.events.list();
      reader.events.subscribeRecorded((event) => seen.push(`${event.id}:${event.type}`));
      await reader.events.list();
      // One process's better-sqlite3 waits synchronously on a lock, so in this single test
      // process each registry's event append finishes (listChanges awaits it) before the other writes.
      await writer.schemas.register({ subject: 'remote', schema: { type: 'string' } });
      await writer.events.list();
      await reader.config.set(null, { compatibilityLevel: 'NONE' });
      await reader.events.list();
      await writer.config.set('remote', { compatibilityLevel: 'FULL' });
      await writer.events.list();
      for (let i = 0; i < 150 && seen.length < 3; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(seen).toEqual(['2:schema.registered', '3:config.changed', '4:config.changed']);
    } finally {
      await reader.close();
      await writer.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
