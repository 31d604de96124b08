import { describe, expect, it } from 'vitest';
import { CompatibilityCheckError } from '../src/compatibility-check-error.js';
import { protobufCompatibility } from '../src/protobuf/protobuf-compatibility.js';
import type { PairViolation } from '../src/types.js';
import { parsedProto } from './protobuf-parsed-schema.js';

type Direction = 'backward' | 'forward';

interface Case {
  name: string;
  old: string;
  new: string;
  direction: Direction;
  compatible: boolean;
  rule?: string;
  path?: string;
}

const p3 = (body: string, pkg = 'acme') => `syntax = "proto3";\npackage ${pkg};\n${body}`;
const p2 = (body: string) => `syntax = "proto2";\npackage acme;\n${body}`;
const msg = (fields: string, name = 'User') => `message ${name} {\n${fields}\n}`;

function check(c: Pick<Case, 'old' | 'new' | 'direction'>): PairViolation[] {
  const oldSchema = parsedProto(c.old);
  const newSchema = parsedProto(c.new);
  return c.direction === 'backward'
    ? protobufCompatibility.checkReaderWriter(newSchema, oldSchema)
    : protobufCompatibility.checkReaderWriter(oldSchema, newSchema);
}

const errors = (violations: PairViolation[]) => violations.filter((v) => v.severity === 'error');

