import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SchemaParseError } from '../schema-format.js';
import { protobufFormat } from './protobuf-format.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/protobuf/${name}`, import.meta.url), 'utf8');
const shop = protobufFormat.parse(fixture('shop.proto'));
const legacy = protobufFormat.parse(fixture('legacy.proto'));
const order = {
  id: '9007199254740993',
  customer: 'c-1',
  lines: [{ sku: 'A', quantity: 2, priceMicros: -5 }],
  labels: { gift: 'yes' },
  note: 'leave at door',
  status: 'STATUS_OPEN',
  placedAt: '2024-01-31T12:00:00.123456Z',
  coupon: 'SAVE10',
  card: { number: '4111', default: true },
  signature: 'AAEC_w==',
  total: 12.5,
  items: 3,
};

describe('compileProtobufValidator', () => {
  const validate = (data: unknown, options = {}) =>
    protobufFormat.compile(shop, options).validate(data);

  it('accepts a valid message in the JSON mapping', () => {
    expect(validate(order)).toMatchObject({ valid: true, errors: [] });
  });

  it('accepts proto field names as well as JSON names', () => {
    expect(
      validate({
        customer_id: 'c',
        placed_at: '2024-01-01T00:00:00Z',
        lines: [{ price_micros: '1' }],
      }).valid,
    ).toBe(true);
  });

  it('accepts 64-bit integers as numbers or strings and enums as names or numbers', () => {
    expect(validate({ id: 5, status: 2 }).valid).toBe(true);
    expect(validate({ id: '-9223372036854775808', status: 'STATUS_SHIPPED' }).valid).toBe(true);
  });

  it('accepts null as an unset field and special float strings', () => {
    expect(validate({ note: null, card: null, total: 'Infinity' }).valid).toBe(true);
  });

  it('reports every invalid field with its JSON pointer', () => {
    const result = validate({
      id: 'abc',
      lines: [{ quantity: 2 ** 40 }, 'x'],
      labels: { a: 1 },
      status: 'NOPE',
      placedAt: 'yesterday',
      coupon: 5,
      signature: '***',
      items: -1,
      total: 'lots',
    });
    expect(result.valid).toBe(false);
    expect(result.errors.map((error) => error.path).sort()).toEqual(
      [
        '/coupon',
        '/id',
        '/items',
        '/labels/a',
        '/lines/0/quantity',
        '/lines/1',
        '/placedAt',
        '/signature',
        '/status',
        '/total',
      ].sort(),
    );
  });

  it('reports two members of one oneof', () => {
    const result = validate({ card: {}, voucher: 'v' });
    expect(result.errors).toEqual([
      expect.objectContaining({ path: '/voucher', keyword: 'oneof' }),
    ]);
  });

  it('reports a field given under both its names', () => {
    expect(validate({ customer: 'a', customer_id: 'b' }).errors[0]?.keyword).toBe('duplicate');
  });

  it('ignores unknown fields unless strict', () => {
    expect(validate({ bogus: 1, lines: [{ extra: true }] }).valid).toBe(true);
    const strict = validate({ bogus: 1, lines: [{ extra: true }] }, { strict: true });
    expect(strict.errors.map((error) => [error.path, error.keyword])).toEqual([
      ['/bogus', 'unknownField'],
      ['/lines/0/extra', 'unknownField'],
    ]);
  });

  it('rejects a non-object message', () => {
    for (const data of [null, 1, 'x', [], undefined]) {
      expect(validate(data).errors[0]).toMatchObject({ path: '', keyword: 'type' });
    }
  });

  it('checks proto2 required fields and closed enums', () => {
    const person = protobufFormat.compile(legacy);
    expect(person.validate({ name: 'Ann', kind: 'ROBOT' }).valid).toBe(true);
    expect(person.validate({ age: 3 }).errors).toEqual([
      expect.objectContaining({ path: '/name', keyword: 'required' }),
    ]);
    expect(person.validate({ name: 'Ann', kind: 7 }).errors[0]?.keyword).toBe('enum');
  });

  it('accepts unknown enum numbers in open proto3 enums', () => {
    expect(validate({ status: 99 }).valid).toBe(true);
  });

  it('validates map keys by key type', () => {
    const parsed = protobufFormat.parse(
      'syntax = "proto3";\nmessage M { map<int32, string> byId = 1; map<bool, int32> flags = 2; }',
    );
    const validator = protobufFormat.compile(parsed);
    expect(validator.validate({ byId: { '1': 'a', '-2': 'b' }, flags: { true: 1 } }).valid).toBe(
      true,
    );
    expect(
      validator
        .validate({ byId: { one: 'a' }, flags: { yes: 1 } })
        .errors.map((error) => error.path),
    ).toEqual(['/byId/one', '/flags/yes']);
  });

  it('validates well-known types in their JSON form', () => {
    const parsed = protobufFormat.parse(`syntax = "proto3";
import "google/protobuf/struct.proto";
import "google/protobuf/duration.proto";
import "google/protobuf/field_mask.proto";
import "google/protobuf/any.proto";
import "google/protobuf/empty.proto";
message W {
  google.protobuf.Struct meta = 1;
  google.protobuf.Value anything = 2;
  google.protobuf.ListValue items = 3;
  google.protobuf.Duration timeout = 4;
  google.protobuf.FieldMask mask = 5;
  google.protobuf.Any detail = 6;
  google.protobuf.Empty nothing = 7;
}
message Detail { string why = 1; }`);
    const validator = protobufFormat.compile(parsed, { strict: true });
    const good = {
      meta: { a: [1, { b: null }] },
      anything: null,
      items: [1, 'two'],
      timeout: '-1.5s',
      mask: 'a.b,cD',
      detail: { '@type': 'type.googleapis.com/Detail', why: 'x' },
      nothing: {},
    };
    expect(validator.validate(good).errors).toEqual([]);
    const bad = validator.validate({
      meta: [],
      items: {},
      timeout: '5m',
      mask: 3,
      detail: { '@type': 'x/Nope' },
    });
    expect(bad.errors.map((error) => error.path)).toEqual([
      '/meta',
      '/items',
      '/timeout',
      '/mask',
      '/detail/@type',
    ]);
  });

  it('answers valid data without timing with one shared frozen result', () => {
    const untimed = protobufFormat.compile(shop, { timing: false });
    const first = untimed.validate(order);
    expect(first).toEqual({ valid: true, errors: [], warnings: [], validationTimeMs: 0 });
    expect(untimed.validate({ customer: 'x' })).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.errors)).toBe(true);
  });

  it('reports the same errors with and without timing, and times both outcomes', () => {
    const bad = { id: 'abc', lines: [{ quantity: 'x' }] };
    const timed = protobufFormat.compile(shop).validate(bad);
    const untimed = protobufFormat.compile(shop, { timing: false }).validate(bad);
    expect(timed.errors.map((error) => error.path)).toEqual(['/id', '/lines/0/quantity']);
    expect(untimed.errors).toEqual(timed.errors);
    expect(untimed.validationTimeMs).toBe(0);
    expect(timed.validationTimeMs).toBeGreaterThanOrEqual(0);
    expect(protobufFormat.compile(shop).validate(order).validationTimeMs).toBeGreaterThanOrEqual(0);
  });

  it('accepts unusual valid data the fast check leaves to the full walk', () => {
    expect(validate({ card: null, voucher: 'v' })).toMatchObject({ valid: true, errors: [] });
    expect(validate({ customer: null, customer_id: 'b' }).valid).toBe(true);
  });

  it('does not overflow on deeply nested recursive data', () => {
    const tree = protobufFormat.compile(legacy, { messageName: 'legacy.Person.Tree' });
    let data: Record<string, unknown> = { value: 1 };
    for (let i = 0; i < 100_000; i++) data = { left: data };
    expect(tree.validate(data).errors[0]?.keyword).toBe('depth');
  });
});

