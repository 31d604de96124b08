import { MemoryStore, type SchemaStore } from '@llmsr/storage';
import { getSchemaFormat } from '@llmsr/validation';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRegistry } from '../create-registry.js';
import { CONFLUENT_METADATA_KEY, CONFLUENT_RULE_SET_KEY } from './confluent-data-contract.js';

const address = JSON.stringify({
  type: 'record',
  name: 'Address',
  namespace: 'com.example',
  fields: [{ name: 'city', type: 'string' }],
});
const person = (extra: unknown[] = []) =>
  JSON.stringify({
    type: 'record',
    name: 'Person',
    namespace: 'com.example',
    fields: [{ name: 'home', type: 'com.example.Address' }, ...extra],
  });
const references = [{ name: 'com.example.Address', subject: 'address', version: 1 }];

/** A memory store that counts the reads of one subject's versions (how references resolve). */
function countingStore(watched: string): { store: SchemaStore; reads: () => number } {
  let reads = 0;
  const store = new Proxy(new MemoryStore() as SchemaStore, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      if (key === 'getVersion' || key === 'getLatestVersion') {
        return (subject: string, ...rest: unknown[]) => {
          if (subject === watched) reads++;
          return value.call(target, subject, ...rest);
        };
      }
      return value.bind(target);
    },
  });
  return { store, reads: () => reads };
}

/** Count the parses of one schema text by the Avro format. */
function countParses(text: string): () => number {
  const parse = vi.spyOn(getSchemaFormat('AVRO'), 'parse');
  return () => parse.mock.calls.filter(([schema]) => schema === text).length;
}

async function setUp() {
  const { store, reads } = countingStore('address');
  const registry = await createRegistry({ storage: store });
  await registry.confluent.register({ subject: 'address', schema: address });
  return { registry, reads };
}

afterEach(() => vi.restoreAllMocks());

describe('registerConfluentSchema', () => {
  it('parses a new schema once and resolves its references once', async () => {
    const { registry, reads } = await setUp();
    const before = reads();
    const parses = countParses(person());
    const { created, version } = await registry.confluent.register({
      subject: 'person',
      schema: person(),
      references,
    });
    expect(created).toBe(true);
    expect(version.version).toBe(1);
    expect(parses()).toBe(1);
    expect(reads() - before).toBe(1);
  });

  it('parses an already registered schema once and answers its version unchanged', async () => {
    const { registry, reads } = await setUp();
    const first = await registry.confluent.register({
      subject: 'person',
      schema: person(),
      references,
    });
    const before = reads();
    const parses = countParses(person());
    const again = await registry.confluent.register({
      subject: 'person',
      schema: person(),
      references,
    });
    expect(again).toEqual({ created: false, version: first.version });
    expect(parses()).toBe(1);
    expect(reads() - before).toBe(1);
  });

  it('answers content the subject holds even when the subject is read-only', async () => {
    const { registry } = await setUp();
    await registry.config.set('address', { mode: 'READONLY' });
    const again = await registry.confluent.register({ subject: 'address', schema: address });
    expect(again.created).toBe(false);
    await expect(
      registry.confluent.register({
        subject: 'address',
        schema: address.replace('"city"', '"town"'),
      }),
    ).rejects.toMatchObject({ code: 'OPERATION_NOT_PERMITTED' });
  });

  it('refuses a chosen id or version outside IMPORT mode and keeps them in IMPORT mode', async () => {
    const { registry } = await setUp();
    const input = { subject: 'imported', schema: '"string"', id: 42, version: 7 };
    await expect(registry.confluent.register(input)).rejects.toMatchObject({
      code: 'OPERATION_NOT_PERMITTED',
    });
    await registry.config.set('imported', { mode: 'IMPORT' });
    const { version } = await registry.confluent.register(input);
    expect({ id: version.id, version: version.version }).toEqual({ id: 42, version: 7 });
  });

  it('carries metadata and ruleSet the request omits over from the latest version', async () => {
    const { registry } = await setUp();
    const metadata = { properties: { owner: 'team-a' } };
    const ruleSet = { domainRules: [] };
    await registry.confluent.register({
      subject: 'person',
      schema: person(),
      references,
      metadata,
      ruleSet,
    });
    const ruleSet2 = { domainRules: [{ name: 'r' }] };
    const { version } = await registry.confluent.register({
      subject: 'person',
      schema: person([{ name: 'age', type: 'int', default: 0 }]),
      references,
      ruleSet: ruleSet2,
    });
    expect(version.metadata).toEqual({
      [CONFLUENT_METADATA_KEY]: metadata,
      [CONFLUENT_RULE_SET_KEY]: ruleSet2,
    });
  });

  it('reads an absent schemaType as AVRO and reports an invalid schema before the subject name', async () => {
    const { registry } = await setUp();
    const { version } = await registry.confluent.register({ subject: 'a', schema: '"int"' });
    expect(version.schemaType).toBe('AVRO');
    await expect(
      registry.confluent.register({ subject: '', schema: '{"type":' }),
    ).rejects.toMatchObject({ code: 'INVALID_SCHEMA' });
    await expect(
      registry.confluent.register({ subject: '', schema: '"int"' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'subject' } });
  });

  it('refuses an incompatible schema with INCOMPATIBLE_SCHEMA', async () => {
    const { registry } = await setUp();
    await expect(
      registry.confluent.register({
        subject: 'address',
        schema: address.replace('}]', '},{"name":"zip","type":"string"}]'),
      }),
    ).rejects.toMatchObject({ code: 'INCOMPATIBLE_SCHEMA' });
  });
});