const cases: Case[] = [
  // Fields added, removed, renamed
  {
    name: 'adding a field is backward compatible',
    old: p3(msg('string name = 1;')),
    new: p3(msg('string name = 1; int64 id = 2;')),
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'adding a field is forward compatible',
    old: p3(msg('string name = 1;')),
    new: p3(msg('string name = 1; int64 id = 2;')),
    direction: 'forward',
    compatible: true,
  },
  {
    name: 'removing a field is backward compatible',
    old: p3(msg('string name = 1; int64 id = 2;')),
    new: p3(msg('string name = 1;')),
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'renaming a field keeps its number and is compatible',
    old: p3(msg('string name = 1;')),
    new: p3(msg('string full_name = 1;')),
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'renumbering a field is compatible on the wire (an add and a remove)',
    old: p3(msg('string name = 1;')),
    new: p3(msg('string name = 2;')),
    direction: 'backward',
    compatible: true,
  },
  // Scalar groups
  {
    name: 'int32 to int64 is compatible (same varint group)',
    old: p3(msg('int32 n = 1;')),
    new: p3(msg('int64 n = 1;')),
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'uint64 to bool is compatible (same varint group)',
    old: p3(msg('uint64 n = 1;')),
    new: p3(msg('bool n = 1;')),
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'int32 to an enum is compatible',
    old: p3(`enum Kind { A = 0; } ${msg('int32 n = 1;')}`),
    new: p3(`enum Kind { A = 0; } ${msg('Kind n = 1;')}`),
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'sint32 to sint64 is compatible',
    old: p3(msg('sint32 n = 1;')),
    new: p3(msg('sint64 n = 1;')),
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'fixed32 to sfixed32 is compatible',
    old: p3(msg('fixed32 n = 1;')),
    new: p3(msg('sfixed32 n = 1;')),
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'fixed64 to sfixed64 is compatible',
    old: p3(msg('fixed64 n = 1;')),
    new: p3(msg('sfixed64 n = 1;')),
    direction: 'forward',
    compatible: true,
  },
  {
    name: 'string to bytes is compatible',
    old: p3(msg('string s = 1;')),
    new: p3(msg('bytes s = 1;')),
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'int32 to sint32 is incompatible',
    old: p3(msg('int32 n = 1;')),
    new: p3(msg('sint32 n = 1;')),
    direction: 'backward',
    compatible: false,
    rule: 'FIELD_SCALAR_KIND_CHANGED',
    path: 'User.n',
  },
  {
    name: 'int32 to fixed32 is incompatible',
    old: p3(msg('int32 n = 1;')),
    new: p3(msg('fixed32 n = 1;')),
    direction: 'forward',
    compatible: false,
    rule: 'FIELD_SCALAR_KIND_CHANGED',
  },
  {
    name: 'fixed32 to fixed64 is incompatible',
    old: p3(msg('fixed32 n = 1;')),
    new: p3(msg('fixed64 n = 1;')),
    direction: 'backward',
    compatible: false,
    rule: 'FIELD_SCALAR_KIND_CHANGED',
  },
  {
    name: 'float to double is incompatible',
    old: p3(msg('float n = 1;')),
    new: p3(msg('double n = 1;')),
    direction: 'backward',
    compatible: false,
    rule: 'FIELD_SCALAR_KIND_CHANGED',
  },
  {
    name: 'string to int32 is incompatible',
    old: p3(msg('string n = 1;')),
    new: p3(msg('int32 n = 1;')),
    direction: 'backward',
    compatible: false,
    rule: 'FIELD_SCALAR_KIND_CHANGED',
  },
  // Kinds and named types
  {
    name: 'a message field to bytes changes the field kind',
    old: p3(`message A { int32 x = 1; } ${msg('A a = 1;')}`),
    new: p3(`message A { int32 x = 1; } ${msg('bytes a = 1;')}`),
    direction: 'backward',
    compatible: false,
    rule: 'FIELD_KIND_CHANGED',
    path: 'User.a',
  },
  {
    name: 'a scalar field to a map changes the field kind',
    old: p3(msg('string m = 1;')),
    new: p3(msg('map<string, string> m = 1;')),
    direction: 'backward',
    compatible: false,
    rule: 'FIELD_KIND_CHANGED',
  },
  {
    name: 'a message field of another message type is incompatible',
    old: p3(`message A { int32 x = 1; } message B { int32 x = 1; } ${msg('A a = 1;')}`),
    new: p3(`message A { int32 x = 1; } message B { int32 x = 1; } ${msg('B a = 1;')}`),
    direction: 'backward',
    compatible: false,
    rule: 'FIELD_NAMED_TYPE_CHANGED',
  },
  {
    name: 'an incompatible change inside a referenced message marks the field',
    old: p3(`message Address { string zip = 1; } ${msg('Address address = 1;')}`),
    new: p3(`message Address { int32 zip = 1; } ${msg('Address address = 1;')}`),
    direction: 'backward',
    compatible: false,
    rule: 'FIELD_NAMED_TYPE_CHANGED',
    path: 'Address.zip',
  },
  {
    name: 'a compatible change inside a referenced message is compatible',
    old: p3(`message Address { string zip = 1; } ${msg('Address address = 1;')}`),
    new: p3(`message Address { string zip = 1; string city = 2; } ${msg('Address address = 1;')}`),
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'changing a nested message field reports the nested path',
    old: p3(msg('message Inner { int32 v = 1; } Inner inner = 1;')),
    new: p3(msg('message Inner { string v = 1; } Inner inner = 1;')),
    direction: 'backward',
    compatible: false,
    rule: 'FIELD_SCALAR_KIND_CHANGED',
    path: 'User.Inner.v',
  },
  {
    name: 'removing a nested message of a referenced message marks the field using it',
    old: p3(`message A { message Inner { int32 v = 1; } int32 x = 1; } ${msg('A a = 1;')}`),
    new: p3(`message A { int32 x = 1; } ${msg('A a = 1;')}`),
    direction: 'backward',
    compatible: false,
    rule: 'FIELD_NAMED_TYPE_CHANGED',
    path: 'User.a',
  },
  {
    name: 'renaming a message is incompatible (messages are matched by name)',
    old: p3(msg('string a = 1;', 'Customer')),
    new: p3(msg('string a = 1;', 'Client')),
    direction: 'backward',
    compatible: false,
    rule: 'MESSAGE_REMOVED',
    path: 'Customer',
  },
  {
    name: 'renaming an enum used by a field is compatible (enums read as varints)',
    old: p3(`enum Kind { A = 0; } ${msg('Kind k = 1;')}`),
    new: p3(`enum Sort { A = 0; } ${msg('Sort k = 1;')}`),
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'renaming the message type of a field is incompatible',
    old: p3(`message Money { int64 units = 1; } ${msg('Money m = 1;')}`),
    new: p3(`message Cash { int64 units = 1; } ${msg('Cash m = 1;')}`),
    direction: 'backward',
    compatible: false,
    rule: 'FIELD_NAMED_TYPE_CHANGED',
    path: 'User.m',
  },
  // Maps
  {
    name: 'changing a map key type across groups is incompatible',
    old: p3(msg('map<string, int32> m = 1;')),
    new: p3(msg('map<int32, int32> m = 1;')),
    direction: 'backward',
    compatible: false,
    rule: 'FIELD_SCALAR_KIND_CHANGED',
    path: 'User.m.key',
  },
  {
    name: 'changing a map value type within a group is compatible',
    old: p3(msg('map<string, int32> m = 1;')),
    new: p3(msg('map<string, int64> m = 1;')),
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'changing a map value type across groups is incompatible',
    old: p3(msg('map<string, int32> m = 1;')),
    new: p3(msg('map<string, string> m = 1;')),
    direction: 'backward',
    compatible: false,
    rule: 'FIELD_SCALAR_KIND_CHANGED',
    path: 'User.m.value',
  },
  {
    name: 'changing a map message value type is incompatible',
    old: p3(
      `message A { int32 x = 1; } message B { int32 x = 1; } ${msg('map<string, A> m = 1;')}`,
    ),
    new: p3(
      `message A { int32 x = 1; } message B { int32 x = 1; } ${msg('map<string, B> m = 1;')}`,
    ),
    direction: 'backward',
    compatible: false,
    rule: 'FIELD_NAMED_TYPE_CHANGED',
  },
  // Labels
  {
    name: 'making a numeric field repeated is incompatible',
    old: p3(msg('int32 n = 1;')),
    new: p3(msg('repeated int32 n = 1;')),
    direction: 'backward',
    compatible: false,
    rule: 'FIELD_NUMERIC_LABEL_CHANGED',
  },
  {
    name: 'making a string field repeated is compatible',
    old: p3(msg('string s = 1;')),
    new: p3(msg('repeated string s = 1;')),
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'making a bytes field repeated is compatible forward too',
    old: p3(msg('bytes s = 1;')),
    new: p3(msg('repeated bytes s = 1;')),
    direction: 'forward',
    compatible: true,
  },
  {
    name: 'proto3 optional on a numeric field is not a label change',
    old: p3(msg('int32 n = 1;')),
    new: p3(msg('optional int32 n = 1;')),
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'proto2 optional to required is incompatible for numbers',
    old: p2(msg('optional int32 n = 1;')),
    new: p2(msg('required int32 n = 1;')),
    direction: 'backward',
    compatible: false,
    rule: 'FIELD_NUMERIC_LABEL_CHANGED',
  },
  {
    name: 'adding a required field is incompatible',
    old: p2(msg('optional string a = 1;')),
    new: p2(msg('optional string a = 1; required int32 b = 2;')),
    direction: 'backward',
    compatible: false,
    rule: 'REQUIRED_FIELD_ADDED',
    path: 'User.b',
  },
  {
    name: 'removing a required field is incompatible',
    old: p2(msg('optional string a = 1; required int32 b = 2;')),
    new: p2(msg('optional string a = 1;')),
    direction: 'backward',
    compatible: false,
    rule: 'REQUIRED_FIELD_REMOVED',
    path: 'User.b',
  },
  {
    name: 'removing a required field is incompatible forward as well',
    old: p2(msg('optional string a = 1; required int32 b = 2;')),
    new: p2(msg('optional string a = 1;')),
    direction: 'forward',
    compatible: false,
    rule: 'REQUIRED_FIELD_ADDED',
  },
  {
    name: 'adding an editions LEGACY_REQUIRED field is incompatible',
    old: 'edition = "2023"; package acme; message User { string a = 1; }',
    new: 'edition = "2023"; package acme; message User { string a = 1; int32 b = 2 [features.field_presence = LEGACY_REQUIRED]; }',
    direction: 'backward',
    compatible: false,
    rule: 'REQUIRED_FIELD_ADDED',
    path: 'User.b',
  },
  // Messages, enums and package
  {
    name: 'removing a message is incompatible',
    old: p3(`${msg('string a = 1;')} message Extra { int32 x = 1; }`),
    new: p3(msg('string a = 1;')),
    direction: 'backward',
    compatible: false,
    rule: 'MESSAGE_REMOVED',
    path: 'Extra',
  },
  {
    name: 'adding a message is compatible',
    old: p3(msg('string a = 1;')),
    new: p3(`${msg('string a = 1;')} message Extra { int32 x = 1; }`),
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'adding a message breaks forward (the old schema lacks it)',
    old: p3(msg('string a = 1;')),
    new: p3(`${msg('string a = 1;')} message Extra { int32 x = 1; }`),
    direction: 'forward',
    compatible: false,
    rule: 'MESSAGE_REMOVED',
  },
  {
    name: 'reordering messages is compatible',
    old: p3(`message A { int32 x = 1; } message B { int32 y = 1; }`),
    new: p3(`message B { int32 y = 1; } message A { int32 x = 1; }`),
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'removing a nested message is incompatible',
    old: p3(msg('message Inner { int32 v = 1; } string a = 1;')),
    new: p3(msg('string a = 1;')),
    direction: 'backward',
    compatible: false,
    rule: 'MESSAGE_REMOVED',
    path: 'User.Inner',
  },
  {
    name: 'changing the package is incompatible',
    old: p3(msg('string a = 1;'), 'acme.v1'),
    new: p3(msg('string a = 1;'), 'acme.v2'),
    direction: 'backward',
    compatible: false,
    rule: 'PACKAGE_CHANGED',
    path: '',
  },
  {
    name: 'adding an enum value is compatible',
    old: p3('enum Color { RED = 0; }'),
    new: p3('enum Color { RED = 0; GREEN = 1; }'),
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'removing an enum value is compatible',
    old: p3('enum Color { RED = 0; GREEN = 1; }'),
    new: p3('enum Color { RED = 0; }'),
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'renaming an enum value is compatible',
    old: p3('enum Color { RED = 0; GREEN = 1; }'),
    new: p3('enum Color { RED = 0; VERDE = 1; }'),
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'removing an enum is compatible',
    old: p3(`enum Color { RED = 0; } ${msg('string a = 1;')}`),
    new: p3(msg('string a = 1;')),
    direction: 'backward',
    compatible: true,
  },
  // Oneofs
  {
    name: 'adding a oneof is compatible',
    old: p3(msg('string a = 1;')),
    new: p3(msg('string a = 1; oneof pick { int32 b = 2; string c = 3; }')),
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'adding a field to a oneof is compatible',
    old: p3(msg('oneof pick { int32 b = 2; }')),
    new: p3(msg('oneof pick { int32 b = 2; string c = 3; }')),
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'removing a field from a oneof is incompatible',
    old: p3(msg('oneof pick { int32 b = 2; string c = 3; }')),
    new: p3(msg('oneof pick { int32 b = 2; }')),
    direction: 'backward',
    compatible: false,
    rule: 'ONEOF_FIELD_REMOVED',
    path: 'User.c',
  },
  {
    name: 'removing a whole oneof with its members is compatible',
    old: p3(msg('string a = 1; oneof pick { int32 b = 2; string c = 3; }')),
    new: p3(msg('string a = 1;')),
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'moving a oneof member to the top level is compatible',
    old: p3(msg('oneof pick { int32 b = 2; string c = 3; }')),
    new: p3(msg('int32 b = 2; oneof pick { string c = 3; }')),
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'moving a oneof member to the top level breaks forward',
    old: p3(msg('oneof pick { int32 b = 2; string c = 3; }')),
    new: p3(msg('int32 b = 2; oneof pick { string c = 3; }')),
    direction: 'forward',
    compatible: false,
    rule: 'FIELD_MOVED_TO_EXISTING_ONEOF',
  },
  {
    name: 'moving one field into a new oneof is compatible',
    old: p3(msg('int32 b = 2;')),
    new: p3(msg('oneof pick { int32 b = 2; }')),
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'moving several fields into a new oneof is incompatible',
    old: p3(msg('int32 b = 2; string c = 3;')),
    new: p3(msg('oneof pick { int32 b = 2; string c = 3; }')),
    direction: 'backward',
    compatible: false,
    rule: 'MULTIPLE_FIELDS_MOVED_TO_ONEOF',
    path: 'User.pick',
  },
  {
    name: 'moving a field into an existing oneof is incompatible',
    old: p3(msg('int32 b = 2; oneof pick { string c = 3; }')),
    new: p3(msg('oneof pick { int32 b = 2; string c = 3; }')),
    direction: 'backward',
    compatible: false,
    rule: 'FIELD_MOVED_TO_EXISTING_ONEOF',
  },
  {
    name: 'merging two oneofs is incompatible',
    old: p3(msg('oneof a { int32 b = 2; } oneof c { string d = 3; }')),
    new: p3(msg('oneof a { int32 b = 2; string d = 3; }')),
    direction: 'backward',
    compatible: false,
    rule: 'FIELD_MOVED_TO_EXISTING_ONEOF',
  },
  {
    name: 'renaming a oneof is compatible',
    old: p3(msg('oneof a { int32 b = 2; string c = 3; }')),
    new: p3(msg('oneof z { int32 b = 2; string c = 3; }')),
    direction: 'backward',
    compatible: true,
  },
  // Recursion
  {
    name: 'a recursive message compares without hanging',
    old: p3('message Node { int32 v = 1; Node next = 2; }'),
    new: p3('message Node { int32 v = 1; Node next = 2; string label = 3; }'),
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'an incompatible change in a recursive message is found',
    old: p3('message Node { int32 v = 1; Node next = 2; }'),
    new: p3('message Node { string v = 1; Node next = 2; }'),
    direction: 'backward',
    compatible: false,
    rule: 'FIELD_SCALAR_KIND_CHANGED',
    path: 'Node.v',
  },
  {
    name: 'mutually recursive messages compare without hanging',
    old: p3('message A { B b = 1; } message B { A a = 1; int32 x = 2; }'),
    new: p3('message A { B b = 1; } message B { A a = 1; int64 x = 2; }'),
    direction: 'backward',
    compatible: true,
  },
];

