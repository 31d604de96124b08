import { beforeEach, describe, expect, it } from 'vitest';
import { useTestRegistry } from './create-test-registry.js';

async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string; details: Record<string, unknown> };
  }
  throw new Error('expected a rejection');
}

// An open object, then the same object with an optional property: old writers may already have
// put any value under `b`, which STRICT refuses and LENIENT accepts (as Confluent).
const open = { type: 'object', properties: { a: { type: 'string' } } };
const withB = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'number' } } };
// A nested type change LENIENT still refuses.
const retyped = { type: 'object', properties: { a: { type: 'number' } } };

const avroRecord = {
  type: 'record',
  name: 'Order',
  fields: [{ name: 'id', type: 'long' }],
};

describe('the compatibilityPolicy setting', () => {
  const registry = useTestRegistry();
  beforeEach(async () => {
    await registry.schemas.register({ subject: 'orders', schema: open });
    await registry.schemas.register({ subject: 'payments', schema: open });
  });

  it('is STRICT by default: adding a property to an open object is refused', async () => {
    const error = await rejection(registry.schemas.register({ subject: 'orders', schema: withB }));
    expect(error.code).toBe('INCOMPATIBLE_SCHEMA');
    const report = await registry.compatibility.check({ subject: 'orders', schema: withB });
    expect(report.compatible).toBe(false);
    expect(report.violations.map((v) => v.rule)).toContain(
      'OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL',
    );
  });

  it('LENIENT globally accepts the change on checks and registration in every subject', async () => {
    await registry.config.set(null, { extra: { compatibilityPolicy: 'LENIENT' } });
    for (const subject of ['orders', 'payments']) {
      expect((await registry.compatibility.check({ subject, schema: withB })).compatible).toBe(
        true,
      );
      const { created, version } = await registry.schemas.register({ subject, schema: withB });
      expect(created).toBe(true);
      expect(version.version).toBe(2);
    }
  });

  it('LENIENT on one subject applies to that subject only', async () => {
    await registry.config.set('orders', { extra: { compatibilityPolicy: 'LENIENT' } });
    expect((await registry.schemas.register({ subject: 'orders', schema: withB })).created).toBe(
      true,
    );
    const error = await rejection(
      registry.schemas.register({ subject: 'payments', schema: withB }),
    );
    expect(error.code).toBe('INCOMPATIBLE_SCHEMA');
    const report = await registry.compatibility.check({ subject: 'payments', schema: withB });
    expect(report.compatible).toBe(false);
  });

  it("a subject's STRICT wins over a global LENIENT", async () => {
    await registry.config.set(null, { extra: { compatibilityPolicy: 'LENIENT' } });
    await registry.config.set('payments', { extra: { compatibilityPolicy: 'STRICT' } });
    expect((await registry.schemas.register({ subject: 'orders', schema: withB })).created).toBe(
      true,
    );
    const error = await rejection(
      registry.schemas.register({ subject: 'payments', schema: withB }),
    );
    expect(error.code).toBe('INCOMPATIBLE_SCHEMA');
  });

  it('LENIENT applies to a check against one named version too', async () => {
    await registry.config.set('orders', { extra: { compatibilityPolicy: 'LENIENT' } });
    const report = await registry.compatibility.check({
      subject: 'orders',
      schema: withB,
      version: 1,
    });
    expect(report.compatible).toBe(true);
  });

  it('LENIENT still refuses a type change of an existing property', async () => {
    await registry.config.set(null, { extra: { compatibilityPolicy: 'LENIENT' } });
    const error = await rejection(
      registry.schemas.register({ subject: 'orders', schema: retyped }),
    );
    expect(error.code).toBe('INCOMPATIBLE_SCHEMA');
  });

  it('a policy applies to JSON Schema only: Avro rules do not change under LENIENT', async () => {
    await registry.config.set(null, { extra: { compatibilityPolicy: 'LENIENT' } });
    await registry.schemas.register({ subject: 'avro', schemaType: 'AVRO', schema: avroRecord });
    const addedWithoutDefault = {
      ...avroRecord,
      fields: [...avroRecord.fields, { name: 'note', type: 'string' }],
    };
    const error = await rejection(
      registry.schemas.register({
        subject: 'avro',
        schemaType: 'AVRO',
        schema: addedWithoutDefault,
      }),
    );
    expect(error.code).toBe('INCOMPATIBLE_SCHEMA');
  });
});

describe('changing the schema type of a subject', () => {
  const registry = useTestRegistry();
  beforeEach(async () => {
    await registry.schemas.register({ subject: 'orders', schema: open });
  });

  it('is allowed under NONE, as a major semver bump', async () => {
    await registry.config.set('orders', { compatibilityLevel: 'NONE' });
    const avro = await registry.schemas.register({
      subject: 'orders',
      schemaType: 'AVRO',
      schema: avroRecord,
    });
    expect(avro.created).toBe(true);
    expect(avro.version).toMatchObject({ version: 2, semver: '2.0.0', schemaType: 'AVRO' });
    const back = await registry.schemas.register({ subject: 'orders', schema: retyped });
    expect(back.version).toMatchObject({ version: 3, semver: '3.0.0', schemaType: 'JSON' });
    const check = await registry.compatibility.check({
      subject: 'orders',
      schemaType: 'PROTOBUF',
      schema: 'syntax = "proto3"; message Order { int64 id = 1; }',
    });
    expect(check.compatible).toBe(true);
  });

  it('is allowed under a global NONE', async () => {
    await registry.config.set(null, { compatibilityLevel: 'NONE' });
    const avro = await registry.schemas.register({
      subject: 'orders',
      schemaType: 'AVRO',
      schema: avroRecord,
    });
    expect(avro.version.semver).toBe('2.0.0');
  });

  it.each([
    'BACKWARD',
    'BACKWARD_TRANSITIVE',
    'FORWARD',
    'FORWARD_TRANSITIVE',
    'FULL',
    'FULL_TRANSITIVE',
  ])('is refused under %s with INCOMPATIBLE_SCHEMA naming the two types', async (level) => {
    await registry.config.set('orders', { compatibilityLevel: level });
    const error = await rejection(
      registry.schemas.register({ subject: 'orders', schemaType: 'AVRO', schema: avroRecord }),
    );
    expect(error.code).toBe('INCOMPATIBLE_SCHEMA');
    expect(error.message).toContain('version 1 is JSON, the new schema is AVRO');
    const report = error.details.report as { violations: { rule: string }[] };
    expect(report.violations.map((v) => v.rule)).toEqual(['SCHEMA_TYPE_CHANGED']);
    const check = await registry.compatibility.check({
      subject: 'orders',
      schemaType: 'AVRO',
      schema: avroRecord,
    });
    expect(check.compatible).toBe(false);
    expect(await registry.subjects.versions('orders')).toHaveLength(1);
  });
});
