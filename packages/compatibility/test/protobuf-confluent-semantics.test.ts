import type protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { checkCompatibility } from '../src/check-compatibility.js';
import { compareProtobufSchemas } from '../src/protobuf/compare-protobuf-schemas.js';
import { parsedProto } from './protobuf-parsed-schema.js';

/**
 * Confluent Schema Registry's Protobuf semantics (its `SchemaDiff` and the behaviour its own diff
 * vectors state), checked on our own schemas: the BACKWARD verdict and the list of differences
 * with Confluent's type names and `#/` paths. The last cases pin the documented places where we
 * deliberately differ.
 */
interface Case {
  name: string;
  old: string;
  new: string;
  imports?: { old?: Record<string, string>; new?: Record<string, string> };
  compatible: boolean;
  /** `TYPE #/path`, in any order; comment-only differences are left out. */
  changes: string[];
}

const v3 = (body: string, pkg = 'shop') => `syntax = "proto3";\npackage ${pkg};\n${body}`;
const v2 = (body: string) => `syntax = "proto2";\npackage shop;\n${body}`;
const bare = (body: string) => `syntax = "proto3";\n${body}`;
const MONEY = 'message Money { int64 units = 1; string currency = 2; }';
const STATE = 'enum State { NEW = 0; PAID = 1; }';
const lib = (pkg: string, unitsType = 'int64') =>
  `syntax = "proto3";\npackage ${pkg};\nmessage Money { ${unitsType} units = 1; string currency = 2; }`;