describe('message selection', () => {
  const nested = protobufFormat.parse(
    'syntax = "proto3";\npackage p;\nenum E { Z = 0; }\nmessage A { message A1 { string a1 = 1; } }\nmessage B { message B1 { string b1 = 1; } message B2 { string b2 = 1; } }',
  );
  const accepts = (messageName: string | undefined, data: unknown) =>
    protobufFormat.compile(nested, { messageName, strict: true }).validate(data).valid;

  it('targets the first message of the file by default', () => {
    expect(protobufFormat.compile(shop).validate({ customer: 'x' }).valid).toBe(true);
    expect(accepts(undefined, {})).toBe(true);
    expect(accepts(undefined, { b1: 'x' })).toBe(false);
  });

  it('selects a message by fully qualified name, with or without a leading dot', () => {
    expect(accepts('p.B.B2', { b2: 'x' })).toBe(true);
    expect(accepts('.p.A.A1', { a1: 'x' })).toBe(true);
  });

  it('selects a message by Confluent message indexes', () => {
    expect(accepts('[1,1]', { b2: 'x' })).toBe(true);
    expect(accepts('[0, 0]', { a1: 'x' })).toBe(true);
    expect(accepts('[1]', {})).toBe(true);
  });

  it.each(['p.Missing', 'p.E', '[2]', '[0,5]', '..', ''])(
    'rejects unknown message %j',
    (messageName) => {
      expect(() => protobufFormat.compile(nested, { messageName })).toThrow(SchemaParseError);
    },
  );

  it('rejects validation of a schema without messages', () => {
    const empty = protobufFormat.parse('syntax = "proto3";\nenum E { Z = 0; }');
    expect(() => protobufFormat.compile(empty)).toThrow(/no message at index 0/);
  });
});

describe('names that clash with Object.prototype', () => {
  it('treats fields named constructor or toString as ordinary fields', () => {
    const parsed = protobufFormat.parse(
      'syntax = "proto2";\nmessage A { required int32 constructor = 1; optional string toString = 2; }',
    );
    const validator = protobufFormat.compile(parsed, { strict: true });
    expect(validator.validate({ constructor: 1, toString: 'x' }).valid).toBe(true);
    expect(validator.validate({}).errors).toEqual([
      expect.objectContaining({ path: '/constructor', keyword: 'required' }),
    ]);
  });

  it('rejects __proto__ names, which protobufjs would silently drop', () => {
    expect(() =>
      protobufFormat.parse('syntax = "proto3";\nmessage __proto__ { int32 x = 1; }'),
    ).toThrow(/"__proto__" is not supported/);
    expect(() =>
      protobufFormat.parse('syntax = "proto3";\nmessage A {\n  int32 __proto__ = 1;\n}'),
    ).toThrow(/at 3:9/);
  });
});
