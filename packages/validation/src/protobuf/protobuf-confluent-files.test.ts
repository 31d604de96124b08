import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { type ResolvedReference, SchemaParseError } from '../schema-format.js';
import { confluentFileSource } from './protobuf-confluent-files.js';
import { protobufFormat } from './protobuf-format.js';

const annotated = `syntax = "proto3";
package shop;
import "confluent/meta.proto";
import "confluent/type/decimal.proto";
option (confluent.file_meta) = { doc: "the shop" };
message Price {
  option (confluent.message_meta) = { doc: "a price", tags: ["money"] };
  confluent.type.Decimal amount = 1 [(confluent.field_meta) = { params: [ {key: "precision", value: "10"}, {key: "scale", value: "2"} ] }];
  Currency currency = 2;
}
enum Currency {
  option (confluent.enum_meta) = { doc: "ISO 4217" };
  EUR = 0 [(confluent.enum_value_meta) = { doc: "euro" }];
}
`;

describe('built-in Confluent imports', () => {
  it('resolves confluent/meta.proto and confluent/type/decimal.proto without references', () => {
    const root = protobufFormat.parse(annotated).native as protobuf.Root;
    const decimal = root.lookupType('confluent.type.Decimal');
    expect(decimal.fieldsArray.map((field) => [field.name, field.type, field.id])).toEqual([
      ['value', 'bytes', 1],
      ['precision', 'uint32', 2],
      ['scale', 'int32', 3],
    ]);
    expect(root.lookupType('shop.Price').fields.amount!.resolvedType).toBe(decimal);
  });

  it.each([
    ['file_meta', 'FileOptions'],
    ['message_meta', 'MessageOptions'],
    ['field_meta', 'FieldOptions'],
    ['enum_meta', 'EnumOptions'],
    ['enum_value_meta', 'EnumValueOptions'],
  ])('declares confluent.%s on google.protobuf.%s at number 1088', (name, target) => {
    const root = protobufFormat.parse(annotated).native as protobuf.Root;
    const extension = root.lookup(`confluent.${name}`) as protobuf.Field;
    expect(extension.id).toBe(1088);
    expect(extension.extend).toBe(`google.protobuf.${target}`);
    expect(extension.resolvedType?.fullName).toBe('.confluent.Meta');
  });

  it('declares Meta with doc, params and tags', () => {
    const meta = (protobufFormat.parse(annotated).native as protobuf.Root).lookupType(
      'confluent.Meta',
    );
    expect(meta.fields.doc).toMatchObject({ type: 'string', id: 1 });
    expect(meta.fields.params).toBeInstanceOf(protobuf.MapField);
    expect(meta.fields.params).toMatchObject({ keyType: 'string', type: 'string', id: 2 });
    expect(meta.fields.tags).toMatchObject({ type: 'string', id: 3, repeated: true });
  });

  it('keeps the built-in definitions out of the schema identity', () => {
    const canonical = protobufFormat.parse(annotated).canonical;
    expect(canonical).not.toContain('message Meta');
    expect(canonical).not.toContain('message Decimal');
    expect(canonical).toContain('import "confluent/meta.proto";');
  });

  it('validates data whose fields use confluent.type.Decimal', () => {
    const validator = protobufFormat.compile(protobufFormat.parse(annotated));
    expect(
      validator.validate({ amount: { value: 'AQI=', precision: 10, scale: 2 }, currency: 'EUR' })
        .valid,
    ).toBe(true);
    expect(validator.validate({ amount: { precision: 'ten' } }).valid).toBe(false);
  });

  it('lets a reference with the same import path win over the built-in file', () => {
    const own: ResolvedReference = {
      name: 'confluent/type/decimal.proto',
      subject: 'decimal',
      version: 1,
      schemaType: 'PROTOBUF',
      schema: 'syntax = "proto3";\npackage confluent.type;\nmessage Decimal { string text = 1; }',
      references: [],
    };
    const parsed = protobufFormat.parse(
      'syntax = "proto3";\nimport "confluent/type/decimal.proto";\nmessage A { confluent.type.Decimal d = 1; }',
      { references: [own] },
    );
    const decimal = (parsed.native as protobuf.Root).lookupType('confluent.type.Decimal');
    expect(Object.keys(decimal.fields)).toEqual(['text']);
  });

  it('still refuses other confluent paths', () => {
    expect(confluentFileSource('confluent/other.proto')).toBeUndefined();
    expect(() =>
      protobufFormat.parse('syntax = "proto3";\nimport "confluent/other.proto";\nmessage A {}'),
    ).toThrow(SchemaParseError);
  });
});