const cases: Case[] = [
  {
    name: 'adding an optional field is compatible and listed as FIELD_ADDED',
    old: v3('message Order { string id = 1; }'),
    new: v3('message Order { string id = 1; int64 total = 2; }'),
    compatible: true,
    changes: ['FIELD_ADDED #/Order/2'],
  },
  {
    name: 'adding a proto2 required field is incompatible',
    old: v2('message Order { optional string id = 1; }'),
    new: v2('message Order { optional string id = 1; required int64 total = 2; }'),
    compatible: false,
    changes: ['REQUIRED_FIELD_ADDED #/Order/2'],
  },
  {
    name: 'removing a proto2 required field is incompatible',
    old: v2('message Order { optional string id = 1; required int64 total = 2; }'),
    new: v2('message Order { optional string id = 1; }'),
    compatible: false,
    changes: ['REQUIRED_FIELD_REMOVED #/Order/2'],
  },
  {
    name: 'a field added to a nested message is reported under the nesting path',
    old: v3('message Order { message Line { string sku = 1; } Line line = 1; }'),
    new: v3('message Order { message Line { string sku = 1; int32 qty = 2; } Line line = 1; }'),
    compatible: true,
    changes: ['FIELD_ADDED #/Order/Line/2'],
  },
  {
    name: 'renumbering a field is a removal plus an addition, both compatible',
    old: v3('message Order { string id = 1; }'),
    new: v3('message Order { string id = 7; }'),
    compatible: true,
    changes: ['FIELD_REMOVED #/Order/1', 'FIELD_ADDED #/Order/7'],
  },
  {
    name: 'uint32 to uint64 stays in the varint group and reports nothing',
    old: v3('message Order { uint32 qty = 1; }'),
    new: v3('message Order { uint64 qty = 1; }'),
    compatible: true,
    changes: [],
  },
  {
    name: 'bytes to string stays in the length-delimited group and reports nothing',
    old: v3('message Order { bytes note = 1; }'),
    new: v3('message Order { string note = 1; }'),
    compatible: true,
    changes: [],
  },
  {
    name: 'a varint field turned into an enum is compatible; only the enum is new',
    old: v3('message Order { int64 state = 1; }'),
    new: v3(`message Order { State state = 1; }\n${STATE}`),
    compatible: true,
    changes: ['ENUM_ADDED #/State'],
  },
  {
    name: 'an enum field turned back into a varint is compatible; only the enum is gone',
    old: v3(`message Order { State state = 1; }\n${STATE}`),
    new: v3('message Order { int32 state = 1; }'),
    compatible: true,
    changes: ['ENUM_REMOVED #/State'],
  },
  {
    name: 'a scalar field turned into a nested message changes its kind',
    old: v3('message Order { int64 total = 1; }'),
    new: v3(`message Order { ${MONEY} Money total = 1; }`),
    compatible: false,
    changes: ['FIELD_KIND_CHANGED #/Order/1', 'MESSAGE_ADDED #/Order/Money'],
  },
  {
    name: 'renaming an enum constant is compatible',
    old: v3(STATE),
    new: v3('enum State { NEW = 0; SETTLED = 1; }'),
    compatible: true,
    changes: ['ENUM_CONST_CHANGED #/State/1'],
  },
  {
    name: 'moving one field into a new oneof with a new member is compatible',
    old: v3('message Pay { string card = 1; }'),
    new: v3('message Pay { oneof method { string card = 1; string iban = 2; } }'),
    compatible: true,
    changes: ['ONEOF_ADDED #/Pay/method', 'ONEOF_FIELD_ADDED #/Pay/method/2'],
  },
  {
    name: 'moving two fields into a new oneof is incompatible',
    old: v3('message Pay { string card = 1; string iban = 2; }'),
    new: v3('message Pay { oneof method { string card = 1; string iban = 2; bool cash = 3; } }'),
    compatible: false,
    changes: [
      'MULTIPLE_FIELDS_MOVED_TO_ONEOF #/Pay/method',
      'ONEOF_ADDED #/Pay/method',
      'ONEOF_FIELD_ADDED #/Pay/method/3',
    ],
  },
  {
    name: 'adding a member to an existing oneof is compatible',
    old: v3('message Pay { oneof method { string card = 1; } }'),
    new: v3('message Pay { oneof method { string card = 1; string iban = 2; } }'),
    compatible: true,
    changes: ['ONEOF_FIELD_ADDED #/Pay/method/2'],
  },
  {
    name: 'dropping a member of a kept oneof is incompatible',
    old: v3('message Pay { oneof method { string card = 1; string iban = 2; } }'),
    new: v3('message Pay { oneof method { string card = 1; } }'),
    compatible: false,
    changes: ['ONEOF_FIELD_REMOVED #/Pay/method/2'],
  },
  {
    name: 'a varint field turned into a string is incompatible and reported with the rename',
    old: v3('message Order { int32 qty = 3; }'),
    new: v3('message Order { string label = 3; }'),
    compatible: false,
    changes: ['FIELD_NAME_CHANGED #/Order/3', 'FIELD_SCALAR_KIND_CHANGED #/Order/3'],
  },
  {
    name: 'pointing a field at a differently named message is incompatible',
    old: v3(`message Order { Money total = 1; }\n${MONEY}`),
    new: v3(
      'message Order { Amount total = 1; }\nmessage Amount { int64 units = 1; string currency = 2; }',
    ),
    compatible: false,
    changes: [
      'FIELD_NAMED_TYPE_CHANGED #/Order/1',
      'MESSAGE_REMOVED #/Money',
      'MESSAGE_ADDED #/Amount',
    ],
  },
  {
    name: 'a map value type across wire groups is reported at the map field',
    old: v3('message Order { map<string, int64> counts = 4; }'),
    new: v3('message Order { map<string, double> counts = 4; }'),
    compatible: false,
    changes: ['FIELD_SCALAR_KIND_CHANGED #/Order/4'],
  },
  {
    name: 'qualifying a map value type name differently changes nothing',
    old: v3(`message Order { ${MONEY} map<string, Money> parts = 1; }`),
    new: v3(`message Order { ${MONEY} map<string, .shop.Order.Money> parts = 1; }`),
    compatible: true,
    changes: [],
  },
  {
    name: 'qualifying a field type name without a package changes nothing',
    old: bare(`message Order { ${MONEY} Money total = 1; }`),
    new: bare(`message Order { ${MONEY} .Order.Money total = 1; }`),
    compatible: true,
    changes: [],
  },
  {
    name: 'making a message field repeated is compatible and not reported',
    old: v3(`${MONEY}\nmessage Order { Money total = 1; }`),
    new: v3(`${MONEY}\nmessage Order { repeated Money total = 1; }`),
    compatible: true,
    changes: [],
  },
  {
    name: 'making a string field repeated is a compatible label change',
    old: v3('message Order { optional string tag = 1; }'),
    new: v3('message Order { repeated string tag = 1; }'),
    compatible: true,
    changes: ['FIELD_STRING_OR_BYTES_LABEL_CHANGED #/Order/1'],
  },
  {
    name: 'making a numeric field repeated is an incompatible label change',
    old: v3('message Order { optional int64 total = 1; }'),
    new: v3('message Order { repeated int64 total = 1; }'),
    compatible: false,
    changes: ['FIELD_NUMERIC_LABEL_CHANGED #/Order/1'],
  },
  {
    name: 'inserting a message before another one moves it, compatibly',
    old: v3('message Order { string id = 1; }'),
    new: v3('message Invoice { string id = 1; }\nmessage Order { string id = 1; }'),
    compatible: true,
    changes: ['MESSAGE_ADDED #/Invoice', 'MESSAGE_MOVED #/Order'],
  },
  {
    name: 'removing an unused nested message is incompatible',
    old: v3('message Order { message Note { string text = 1; } string id = 1; }'),
    new: v3('message Order { string id = 1; }'),
    compatible: false,
    changes: ['MESSAGE_REMOVED #/Order/Note'],
  },
  {
    name: 'an incompatible change inside an imported message marks the field using it',
    old: bare('import "money.proto";\nmessage Order { .fin.Money total = 1; }'),
    new: bare('import "money2.proto";\nmessage Order { .fin.Money total = 1; }'),
    imports: { old: { 'money.proto': lib('fin') }, new: { 'money2.proto': lib('fin', 'string') } },
    compatible: false,
    changes: ['FIELD_SCALAR_KIND_CHANGED #/Money/1', 'FIELD_NAMED_TYPE_CHANGED #/Order/1'],
  },
  {
    name: 'an imported message in another package with the same local name and shape is compatible',
    old: bare('import "money.proto";\nmessage Order { .fin.Money total = 1; }'),
    new: bare('import "money2.proto";\nmessage Order { .fin2.Money total = 1; }'),
    imports: { old: { 'money.proto': lib('fin') }, new: { 'money2.proto': lib('fin2') } },
    compatible: true,
    changes: [],
  },
  {
    name: 'moving an imported message into the schema itself is compatible',
    old: bare('import "money.proto";\nmessage Order { .fin.Money total = 1; }'),
    new: bare(`message Order { Money total = 1; }\n${MONEY}`),
    imports: { old: { 'money.proto': lib('fin') } },
    compatible: true,
    changes: ['MESSAGE_ADDED #/Money'],
  },
  {
    name: 'moving a message of the schema out into an import removes it, incompatibly',
    old: bare(`message Order { Money total = 1; }\n${MONEY}`),
    new: bare('import "money.proto";\nmessage Order { .fin.Money total = 1; }'),
    imports: { new: { 'money.proto': lib('fin') } },
    compatible: false,
    changes: ['MESSAGE_REMOVED #/Money'],
  },
  {
    name: 'a field switching between two well-known messages is incompatible',
    old: bare(
      'import "google/protobuf/timestamp.proto";\nmessage Order { google.protobuf.Timestamp at = 1; }',
    ),
    new: bare(
      'import "google/protobuf/duration.proto";\nmessage Order { google.protobuf.Duration at = 1; }',
    ),
    compatible: false,
    changes: ['FIELD_NAMED_TYPE_CHANGED #/Order/1'],
  },
  {
    name: 'a map field turned into a repeated entry message changes its kind',
    old: v3('message Order { map<string, int32> counts = 1; }'),
    new: v3(
      'message Order { message Entry { string key = 1; int32 value = 2; } repeated Entry counts = 1; }',
    ),
    compatible: false,
    changes: ['FIELD_KIND_CHANGED #/Order/1', 'MESSAGE_ADDED #/Order/Entry'],
  },
  {
    name: 'adding a service changes nothing, services are not compared',
    old: v3('message Order { string id = 1; }'),
    new: v3('message Order { string id = 1; }\nservice Orders { rpc Get(Order) returns (Order); }'),
    compatible: true,
    changes: [],
  },
  {
    name: 'moving a oneof member to the top level is compatible',
    old: v3('message Pay { oneof method { string card = 1; string iban = 2; } }'),
    new: v3('message Pay { string card = 1; oneof method { string iban = 2; } }'),
    compatible: true,
    changes: ['ONEOF_FIELD_MOVED_TO_TOP_LEVEL #/Pay/1'],
  },
  {
    name: 'renaming a oneof is a compatible removal plus addition',
    old: v3('message Pay { oneof method { string card = 1; string iban = 2; } }'),
    new: v3('message Pay { oneof how { string card = 1; string iban = 2; } }'),
    compatible: true,
    changes: ['ONEOF_REMOVED #/Pay/method', 'ONEOF_ADDED #/Pay/how'],
  },
  {
    name: 'deleting a whole oneof with all its members is compatible',
    old: v3('message Pay { string id = 1; oneof method { string card = 2; string iban = 3; } }'),
    new: v3('message Pay { string id = 1; }'),
    compatible: true,
    changes: ['ONEOF_REMOVED #/Pay/method'],
  },
  {
    name: 'merging two oneofs is incompatible because data setting both would lose one',
    old: v3('message Pay { oneof a { string card = 1; } oneof b { string iban = 2; } }'),
    new: v3('message Pay { oneof a { string card = 1; string iban = 2; } }'),
    compatible: false,
    changes: ['ONEOF_REMOVED #/Pay/b', 'FIELD_MOVED_TO_EXISTING_ONEOF #/Pay/a'],
  },
  {
    name: 'moving a top-level field into an existing oneof is incompatible',
    old: v3('message Pay { string card = 1; oneof method { string iban = 2; } }'),
    new: v3('message Pay { oneof method { string card = 1; string iban = 2; } }'),
    compatible: false,
    changes: ['FIELD_MOVED_TO_EXISTING_ONEOF #/Pay/method'],
  },
  {
    name: 'a type change of a field moved into a oneof is still found, at its oneof path',
    old: v3('message Pay { int32 card = 1; }'),
    new: v3('message Pay { oneof method { string card = 1; } }'),
    compatible: false,
    changes: ['ONEOF_ADDED #/Pay/method', 'FIELD_SCALAR_KIND_CHANGED #/Pay/method/1'],
  },
  {
    name: 'an enum field switched to another enum type is compatible (both read as varints)',
    old: v3(`${STATE}
enum Kind { A = 0; }
message Order { State s = 1; }`),
    new: v3(`${STATE}
enum Kind { A = 0; }
message Order { Kind s = 1; }`),
    compatible: true,
    changes: [],
  },
  {
    name: 'sint64 to int64 is incompatible (zigzag and plain varints differ)',
    old: v3('message Order { sint64 delta = 1; }'),
    new: v3('message Order { int64 delta = 1; }'),
    compatible: false,
    changes: ['FIELD_SCALAR_KIND_CHANGED #/Order/1'],
  },
  {
    name: 'double to fixed64 is incompatible although both are 64-bit',
    old: v3('message Order { double total = 1; }'),
    new: v3('message Order { fixed64 total = 1; }'),
    compatible: false,
    changes: ['FIELD_SCALAR_KIND_CHANGED #/Order/1'],
  },
  {
    name: 'a normalized spelling (qualified names, reordered oneofs, reserved and enum values) is compatible',
    old: v3(
      'message Box { message Item { string id = 1; } Item first = 1; map<string, Item> rest = 2;' +
        ' reserved "old", "legacy"; reserved 9, 5 to 7;' +
        ' oneof a { string x = 10; int32 y = 11; } oneof b { string z = 12; } }\n' +
        'enum Size { S = 0; L = 2; M = 1; }',
    ),
    new: v3(
      'message Box { message Item { string id = 1; } .shop.Box.Item first = 1;' +
        ' map<string, .shop.Box.Item> rest = 2; reserved 5 to 7, 9; reserved "legacy", "old";' +
        ' oneof b { string z = 12; } oneof a { int32 y = 11; string x = 10; } }\n' +
        'enum Size { S = 0; M = 1; L = 2; }',
    ),
    compatible: true,
    changes: [],
  },
  {
    name: 'making a proto2 string field required is a compatible string label change, as in Confluent',
    old: v2('message Order { optional string note = 1; }'),
    new: v2('message Order { required string note = 1; }'),
    compatible: true,
    changes: ['FIELD_STRING_OR_BYTES_LABEL_CHANGED #/Order/1'],
  },
  {
    name: 'making a proto2 number required is an incompatible numeric label change',
    old: v2('message Order { optional int32 qty = 1; }'),
    new: v2('message Order { required int32 qty = 1; }'),
    compatible: false,
    changes: ['FIELD_NUMERIC_LABEL_CHANGED #/Order/1'],
  },
  {
    name: 'making an enum field repeated is an incompatible numeric label change',
    old: v3(`${STATE}\nmessage Order { optional State s = 1; }`),
    new: v3(`${STATE}\nmessage Order { repeated State s = 1; }`),
    compatible: false,
    changes: ['FIELD_NUMERIC_LABEL_CHANGED #/Order/1'],
  },
  // Documented difference: Confluent compares labels only when both fields spell one, so it
  // accepts `int32 n` -> `repeated int32 n` while rejecting the wire-identical
  // `optional int32 n` -> `repeated int32 n`; we treat both alike.
  {
    name: 'making an implicit-presence number repeated is incompatible like an optional one',
    old: v3('message Order { int64 total = 1; }'),
    new: v3('message Order { repeated int64 total = 1; }'),
    compatible: false,
    changes: ['FIELD_NUMERIC_LABEL_CHANGED #/Order/1'],
  },
  // Documented difference: Confluent's vectors before it made PACKAGE_CHANGED incompatible
  // (confluentinc/schema-registry#3004) list it as compatible; we follow the current behaviour.
  {
    name: 'changing the package is incompatible',
    old: v3('message Order { string id = 1; }', 'shop.v1'),
    new: v3('message Order { string id = 1; }', 'shop.v2'),
    compatible: false,
    changes: ['PACKAGE_CHANGED #/'],
  },
];

function differences(c: Case): { compatible: boolean; changes: string[] } {
  const oldSchema = parsedProto(c.old, c.imports?.old);
  const newSchema = parsedProto(c.new, c.imports?.new);
  const report = checkCompatibility({
    schemaType: 'PROTOBUF',
    level: 'BACKWARD',
    candidate: newSchema,
    previous: [{ version: 1, schema: oldSchema }],
  });
  const changes = compareProtobufSchemas(
    oldSchema.native as protobuf.Root,
    newSchema.native as protobuf.Root,
  )
    .filter((d) => d.type !== 'DOC_CHANGED')
    .map((d) => `${d.type} ${d.fullPath}`);
  return { compatible: report.compatible, changes };
}

describe("Confluent's Protobuf compatibility semantics", () => {
  it.each(cases)('$name', (c) => {
    const found = differences(c);
    expect(found.compatible).toBe(c.compatible);
    expect([...found.changes].sort()).toEqual([...c.changes].sort());
  });
});
