import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { checkProtobufMessageJson } from '../src/protobuf/check-protobuf-json.js';
import { compileProtobufChecker } from '../src/protobuf/compile-protobuf-checker.js';
import { findProtobufMessage } from '../src/protobuf/find-protobuf-message.js';
import { protobufFormat } from '../src/protobuf/protobuf-format.js';
import type { ValidationIssue } from '../src/schema-format.js';
import { createRandom, type Random } from './seeded-random.js';

// The fast check may only say "valid" when the path-building walk finds nothing, and the
// validator must report exactly what the walk reports: checked here on seeded mutations of
// valid documents, with the values and object shapes that differ between the two.

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, 'fixtures/protobuf', name), 'utf8');

class WithGetter {
  note = undefined;
  get customer() {
    return 'from the prototype';
  }
}

const values: readonly (() => unknown)[] = [
  () => null,
  () => undefined,
  () => -0,
  () => Number.NaN,
  () => Number.POSITIVE_INFINITY,
  () => 'Infinity',
  () => '-Infinity',
  () => 'NaN',
  () => ' 1.5 ',
  () => '',
  () => 1.5,
  () => 3.5e38,
  () => 2 ** 31,
  () => -(2 ** 31),
  () => 2 ** 32,
  () => -1,
  () => 2 ** 53,
  () => '9223372036854775807',
  () => '9223372036854775808',
  () => '-9223372036854775809',
  () => '18446744073709551615',
  () => 'STATUS_OPEN',
  () => 'HUMAN',
  () => 'toString',
  () => 99,
  () => 7,
  () => true,
  () => 'true',
  () => 'AAEC_w==',
  () => '***',
  () => '2024-01-31T12:00:00Z',
  () => '1.5s',
  () => [],
  () => [1, 'x', null],
  () => [{ sku: 'A' }],
  () => [{ left: { value: 1 } }],
  () => ({}),
  () => ({ a: 'x', '1': 'y', true: 1 }),
  () => ({ number: '4111', default: true }),
  () => ({ '@type': 'type.googleapis.com/Detail', why: 'x' }),
  () => new Uint8Array(2),
  () => Object.create({ sku: 'inherited' }),
  () => new WithGetter(),
  () => () => 1,
];

function mutate(value: unknown, random: Random, depth = 0): unknown {
  if (depth > 4 || random.int(4) === 0) return random.pick(values)();
  if (Array.isArray(value)) return value.map((item) => mutate(item, random, depth + 1));
  if (value === null || typeof value !== 'object') return random.pick(values)();
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const keys = Object.keys(out);
  const key = keys.length > 0 ? random.pick(keys) : 'x';
  switch (random.int(6)) {
    case 0:
      delete out[key];
      break;
    case 1:
      out[random.pick(['bogus', 'customer_id', 'voucher', 'card', 'price_micros', 'toString'])] =
        random.pick(values)();
      break;
    case 2:
      out[key] = random.pick(values)();
      break;
    default:
      out[key] = mutate(out[key], random, depth + 1);
  }
  return out;
}

function walk(type: protobuf.Type, data: unknown, strict: boolean): ValidationIssue[] {
  const ctx = { strict, issues: [] as ValidationIssue[] };
  checkProtobufMessageJson(type, data, '', ctx);
  return ctx.issues;
}

const cases: [string, string, string | undefined, unknown][] = [
  [
    'shop order',
    fixture('shop.proto'),
    undefined,
    {
      id: '9007199254740993',
      customer: 'c-1',
      lines: [{ sku: 'A', quantity: 2, priceMicros: -5 }],
      labels: { gift: 'yes' },
      status: 'STATUS_OPEN',
      placedAt: '2024-01-31T12:00:00.123456Z',
      coupon: 'SAVE10',
      card: { number: '4111', default: true },
      signature: 'AAEC_w==',
      total: 12.5,
      items: 3,
    },
  ],
  ['proto2 person', fixture('legacy.proto'), undefined, { name: 'Ann', age: 3, kind: 'ROBOT' }],
  [
    'proto2 tree',
    fixture('legacy.proto'),
    'legacy.Person.Tree',
    { left: { left: { value: 1 } }, right: { value: 2 } },
  ],
  [
    'scalars, maps and a oneof holding a Value',
    `syntax = "proto3";
import "google/protobuf/struct.proto";
import "google/protobuf/any.proto";
message S {
  float f = 1; double d = 2; int32 i32 = 3; uint32 u32 = 4; int64 i64 = 5; uint64 u64 = 6;
  sint32 s32 = 7; fixed64 f64 = 8; bool flag = 9; bytes raw = 10; string text_value = 11;
  map<int64, string> by_id = 12; map<bool, Detail> by_flag = 13; repeated double many = 14;
  oneof choice { google.protobuf.Value any_value = 15; string other_choice = 16; }
  google.protobuf.Any detail = 17; repeated Detail details = 18;
}
message Detail { string why = 1; }`,
    undefined,
    {
      f: 1.5,
      d: 'NaN',
      i32: -3,
      u32: 7,
      i64: '-9223372036854775808',
      u64: 18,
      s32: 0,
      f64: '12',
      flag: false,
      raw: 'AAEC',
      textValue: 'x',
      byId: { '1': 'a', '-2': 'b' },
      byFlag: { true: { why: 'y' } },
      many: [1, 'Infinity'],
      anyValue: { nested: [1, null] },
      detail: { '@type': 'type.googleapis.com/Detail', why: 'x' },
      details: [{ why: 'z' }],
    },
  ],
];

describe('the Protobuf fast check against the path-building walk', () => {
  for (const [label, source, messageName, valid] of cases) {
    const parsed = protobufFormat.parse(source);
    const type = findProtobufMessage(parsed, messageName);

    it(`takes the fast path for a valid ${label}`, () => {
      expect(walk(type, valid, true)).toEqual([]);
      expect(compileProtobufChecker(type, false)(valid, 0)).toBe(true);
      expect(compileProtobufChecker(type, true)(valid, 0)).toBe(true);
    });

    it(`agrees with the walk (verdict and errors) over 3,000 mutations of a ${label}`, () => {
      const random = createRandom(label.length * 7919);
      let accepted = 0;
      let rejected = 0;
      let fastAccepted = 0;
      for (let i = 0; i < 3_000; i++) {
        const data = mutate(valid, random);
        for (const strict of [false, true]) {
          const issues = walk(type, data, strict);
          const fast = compileProtobufChecker(type, strict)(data, 0);
          if (fast && issues.length > 0) {
            throw new Error(`fast check accepted ${JSON.stringify(data)}: ${issues[0]?.message}`);
          }
          const result = protobufFormat
            .compile(parsed, { messageName, strict, timing: false })
            .validate(data);
          expect(result.valid).toBe(issues.length === 0);
          expect(result.errors).toEqual(issues);
          if (fast) fastAccepted++;
          if (issues.length === 0) accepted++;
          else rejected++;
        }
      }
      // Both outcomes must be exercised for the comparison to mean anything.
      expect(accepted).toBeGreaterThan(300);
      expect(rejected).toBeGreaterThan(300);
      expect(fastAccepted).toBeGreaterThan(accepted / 2);
    });
  }
});
