import { describe, expect, it } from 'vitest';
import type { ValidationIssue } from '../schema-format.js';
import { checkProtobufMessageJson } from './check-protobuf-json.js';
import { compileProtobufChecker } from './compile-protobuf-checker.js';
import { findProtobufMessage } from './find-protobuf-message.js';
import { protobufFormat } from './protobuf-format.js';

const parse = (source: string) => protobufFormat.parse(source);
const messageOf = (source: string, name?: string) => findProtobufMessage(parse(source), name);

const SHOP = `syntax = "proto3";
message Order {
  string customer_id = 1;
  repeated Line lines = 2;
  map<int32, string> by_id = 3;
  oneof payment { Card card = 4; string voucher = 5; }
  message Line { string sku = 1; int32 quantity = 2; }
  message Card { string number = 1; }
}`;
const order = messageOf(SHOP);

function walk(data: unknown, strict = false): ValidationIssue[] {
  const ctx = { strict, issues: [] as ValidationIssue[] };
  checkProtobufMessageJson(order, data, '', ctx);
  return ctx.issues;
}

describe('compileProtobufChecker', () => {
  const check = compileProtobufChecker(order, false);

  it('compiles once per message type and strictness', () => {
    expect(compileProtobufChecker(order, false)).toBe(check);
    expect(compileProtobufChecker(order, true)).not.toBe(check);
    expect(compileProtobufChecker(order, true)).toBe(compileProtobufChecker(order, true));
  });

  it('accepts valid documents under either field name, with nulls as unset fields', () => {
    expect(
      check({ customerId: 'a', lines: [{ sku: 'x', quantity: 2 }], byId: { '7': 'x' } }, 0),
    ).toBe(true);
    expect(check({ customer_id: null, card: { number: '1' } }, 0)).toBe(true);
  });

  it('turns down every kind of invalid value', () => {
    for (const data of [
      { customerId: 1 },
      { lines: {} },
      { lines: [{ quantity: 1.5 }] },
      { lines: [null] },
      { byId: { x: 'a' } },
      { byId: { '1': 2 } },
      { card: 'x' },
      null,
      [],
      new Uint8Array(1),
    ]) {
      expect(check(data, 0)).toBe(false);
      expect(walk(data)).not.toEqual([]);
    }
  });

  it('leaves a field under both names and two oneof members to the full walk', () => {
    expect(check({ customerId: 'a', customer_id: 'b' }, 0)).toBe(false);
    expect(walk({ customerId: 'a', customer_id: 'b' })[0]?.keyword).toBe('duplicate');
    expect(check({ card: {}, voucher: 'v' }, 0)).toBe(false);
    expect(walk({ card: {}, voucher: 'v' })[0]?.keyword).toBe('oneof');
    // Valid, but unusual enough to be decided by the walk.
    expect(check({ card: null, voucher: 'v' }, 0)).toBe(false);
    expect(walk({ card: null, voucher: 'v' })).toEqual([]);
  });

  it('ignores unknown keys unless strict', () => {
    expect(check({ bogus: 1, lines: [{ extra: true }] }, 0)).toBe(true);
    expect(compileProtobufChecker(order, true)({ lines: [{ extra: true }] }, 0)).toBe(false);
  });

  it('turns down an own field set to undefined, which the walk rejects', () => {
    expect(check({ customerId: undefined }, 0)).toBe(false);
    expect(walk({ customerId: undefined })).not.toEqual([]);
  });

  it('checks proto2 required fields under either name', () => {
    const person = compileProtobufChecker(
      messageOf('syntax = "proto2";\nmessage P { required string full_name = 1; }'),
      false,
    );
    expect(person({ fullName: 'a' }, 0)).toBe(true);
    expect(person({ full_name: 'a' }, 0)).toBe(true);
    expect(person({}, 0)).toBe(false);
  });

  it('stops at the depth limit on recursive messages', () => {
    const tree = compileProtobufChecker(
      messageOf('syntax = "proto3";\nmessage T { T left = 1; int32 value = 2; }'),
      false,
    );
    let data: Record<string, unknown> = { value: 1 };
    for (let i = 0; i < 100; i++) data = { left: data };
    expect(tree(data, 0)).toBe(true);
    expect(tree({ left: data }, 0)).toBe(false);
  });

  it('handles more oneofs and two-name fields than its bit marks hold', () => {
    const fields = Array.from({ length: 40 }, (_, i) => `  string field_${i} = ${i + 1};`);
    const oneofs = Array.from(
      { length: 5 },
      (_, i) =>
        `  oneof pick_${i} { string a_${i} = ${100 + 2 * i}; string b_${i} = ${101 + 2 * i}; }`,
    );
    const wide = messageOf(
      `syntax = "proto3";\nmessage W {\n${[...fields, ...oneofs].join('\n')}\n}`,
    );
    const wideCheck = compileProtobufChecker(wide, false);
    const all = Object.fromEntries(fields.map((_, i) => [`field_${i}`, 'x']));
    expect(wideCheck({ ...all, a_0: 'x', b_1: 'y', a_4: 'z' }, 0)).toBe(true);
    expect(wideCheck({ field_39: 'x', field39: 'y' }, 0)).toBe(false);
    expect(wideCheck({ a_4: 'x', b_4: 'y' }, 0)).toBe(false);
    expect(wideCheck({ a4: 'x', b_4: 'y' }, 0)).toBe(false);
  });

  it('survives hostile shapes: 100,000 keys, a long list, inherited and getter values', () => {
    const many: Record<string, unknown> = {};
    for (let i = 0; i < 100_000; i++) many[`k${i}`] = i;
    expect(check(many, 0)).toBe(true);
    expect(compileProtobufChecker(order, true)(many, 0)).toBe(false);
    const lines = Array.from({ length: 100_000 }, () => ({ sku: 'a' }));
    expect(check({ lines }, 0)).toBe(true);
    expect(check(Object.create({ customerId: 5 }), 0)).toBe(false);
    class Getter {
      get customerId() {
        return 'from the prototype';
      }
    }
    expect(check(new Getter(), 0)).toBe(true);
    expect(walk(new Getter())).toEqual([]);
  });

  it('keeps nothing from a compilation that fails, so a retry checks every field', () => {
    const source =
      'syntax = "proto3";\nmessage A { B b = 1; }\nmessage B { A a = 1; string s = 2; }';
    const parsed = parse(source);
    const a = findProtobufMessage(parsed);
    const b = findProtobufMessage(parsed, 'B');
    const s = b.fields.s!;
    Object.defineProperty(s, 'partOf', {
      configurable: true,
      get() {
        throw new Error('sabotaged');
      },
    });
    expect(() => compileProtobufChecker(a, false)).toThrow('sabotaged');
    Object.defineProperty(s, 'partOf', { configurable: true, writable: true, value: null });
    expect(compileProtobufChecker(a, false)({ b: { s: 1 } }, 0)).toBe(false);
    expect(compileProtobufChecker(b, false)({ s: 1 }, 0)).toBe(false);
    expect(compileProtobufChecker(a, false)({ b: { a: {}, s: 'x' } }, 0)).toBe(true);
  });
});
