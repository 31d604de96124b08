import { MemoryStore, type SchemaStore } from '@llmsr/storage';
import { getSchemaFormat } from '@llmsr/validation';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRegistry } from '../create-registry.js';

const address = '{"type":"record","name":"Address","fields":[{"name":"city","type":"string"}]}';
const person = '{"type":"record","name":"Person","fields":[{"name":"home","type":"Address"}]}';
const references = [{ name: 'Address', subject: 'address', version: -1 }];

async function setUp() {
  let reads = 0;
  const store = new Proxy(new MemoryStore() as SchemaStore, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      if (key === 'getVersion' || key === 'getLatestVersion') {
        return (subject: string, ...rest: unknown[]) => {
          if (subject === 'address') reads++;
          return value.call(target, subject, ...rest);
        };
      }
      return value.bind(target);
    },
  });
  const registry = await createRegistry({ storage: store });
  await registry.confluent.register({ subject: 'address', schema: address });
  const { version } = await registry.confluent.register({
    subject: 'person',
    schema: person,
    references,
  });
  return { registry, version, reads: () => reads };
}

afterEach(() => vi.restoreAllMocks());

describe('lookupConfluentSchema', () => {
  it('finds the version holding the same content with one parse and one reference read', async () => {
    const { registry, version, reads } = await setUp();
    const before = reads();
    const parse = vi.spyOn(getSchemaFormat('AVRO'), 'parse');
    const spaced = JSON.stringify(JSON.parse(person), null, 2);
    const found = await registry.confluent.lookup({
      subject: 'person',
      schema: spaced,
      references,
    });
    expect(found.id).toBe(version.id);
    expect(found.version).toBe(1);
    expect(parse.mock.calls.filter(([text]) => text === spaced)).toHaveLength(1);
    expect(reads() - before).toBe(1);
  });

  it('answers SUBJECT_NOT_FOUND for a subject without versions', async () => {
    const { registry } = await setUp();
    await expect(
      registry.confluent.lookup({ subject: 'nobody', schema: address }),
    ).rejects.toMatchObject({ code: 'SUBJECT_NOT_FOUND' });
  });

  it('answers SCHEMA_NOT_FOUND for content the subject does not hold', async () => {
    const { registry } = await setUp();
    await expect(
      registry.confluent.lookup({ subject: 'person', schema: address }),
    ).rejects.toMatchObject({ code: 'SCHEMA_NOT_FOUND', message: 'Schema not found' });
  });

  it('finds a soft-deleted version only when asked to include deleted ones', async () => {
    const { registry } = await setUp();
    await registry.subjects.deleteVersion('address', 1);
    const input = { subject: 'address', schema: address };
    await expect(registry.confluent.lookup(input)).rejects.toMatchObject({
      code: 'SUBJECT_NOT_FOUND',
    });
    const found = await registry.confluent.lookup({ ...input, includeDeleted: true });
    expect(found.deletedAt).not.toBeNull();
  });

  it('reports a schema that does not parse as INVALID_SCHEMA', async () => {
    const { registry } = await setUp();
    await expect(
      registry.confluent.lookup({ subject: 'person', schema: '{"type":' }),
    ).rejects.toMatchObject({ code: 'INVALID_SCHEMA' });
  });
});
