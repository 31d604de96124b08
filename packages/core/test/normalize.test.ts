import { describe, expect, it } from 'vitest';
import { useTestRegistry } from './create-test-registry.js';

// The same JSON Schema twice: keys in another order, indented differently.
const sent =
  '{\n  "type": "object",\n  "properties": { "b": { "type": "integer" }, "a": { "type": "string" } }\n}';
const reordered = '{"properties":{"a":{"type":"string"},"b":{"type":"integer"}},  "type":"object"}';

const samples = [
  { schemaType: 'JSON', schema: sent },
  {
    schemaType: 'AVRO',
    schema:
      '{ "name": "Order", "type": "record",\n  "fields": [ { "type": "long", "name": "id" } ] }',
  },
  {
    schemaType: 'PROTOBUF',
    schema:
      'syntax = "proto3";\n// an order\nmessage Order {\n  int64   id = 1; // the id\n  string note = 2;\n}\n',
  },
];

describe('normalize on registration', () => {
  const registry = useTestRegistry();

  it.each(samples)(
    'stores a $schemaType schema as its canonical form with normalize',
    async (sample) => {
      const { canonical } = await registry.schemas.validate(sample);
      expect(canonical).toBeDefined();
      expect(canonical).not.toBe(sample.schema);
      const { version } = await registry.schemas.register({
        subject: 's',
        ...sample,
        normalize: true,
      });
      expect(version.schema).toBe(canonical);
      expect((await registry.schemas.getOrThrow(version.id)).schema).toBe(canonical);
      // The stored canonical text is a schema in its own right: it validates data.
      const data = sample.schemaType === 'JSON' ? { a: 'x', b: 1 } : { id: 1, note: 'n' };
      const result = await registry.validation.validate({
        schemaId: version.id,
        data: { id: 1, ...data },
      });
      expect(result.errors).toEqual([]);
    },
  );

  it.each(samples)('stores a $schemaType schema as sent without normalize', async (sample) => {
    const { version } = await registry.schemas.register({ subject: 's', ...sample });
    expect(version.schema).toBe(sample.schema);
  });

  it("uses the subject's normalize config, and the request's flag wins over it", async () => {
    await registry.config.set('normalized', { extra: { normalize: true } });
    const { canonical } = await registry.schemas.validate({ schema: sent });
    const byConfig = await registry.schemas.register({ subject: 'normalized', schema: sent });
    expect(byConfig.version.schema).toBe(canonical);
    const unset = '{ "type": "null" }';
    const optedOut = await registry.schemas.register({ subject: 'raw', schema: unset });
    expect(optedOut.version.schema).toBe(unset);
    await registry.config.set(null, { extra: { normalize: true } });
    const other = '{"type":"string",  "maxLength": 3}';
    const refused = await registry.schemas.register({
      subject: 'third',
      schema: other,
      normalize: false,
    });
    expect(refused.version.schema).toBe(other);
    const boolean = '{ "type": "boolean" }';
    const global = await registry.schemas.register({ subject: 'fourth', schema: boolean });
    expect(global.version.schema).not.toBe(boolean);
    expect(global.version.schema).toBe(
      (await registry.schemas.validate({ schema: boolean })).canonical,
    );
  });

  it('returns the version stored with normalize for an equivalent schema sent without it', async () => {
    const first = await registry.schemas.register({ subject: 's', schema: sent, normalize: true });
    const again = await registry.schemas.register({ subject: 's', schema: reordered });
    expect(again.created).toBe(false);
    expect(again.version).toMatchObject({ version: 1, id: first.version.id });
  });

  it('returns the version stored as sent for an equivalent schema sent with normalize', async () => {
    const raw = await registry.schemas.register({ subject: 't', schema: reordered });
    const normalized = await registry.schemas.register({
      subject: 't',
      schema: sent,
      normalize: true,
    });
    expect(normalized.created).toBe(false);
    expect(normalized.version).toMatchObject({ version: 1, id: raw.version.id });
    expect(normalized.version.schema).toBe(reordered);
  });
});

describe('normalize on lookup', () => {
  const registry = useTestRegistry();

  it.each([
    [true, true],
    [true, false],
    [false, true],
    [false, false],
  ])(
    'registered with normalize %s, looked up with normalize %s, a reordered equivalent finds the version',
    async (atRegistration, atLookup) => {
      const { version } = await registry.schemas.register({
        subject: 's',
        schema: sent,
        normalize: atRegistration,
      });
      for (const schema of [sent, reordered, version.schema]) {
        const found = await registry.schemas.findByContent({
          subject: 's',
          schema,
          normalize: atLookup,
        });
        expect(found?.version).toBe(1);
        expect(found?.id).toBe(version.id);
        expect(found?.schema).toBe(version.schema);
      }
    },
  );

  it('does not find a schema that differs in meaning, with or without normalize', async () => {
    await registry.schemas.register({ subject: 's', schema: sent, normalize: true });
    const different = sent.replace('"integer"', '"number"');
    for (const normalize of [true, false]) {
      expect(
        await registry.schemas.findByContent({ subject: 's', schema: different, normalize }),
      ).toBeUndefined();
    }
  });

  it('checks compatibility of a normalized schema like the schema as sent', async () => {
    await registry.schemas.register({ subject: 's', schema: sent });
    const narrowed = sent.replace('"integer"', '"string"');
    for (const normalize of [true, false]) {
      const report = await registry.compatibility.check({
        subject: 's',
        schema: narrowed,
        normalize,
      });
      expect(report.compatible).toBe(false);
      const same = await registry.compatibility.check({
        subject: 's',
        schema: reordered,
        normalize,
      });
      expect(same.compatible).toBe(true);
    }
  });
});

describe('normalize with references', () => {
  const registry = useTestRegistry();

  it.each([
    {
      schemaType: 'AVRO',
      referenced: {
        type: 'record',
        name: 'Money',
        namespace: 'shop',
        fields: [{ name: 'cents', type: 'long' }],
      },
      name: 'shop.Money',
      schema:
        '{"type":"record","name":"Order","namespace":"shop","fields":[{"name":"price","type":"Money"}]}',
    },
    {
      schemaType: 'PROTOBUF',
      referenced: 'syntax = "proto3"; package common; message Id { string value = 1; }',
      name: 'common.proto',
      schema: 'syntax = "proto3";\nimport "common.proto";\nmessage Order {   common.Id id = 1; }',
    },
  ])(
    'stores a $schemaType schema with references as its canonical form, found again by the text as sent',
    async (sample) => {
      const { schemaType, referenced, name, schema } = sample;
      await registry.schemas.register({ subject: 'referenced', schemaType, schema: referenced });
      const references = [{ name, subject: 'referenced', version: 1 }];
      const { canonical } = await registry.schemas.validate({ schemaType, schema, references });
      const { version } = await registry.schemas.register({
        subject: 'order',
        schemaType,
        schema,
        references,
        normalize: true,
      });
      expect(version.schema).toBe(canonical);
      expect(version.schema).not.toBe(schema);
      const found = await registry.schemas.findByContent({
        subject: 'order',
        schemaType,
        schema,
        references,
      });
      expect(found?.id).toBe(version.id);
    },
  );
});
