import { describe, expect, it } from 'vitest';
import { compileSchema, createValidator, parseSchema } from './create-validator.js';
import { getSchemaFormat } from './get-schema-format.js';
import { SchemaParseError, type SchemaType } from './schema-format.js';

describe('getSchemaFormat', () => {
  it('returns the format of each schema type', () => {
    for (const type of ['JSON', 'AVRO', 'PROTOBUF'] as const) {
      expect(getSchemaFormat(type).schemaType).toBe(type);
    }
  });

  it.each(['json', 'XML', '', '__proto__', 'toString'])(
    'rejects the unknown schema type %j',
    (type) => {
      expect(() => getSchemaFormat(type as SchemaType)).toThrow(TypeError);
    },
  );
});

describe('createValidator', () => {
  it('validates JSON documents against a JSON Schema', () => {
    const validator = createValidator(
      'JSON',
      '{"type":"object","properties":{"id":{"type":"integer"}}}',
    );
    expect(validator.validate({ id: 1 }).valid).toBe(true);
    expect(validator.validate({ id: 'x' }).errors[0]).toMatchObject({
      path: '/id',
      keyword: 'type',
    });
  });

  it('passes strict mode through', () => {
    const schema = '{"type":"object","properties":{"id":{"type":"integer"}}}';
    expect(createValidator('JSON', schema).validate({ id: 1, x: 2 }).valid).toBe(true);
    expect(
      createValidator('JSON', schema, { strict: true }).validate({ id: 1, x: 2 }).errors[0]?.path,
    ).toBe('/x');
  });

  it('passes references through', () => {
    const validator = createValidator('JSON', '{"$ref":"id.json"}', {
      references: [
        {
          name: 'id.json',
          subject: 'id',
          version: 1,
          schemaType: 'JSON',
          schema: '{"type":"integer"}',
          references: [],
        },
      ],
    });
    expect(validator.validate('1').valid).toBe(false);
  });

  it('validates Avro and Protobuf documents through the same entry point', () => {
    const avro = createValidator(
      'AVRO',
      '{"type":"record","name":"User","fields":[{"name":"id","type":"long"}]}',
    );
    expect(avro.validate({ id: 1 }).valid).toBe(true);
    expect(avro.validate({ id: 'x' }).valid).toBe(false);
    const proto = createValidator('PROTOBUF', 'syntax = "proto3"; message User { int64 id = 1; }');
    expect(proto.validate({ id: '42' }).valid).toBe(true);
    expect(proto.validate({ id: { nested: true } }).valid).toBe(false);
  });

  it('throws SchemaParseError for an invalid schema of any type', () => {
    expect(() => createValidator('JSON', '{"type":')).toThrow(SchemaParseError);
    expect(() => createValidator('AVRO', '{"type":"record"')).toThrow(SchemaParseError);
    expect(() => createValidator('PROTOBUF', 'message {')).toThrow(SchemaParseError);
  });
});

describe('parseSchema and compileSchema', () => {
  it('compile with the format the schema was parsed by', () => {
    const parsed = parseSchema('JSON', '{"type":"string"}');
    expect(parsed.schemaType).toBe('JSON');
    expect(compileSchema(parsed).validate(1).valid).toBe(false);
    const avro = parseSchema('AVRO', '"string"');
    expect(compileSchema(avro).validate('s').valid).toBe(true);
  });
});
