import { describe, expect, it } from 'vitest';
import { decodeAvro, encodeAvro } from './avro-codec.js';
import { AvroDataError } from './avro-data-error.js';
import { avroFormat } from './avro-format.js';

const parsed = avroFormat.parse(
  JSON.stringify({
    type: 'record',
    name: 'Event',
    fields: [
      { name: 'id', type: 'long' },
      { name: 'payload', type: 'bytes' },
      { name: 'tags', type: { type: 'array', items: 'string' } },
      { name: 'maybe', type: ['null', 'double'], default: null },
      { name: 'kind', type: { type: 'enum', name: 'Kind', symbols: ['A', 'B'] } },
      { name: 'hash', type: { type: 'fixed', name: 'H', size: 2 } },
      { name: 'attrs', type: { type: 'map', values: 'int' } },
    ],
  }),
);
const value = {
  id: 2 ** 40,
  payload: Buffer.from([0, 1, 255]),
  tags: ['a', 'b'],
  maybe: 2.5,
  kind: 'B',
  hash: Buffer.from('hi'),
  attrs: { x: -1 },
};

describe('encodeAvro / decodeAvro', () => {
  it('round-trips a value through Avro binary', () => {
    const bytes = encodeAvro(parsed, value);
    expect(bytes[0]).toBe(0x80); // zig-zag varint of 2^40 starts with a continuation byte
    expect(decodeAvro(parsed, bytes)).toEqual(value);
  });

  it('decodes from a plain Uint8Array', () => {
    const bytes = new Uint8Array(encodeAvro(parsed, value));
    expect(decodeAvro(parsed, bytes)).toEqual(value);
  });

  it('refuses to encode an invalid value and says where', () => {
    try {
      encodeAvro(parsed, { ...value, tags: ['a', 1] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AvroDataError);
      expect((error as AvroDataError).issues[0]?.path).toBe('/tags/1');
    }
  });

  it('rejects truncated bytes', () => {
    const bytes = encodeAvro(parsed, value);
    expect(() => decodeAvro(parsed, bytes.subarray(0, bytes.length - 3))).toThrow(AvroDataError);
  });

  it('rejects trailing bytes', () => {
    const bytes = Buffer.concat([encodeAvro(parsed, value), Buffer.from([1])]);
    expect(() => decodeAvro(parsed, bytes)).toThrow(AvroDataError);
  });

  it('never crashes on random bytes', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    for (let i = 0; i < 500; i++) {
      const bytes = Buffer.from(Array.from({ length: random() % 40 }, () => random() % 256));
      try {
        decodeAvro(parsed, bytes);
      } catch (error) {
        expect(error).toBeInstanceOf(AvroDataError);
      }
    }
  });

  it('refuses a schema of another format', () => {
    expect(() => encodeAvro({ ...parsed, schemaType: 'JSON' }, value)).toThrow(TypeError);
  });
});

describe('encodeAvro with JSON-encoded bytes', () => {
  it('encodes strings for bytes and fixed like the equivalent Buffers', () => {
    const fromStrings = encodeAvro(parsed, { ...value, payload: '\u0000\u0001\u00ff', hash: 'hi' });
    expect(fromStrings).toEqual(encodeAvro(parsed, value));
  });
});

describe('decodeAvro with hostile bytes', () => {
  const parse = (schema: unknown) => avroFormat.parse(JSON.stringify(schema));

  it('refuses a block claiming 2^31 null items instead of exhausting memory', () => {
    const nulls = parse({ type: 'array', items: 'null' });
    const bytes = Buffer.from([0xfe, 0xff, 0xff, 0xff, 0x0f, 0x00]);
    expect(() => decodeAvro(nulls, bytes)).toThrow(/empty items/);
  });

  it('refuses a block count larger than the remaining bytes', () => {
    const strings = parse({ type: 'map', values: 'string' });
    expect(() =>
      decodeAvro(strings, Buffer.from([0xfe, 0xff, 0xff, 0xff, 0x0f, 0x02, 0x61])),
    ).toThrow(/truncated/);
  });

  it('refuses out-of-range union and enum indexes', () => {
    expect(() => decodeAvro(parse(['null', 'int']), Buffer.from([0x04]))).toThrow(/union index/);
    expect(() =>
      decodeAvro(parse({ type: 'enum', name: 'E', symbols: ['A'] }), Buffer.from([0x02])),
    ).toThrow(/enum index/);
  });

  it('refuses a negative string length', () => {
    expect(() => decodeAvro(parse('string'), Buffer.from([0x01]))).toThrow(AvroDataError);
  });

  it('decodes deep but legitimate recursive data', () => {
    const list = parse({
      type: 'record',
      name: 'L',
      fields: [{ name: 'next', type: ['null', 'L'] }],
    });
    let value: unknown = { next: null };
    for (let i = 0; i < 500; i++) value = { next: value };
    expect(decodeAvro(list, encodeAvro(list, value))).toEqual(value);
  });

  it('decodes blocks with byte sizes (negative counts)', () => {
    const ints = parse({ type: 'array', items: 'int' });
    // count -2 (zigzag 3), size 2, items 1 and 2, end
    expect(decodeAvro(ints, Buffer.from([0x03, 0x04, 0x02, 0x04, 0x00]))).toEqual([1, 2]);
  });
});

describe('encodeAvro with hostile values', () => {
  it('refuses a value nested too deeply for the stack with AvroDataError', () => {
    const list = avroFormat.parse(
      '{"type":"record","name":"L","fields":[{"name":"next","type":["null","L"]}]}',
    );
    let deep: unknown = null;
    for (let i = 0; i < 200_000; i++) deep = { next: deep };
    expect(() => encodeAvro(list, deep)).toThrow(AvroDataError);
  });
});