describe('protobufCompatibility.checkReaderWriter', () => {
  it.each(cases)('$name', (c) => {
    const found = errors(check(c));
    expect(found.length === 0).toBe(c.compatible);
    if (c.rule !== undefined) expect(found.map((v) => v.rule)).toContain(c.rule);
    if (c.path !== undefined) expect(found.map((v) => v.path)).toContain(c.path);
  });

  it('has at least 40 table cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it("includes Confluent's path and a fix in a violation", () => {
    const [v] = check({
      old: p3(msg('int32 n = 3;')),
      new: p3(msg('string n = 3;')),
      direction: 'backward',
    });
    expect(v).toMatchObject({
      rule: 'FIELD_SCALAR_KIND_CHANGED',
      path: 'User.n',
      severity: 'error',
    });
    expect(v?.message).toContain('#/User/3');
    expect(v?.fix).toContain('new field');
  });

  it('names a renamed field by its old name in oldPath', () => {
    const [v] = check({
      old: p3(msg('int32 count = 1;')),
      new: p3(msg('string label = 1;')),
      direction: 'backward',
    });
    expect(v).toMatchObject({
      rule: 'FIELD_SCALAR_KIND_CHANGED',
      path: 'User.label',
      oldPath: 'User.count',
    });
  });

  it("reports a map value change at the map field's Confluent path", () => {
    const [v] = check({
      old: p3(msg('map<string, int32> m = 2;')),
      new: p3(msg('map<string, string> m = 2;')),
      direction: 'backward',
    });
    expect(v).toMatchObject({ rule: 'FIELD_SCALAR_KIND_CHANGED', path: 'User.m.value' });
    expect(v?.message).toContain('(#/User/2)');
  });

  it('uses the oneof name in the Confluent path of a oneof member', () => {
    const [v] = check({
      old: p3(msg('oneof pick { int32 b = 2; string c = 3; }')),
      new: p3(msg('oneof pick { int32 b = 2; }')),
      direction: 'backward',
    });
    expect(v?.message).toContain('#/User/pick/3');
  });

  it('warns when a field reuses a number or name the old schema reserves', () => {
    const violations = check({
      old: p3(msg('string a = 1; reserved 2, 5 to 7; reserved "legacy";')),
      new: p3(msg('string a = 1; int32 b = 6; int32 legacy = 9;')),
      direction: 'backward',
    });
    expect(violations.map((v) => [v.rule, v.path, v.severity])).toEqual([
      ['RESERVED_FIELD_REUSED', 'User.b', 'warning'],
      ['RESERVED_FIELD_REUSED', 'User.legacy', 'warning'],
    ]);
  });

  it('warns when an enum value reuses a reserved number', () => {
    const violations = check({
      old: p3('enum Color { RED = 0; reserved 1; }'),
      new: p3('enum Color { RED = 0; BLUE = 1; }'),
      direction: 'backward',
    });
    expect(violations.map((v) => [v.rule, v.severity])).toEqual([
      ['RESERVED_ENUM_VALUE_REUSED', 'warning'],
    ]);
  });

  it('reports the old name of a renamed field as oldPath only in the diff, not as a violation', () => {
    expect(
      check({
        old: p3(msg('string a = 1;')),
        new: p3(msg('string b = 1;')),
        direction: 'backward',
      }),
    ).toEqual([]);
  });

  it('reports a different schema type as a violation', () => {
    const json = { ...parsedProto(p3(msg('string a = 1;'))), schemaType: 'JSON' as const };
    expect(
      protobufCompatibility.checkReaderWriter(parsedProto(p3(msg('string a = 1;'))), json)[0]?.rule,
    ).toBe('SCHEMA_TYPE_CHANGED');
  });

  it('throws a CompatibilityCheckError with code INVALID_INPUT for a foreign native value', () => {
    const bogus = { ...parsedProto(p3(msg('string a = 1;'))), native: {} };
    expect(() => protobufCompatibility.checkReaderWriter(bogus, bogus)).toThrow(
      CompatibilityCheckError,
    );
    try {
      protobufCompatibility.diff(bogus, bogus);
    } catch (error) {
      expect((error as CompatibilityCheckError).code).toBe('INVALID_INPUT');
    }
  });
});

