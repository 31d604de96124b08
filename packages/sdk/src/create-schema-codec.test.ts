import { getSchemaFormat } from '@llmsr/validation';
import { describe, expect, it } from 'vitest';
import { createSchemaCodec } from './create-schema-codec.js';

const avro = getSchemaFormat('AVRO').parse(
  JSON.stringify({
    type: 'record',
    name: 'User',
    fields: [
      { name: 'id', type: 'long' },
      { name: 'name', type: 'string' },
      { name: 'email', type: ['null', 'string'], default: null },
    ],
  }),
);
const json = getSchemaFormat('JSON').parse(
  JSON.stringify({ type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] }),
);
const proto = getSchemaFormat('PROTOBUF').parse(`
syntax = "proto3";
package shop;
message Order { int64 id = 1; Line line = 2; message Line { string sku = 1; } enum Kind { A = 0; } message Note { string text = 1; } }
enum Status { OK = 0; }
message Refund { string reason = 1; }
`);

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('createSchemaCodec', () => {
  it('round-trips Avro records behind the 5-byte prefix', () => {
    const codec = createSchemaCodec({ schemaId: 3, parsed: avro });
    const bytes = codec.serialize({ id: 1, name: 'Ada', email: 'a@b.c' });
    // id 3; long 1 -> 02; "Ada" -> 06 41 64 61; union branch 1 -> 02; "a@b.c" -> 0a ...
    expect(hex(bytes)).toBe(
      '0000000003' + '02' + '06416461' + '02' + '0a' + hex(Buffer.from('a@b.c')),
    );
    expect(codec.deserialize(bytes)).toEqual({ id: 1, name: 'Ada', email: 'a@b.c' });
    expect(() => codec.serialize({ id: 'one', name: 'Ada' })).toThrow(
      expect.objectContaining({ code: 'SERIALIZATION_ERROR' }),
    );
  });

  it('writes JSON as UTF-8 text after validating it, and refuses invalid values', () => {
    const codec = createSchemaCodec({ schemaId: 9, parsed: json });
    const bytes = codec.serialize({ n: 1, note: 'é' });
    expect(bytes.subarray(5).toString('utf8')).toBe('{"n":1,"note":"é"}');
    expect(codec.deserialize(bytes)).toEqual({ n: 1, note: 'é' });
    const error = (() => {
      try {
        codec.serialize({ n: 'one' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toMatchObject({ code: 'SERIALIZATION_ERROR' });
    expect((error as { details: { issues: { path: string }[] } }).details.issues[0]?.path).toBe(
      '/n',
    );
  });

  it('writes Protobuf with the message indexes of the chosen message', () => {
    const first = createSchemaCodec({ schemaId: 5, parsed: proto });
    const bytes = first.serialize({ id: '7', line: { sku: 'x' } });
    expect(hex(bytes.subarray(0, 6))).toBe('000000000500');
    expect(first.deserialize(bytes)).toEqual({ id: '7', line: { sku: 'x' } });
    // Refund is the second top-level message (the enum does not count): [1] -> 02 02.
    const refund = createSchemaCodec({ schemaId: 5, parsed: proto, messageName: 'shop.Refund' });
    expect(hex(refund.serialize({ reason: 'r' }).subarray(5, 7))).toBe('0202');
    // Note is the second message nested in Order: [0, 1] -> 04 00 02.
    const note = createSchemaCodec({ schemaId: 5, parsed: proto, messageName: 'shop.Order.Note' });
    const noteBytes = note.serialize({ text: 't' });
    expect(hex(noteBytes.subarray(5, 8))).toBe('040002');
    // Any codec of the schema decodes any of its messages from the frame's indexes.
    expect(first.deserialize(noteBytes)).toEqual({ text: 't' });
  });

  it('refuses frames of another schema id and corrupt payloads', () => {
    const codec = createSchemaCodec({ schemaId: 3, parsed: avro });
    const other = createSchemaCodec({ schemaId: 4, parsed: avro }).serialize({
      id: 1,
      name: 'x',
      email: null,
    });
    expect(() => codec.deserialize(other)).toThrow(/schema id 4, not 3/);
    expect(() => codec.deserialize(Buffer.from('0000000003ff', 'hex'))).toThrow(
      expect.objectContaining({ code: 'SERIALIZATION_ERROR' }),
    );
    const jsonCodec = createSchemaCodec({ schemaId: 9, parsed: json });
    expect(() => jsonCodec.deserialize(Buffer.from('0000000009ff7b', 'hex'))).toThrow(
      /deserialize/,
    );
    expect(() => jsonCodec.serialize(undefined)).toThrow(
      expect.objectContaining({ code: 'SERIALIZATION_ERROR' }),
    );
  });

  it('refuses an unknown Protobuf message name', () => {
    expect(() =>
      createSchemaCodec({ schemaId: 5, parsed: proto, messageName: 'shop.Nope' }),
    ).toThrow(/Nope/);
  });

  it('refuses deeply nested, cyclic and non-JSON values with SERIALIZATION_ERROR, never a crash', () => {
    const codec = createSchemaCodec({ schemaId: 9, parsed: getSchemaFormat('JSON').parse('{}') });
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(() => codec.serialize(deep)).toThrow(
      expect.objectContaining({ code: 'SERIALIZATION_ERROR' }),
    );
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => codec.serialize(cyclic)).toThrow(
      expect.objectContaining({ code: 'SERIALIZATION_ERROR' }),
    );
    expect(() => codec.serialize(() => 1)).toThrow(
      expect.objectContaining({ code: 'SERIALIZATION_ERROR' }),
    );
    const avroCodec = createSchemaCodec({ schemaId: 3, parsed: avro });
    expect(() => avroCodec.serialize(deep)).toThrow(
      expect.objectContaining({ code: 'SERIALIZATION_ERROR' }),
    );
  });

  it('round-trips a 5 MB string and refuses a deeply nested JSON frame cleanly', () => {
    const codec = createSchemaCodec({ schemaId: 9, parsed: getSchemaFormat('JSON').parse('{}') });
    const big = { text: 'x'.repeat(5_000_000) };
    expect(codec.deserialize(codec.serialize(big))).toEqual(big);
    const nested = Buffer.concat([
      Buffer.from('0000000009', 'hex'),
      Buffer.from('['.repeat(1_000_000)),
    ]);
    expect(() => codec.deserialize(nested)).toThrow(
      expect.objectContaining({ code: 'SERIALIZATION_ERROR' }),
    );
  });
});
