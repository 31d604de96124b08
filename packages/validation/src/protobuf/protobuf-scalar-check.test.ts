import type protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { checkEnumJson } from './check-protobuf-json.js';
import { protobufFormat } from './protobuf-format.js';
import { protobufScalarProblem } from './protobuf-json-scalar.js';
import {
  compileProtobufEnumCheck,
  compileProtobufScalarCheck,
  protobufQuickKind,
  protobufQuickPass,
} from './protobuf-scalar-check.js';

const SCALARS = [
  'double',
  'float',
  'int32',
  'uint32',
  'sint32',
  'fixed32',
  'sfixed32',
  'int64',
  'uint64',
  'sint64',
  'fixed64',
  'sfixed64',
  'bool',
  'string',
  'bytes',
] as const;

const VALUES: unknown[] = [
  0,
  -0,
  1,
  -1,
  1.5,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31),
  -(2 ** 31) - 1,
  2 ** 32 - 1,
  2 ** 32,
  2 ** 53 - 1,
  2 ** 53,
  -(2 ** 53),
  3.4028234663852886e38,
  3.5e38,
  -3.5e38,
  Number.MAX_VALUE,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.NaN,
  'NaN',
  'Infinity',
  '-Infinity',
  '',
  ' ',
  '12',
  ' 1.5 ',
  '-9223372036854775808',
  '9223372036854775808',
  '18446744073709551615',
  '18446744073709551616',
  '1e3',
  'AAEC_w==',
  'AAEC+/==',
  '***',
  true,
  false,
  null,
  undefined,
  [],
  {},
  10n,
  Symbol('s'),
  () => 1,
];

describe('compileProtobufScalarCheck', () => {
  it.each(SCALARS)('accepts exactly what protobufScalarProblem accepts for %s', (type) => {
    const check = compileProtobufScalarCheck(type);
    for (const value of VALUES) {
      expect([type, value, check(value)]).toEqual([
        type,
        value,
        protobufScalarProblem(type, value) === undefined,
      ]);
    }
  });

  it.each(SCALARS)('passes quickly only values the full rules accept for %s', (type) => {
    const kind = protobufQuickKind(type);
    for (const value of VALUES) {
      if (protobufQuickPass(kind, value)) {
        expect([type, value, protobufScalarProblem(type, value)]).toEqual([type, value, undefined]);
      }
    }
  });

  it('has quick kinds for the common scalars and none for bytes or 64-bit unsigned', () => {
    expect(
      ['string', 'bool', 'int32', 'double', 'uint32', 'int64'].map(protobufQuickKind),
    ).not.toContain(0);
    expect(['bytes', 'float', 'uint64', 'fixed64', 'int128'].map(protobufQuickKind)).toEqual([
      0, 0, 0, 0, 0,
    ]);
    expect(protobufQuickPass(0, 'anything')).toBe(false);
  });

  it('rejects a type name it does not know, as the full rules do', () => {
    expect(compileProtobufScalarCheck('int128')(1)).toBe(false);
  });
});

describe('compileProtobufEnumCheck', () => {
  const root = protobufFormat.parse(`syntax = "proto2";
enum Closed { ONE = 1; TWO = 2; }`).native as protobuf.Root;
  const open = protobufFormat.parse(`syntax = "proto3";
import "google/protobuf/struct.proto";
enum Open { ZERO = 0; ONE = 1; }
message M { google.protobuf.NullValue n = 1; }`).native as protobuf.Root;
  const enums = [
    root.lookupEnum('Closed'),
    open.lookupEnum('Open'),
    open.lookupEnum('google.protobuf.NullValue'),
  ];
  const enumValues: unknown[] = [
    'ONE',
    'ZERO',
    'NULL_VALUE',
    'toString',
    '__proto__',
    1,
    -0,
    3,
    -1,
    1.5,
    2 ** 31,
    -(2 ** 31),
    null,
    undefined,
    true,
    {},
  ];

  it('accepts exactly what checkEnumJson accepts, for closed, open and NullValue enums', () => {
    for (const enumType of enums) {
      const check = compileProtobufEnumCheck(enumType);
      for (const value of enumValues) {
        const ctx = { strict: false, issues: [] };
        checkEnumJson(enumType, value, '', ctx);
        expect([enumType.name, value, check(value)]).toEqual([
          enumType.name,
          value,
          ctx.issues.length === 0,
        ]);
      }
    }
  });
});