describe('protobufCompatibility with imported files', () => {
  const common = (extra = '') =>
    `syntax = "proto3"; package acme; message Money { int64 units = 1; ${extra} }`;

  it('compares only the schema file, not imports that share its package', () => {
    const oldSchema = parsedProto(p3(`import "common.proto"; ${msg('Money price = 1;')}`), {
      'common.proto': `${common()} message Unused { int32 x = 1; }`,
    });
    const newSchema = parsedProto(
      p3(`import "common.proto"; ${msg('Money price = 1; string note = 2;')}`),
      {
        'common.proto': common(),
      },
    );
    expect(protobufCompatibility.checkReaderWriter(newSchema, oldSchema)).toEqual([]);
  });

  it('finds an incompatible change in an imported message through the field using it', () => {
    const oldSchema = parsedProto(p3(`import "common.proto"; ${msg('Money price = 1;')}`), {
      'common.proto': common(),
    });
    const newSchema = parsedProto(p3(`import "common.proto"; ${msg('Money price = 1;')}`), {
      'common.proto': common().replace('int64 units', 'string units'),
    });
    const found = errors(protobufCompatibility.checkReaderWriter(newSchema, oldSchema));
    expect(found.map((v) => [v.rule, v.path])).toEqual([
      ['FIELD_NAMED_TYPE_CHANGED', 'User.price'],
      ['FIELD_SCALAR_KIND_CHANGED', 'Money.units'],
    ]);
  });

  it('takes the package from the schema file even when an import holds more definitions', () => {
    const big =
      'syntax = "proto3"; package lib; message A { int32 a = 1; } message B { int32 b = 1; }';
    const oldSchema = parsedProto(p3(`import "lib.proto"; ${msg('lib.A a = 1;')}`, 'shop.v1'), {
      'lib.proto': big,
    });
    const newSchema = parsedProto(p3(`import "lib.proto"; ${msg('lib.A a = 1;')}`, 'shop.v2'), {
      'lib.proto': big,
    });
    const found = errors(protobufCompatibility.checkReaderWriter(newSchema, oldSchema));
    expect(found.map((v) => v.rule)).toEqual(['PACKAGE_CHANGED']);
    expect(found[0]?.message).toContain("'shop.v1' to 'shop.v2'");
  });
});

