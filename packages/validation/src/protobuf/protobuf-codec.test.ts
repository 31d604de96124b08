import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeProtobuf, encodeProtobuf } from './protobuf-codec.js';
import { ProtobufDataError } from './protobuf-data-error.js';
import { protobufFormat } from './protobuf-format.js';

const shop = protobufFormat.parse(
  readFileSync(new URL('../../test/fixtures/protobuf/shop.proto', import.meta.url), 'utf8'),
);
const order = {
  id: '9007199254740993',
  customer_id: 'c-1',
  lines: [{ sku: 'A', quantity: 2, price_micros: '-5' }],
  labels: { gift: 'yes' },
  note: 'leave at door',
  status: 'STATUS_OPEN',
  placed_at: '2024-01-31T12:00:00.123456Z',
  coupon: 'SAVE10',
  card: { number: '4111', default: true },
  signature: 'AAEC/w==',
  total: 12.5,
  items: 3,
};

describe('encodeProtobuf / decodeProtobuf', () => {
  it('round-trips a message through protobuf binary', () => {
    const bytes = encodeProtobuf(shop, order);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(decodeProtobuf(shop, bytes)).toEqual(order);
  });

  it('accepts JSON names, numbers for 64-bit integers and url-safe base64', () => {
    const bytes = encodeProtobuf(shop, { id: 7, customer: 'x', status: 1, signature: 'AAEC_w==' });
    expect(decodeProtobuf(shop, bytes)).toEqual({
      id: '7',
      customer_id: 'x',
      status: 'STATUS_OPEN',
      signature: 'AAEC/w==',
    });
  });

  it('produces the same bytes as protobufjs for the same message', () => {
    const root = shop.native as import('protobufjs').Root;
    const type = root.lookupType('acme.shop.v1.Order');
    const direct = type.encode(type.fromObject({ id: '7', lines: [{ sku: 'a' }] })).finish();
    expect(encodeProtobuf(shop, { id: '7', lines: [{ sku: 'a' }] })).toEqual(direct);
  });

  it('encodes a selected message', () => {
    const bytes = encodeProtobuf(
      shop,
      { sku: 'x', quantity: 1 },
      { messageName: 'acme.shop.v1.Order.Line' },
    );
    expect(decodeProtobuf(shop, bytes, { messageName: '[0,0]' })).toEqual({
      sku: 'x',
      quantity: 1,
    });
  });

  it('round-trips well-known types in their JSON form', () => {
    const parsed = protobufFormat.parse(`syntax = "proto3";
import "google/protobuf/struct.proto";
import "google/protobuf/duration.proto";
import "google/protobuf/wrappers.proto";
message W {
  google.protobuf.Struct meta = 1;
  google.protobuf.Duration timeout = 2;
  google.protobuf.Int64Value big = 3;
  google.protobuf.BoolValue flag = 4;
}`);
    const value = {
      meta: { a: [1, 'x', null, { b: true }] },
      timeout: '-1.5s',
      big: '12',
      flag: false,
    };
    expect(decodeProtobuf(parsed, encodeProtobuf(parsed, value))).toEqual(value);
  });

  it('refuses to encode an invalid value and says where', () => {
    try {
      encodeProtobuf(shop, { lines: [{ quantity: 'many' }] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ProtobufDataError);
      expect((error as ProtobufDataError).issues[0]?.path).toBe('/lines/0/quantity');
    }
  });

  it('rejects truncated bytes', () => {
    const bytes = encodeProtobuf(shop, order);
    expect(() => decodeProtobuf(shop, bytes.subarray(0, bytes.length - 4))).toThrow(
      ProtobufDataError,
    );
  });

  it('never crashes on random bytes', () => {
    let seed = 11;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    for (let i = 0; i < 500; i++) {
      const bytes = Uint8Array.from({ length: random() % 40 }, () => random() % 256);
      try {
        decodeProtobuf(shop, bytes);
      } catch (error) {
        expect(error).toBeInstanceOf(ProtobufDataError);
      }
    }
  });
});

describe('encodeProtobuf with hostile values', () => {
  it('refuses a value nested deeper than the recursion limit with ProtobufDataError', () => {
    const tree = protobufFormat.parse('syntax = "proto3";\nmessage T { T child = 1; }');
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 100_000; i++) deep = { child: deep };
    expect(() => encodeProtobuf(tree, deep)).toThrow(ProtobufDataError);
  });

  it('refuses a huge integer string and a non-object root', () => {
    expect(() => encodeProtobuf(shop, { id: '99999999999999999999999' })).toThrow(
      ProtobufDataError,
    );
    expect(() => encodeProtobuf(shop, 'order')).toThrow(ProtobufDataError);
  });
});