describe('protobufCompatibility hostile input', () => {
  it('compares files without any message', () => {
    const empty = parsedProto('syntax = "proto3";');
    const services = parsedProto(
      'syntax = "proto3"; package svc; message Req {} service S { rpc Call (Req) returns (Req); }',
    );
    expect(
      check({ old: 'syntax = "proto3";', new: 'syntax = "proto3";', direction: 'backward' }),
    ).toEqual([]);
    expect(protobufCompatibility.checkReaderWriter(services, empty).map((v) => v.rule)).toEqual([
      'PACKAGE_CHANGED',
    ]);
    expect(protobufCompatibility.diff(empty, services).changes.map((c) => c.path)).toEqual([
      '',
      'Req',
    ]);
  });

  it('compares a message with 2000 fields', () => {
    const fields = (type: string) =>
      Array.from({ length: 2000 }, (_, i) => `${type} f${i} = ${i + 1};`).join(' ');
    const violations = errors(
      check({
        old: p3(msg(fields('int32'))),
        new: p3(msg(fields('int64'))),
        direction: 'backward',
      }),
    );
    expect(violations).toEqual([]);
  });

  it('follows a chain of 3000 messages, each referencing the next, without exhausting the stack', () => {
    const chain = (leaf: string) => {
      const parts = Array.from({ length: 3000 }, (_, i) => `message M${i} { M${i + 1} next = 1; }`);
      parts.push(`message M3000 { ${leaf} v = 1; }`);
      return p3(parts.join('\n'));
    };
    const violations = errors(
      check({ old: chain('int32'), new: chain('string'), direction: 'backward' }),
    );
    expect(violations).toHaveLength(3001);
    expect(
      violations.filter((v) => v.rule === 'FIELD_SCALAR_KIND_CHANGED').map((v) => v.path),
    ).toEqual(['M3000.v']);
  });

  it('compares a huge enum', () => {
    const values = (n: number) => Array.from({ length: n }, (_, i) => `V${i} = ${i};`).join(' ');
    const diff = protobufCompatibility.diff(
      parsedProto(p3(`enum Big { ${values(20_000)} }`)),
      parsedProto(p3(`enum Big { ${values(19_999)} }`)),
    );
    expect(diff.changes.map((c) => c.path)).toEqual(['Big.V19999']);
  });

  it('compares deeply nested messages', () => {
    const nest = (depth: number, leaf: string) => {
      let body = `${leaf} v = 1;`;
      for (let i = depth; i > 0; i--) body = `message M${i} { ${body} } M${i} m${i} = 1;`;
      return p3(`message Root { ${body} }`);
    };
    const violations = errors(
      check({ old: nest(30, 'int32'), new: nest(30, 'string'), direction: 'backward' }),
    );
    expect(violations.map((v) => v.rule)).toContain('FIELD_SCALAR_KIND_CHANGED');
  });

  it('does not blow up on messages referenced from many places', () => {
    const chain = (leaf: string) => {
      const parts = [`message L0 { ${leaf} v = 1; }`];
      for (let i = 1; i <= 40; i++)
        parts.push(`message L${i} { L${i - 1} x = 1; L${i - 1} y = 2; }`);
      return p3(parts.join('\n'));
    };
    const violations = errors(
      check({ old: chain('int32'), new: chain('string'), direction: 'backward' }),
    );
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.length).toBeLessThan(200);
  });
});

describe('protobufCompatibility.diff', () => {
  const diff = (a: string, b: string) =>
    protobufCompatibility.diff(parsedProto(a), parsedProto(b)).changes;

  it('finds no changes between identical schemas', () => {
    expect(diff(p3(msg('string a = 1;')), p3(msg('string a = 1;')))).toEqual([]);
  });

  it('lists fields added, removed and renamed', () => {
    const changes = diff(
      p3(msg('string a = 1; int32 b = 2;')),
      p3(msg('string z = 1; int64 c = 3;')),
    );
    expect(changes.map((c) => [c.kind, c.path])).toEqual([
      ['changed', 'User.z'],
      ['removed', 'User.b'],
      ['added', 'User.c'],
    ]);
  });

  it('lists compatible and incompatible changes alike', () => {
    const changes = diff(
      p3('enum E { A = 0; } message M { int32 x = 1; }'),
      p3('enum E { A = 0; B = 1; } message M { string x = 1; }'),
    );
    expect(changes.map((c) => c.message.split(':')[0]).sort()).toEqual([
      'ENUM_CONST_ADDED',
      'FIELD_SCALAR_KIND_CHANGED',
    ]);
  });

  it('marks documentation-only changes as annotationOnly', () => {
    const changes = diff(
      p3(
        '/** People. */\nmessage User {\n  /** Their name. */\n  string a = 1;\n}\n/** Hue. */\nenum Color { RED = 0; }',
      ),
      p3(
        '/** Humans. */\nmessage User {\n  /** Full name. */\n  string a = 1;\n}\n/** Colour. */\nenum Color { RED = 0; }',
      ),
    );
    expect(changes.map((c) => [c.path, c.annotationOnly])).toEqual([
      ['User', true],
      ['User.a', true],
      ['Color', true],
    ]);
    expect(
      protobufCompatibility.checkReaderWriter(
        parsedProto(p3('/** x */ message User { string a = 1; }')),
        parsedProto(p3('/** y */ message User { string a = 1; }')),
      ),
    ).toEqual([]);
  });
});
