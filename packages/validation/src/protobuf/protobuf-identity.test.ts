import { describe, expect, it } from 'vitest';
import { protobufFormat } from './protobuf-format.js';

// One proto2 file with every construct whose change must change the schema's identity.
const base = `syntax = "proto2";
package acme.v1;
import "google/protobuf/descriptor.proto";
import "google/protobuf/timestamp.proto";
option java_package = "com.acme";
option (rep) = 1;
option (rep) = 2;
extend google.protobuf.FileOptions { repeated int32 rep = 50000; }
extend google.protobuf.FieldOptions { optional string label = 50001; }
extend google.protobuf.MessageOptions { optional Tags tags = 50002; }
extend google.protobuf.OneofOptions { optional string group = 50003; }
message Tags { repeated string names = 1; repeated Tag items = 2; }
message Tag { optional string key = 1; }
message Order {
  option (tags) = { names: ["a", "b"], items: [ {key: "x"}, {key: "y"} ] };
  reserved 8, 10 to 12;
  reserved "old";
  optional int32 id = 1 [default = 7, json_name = "orderId", (label) = "ID"];
  repeated int32 codes = 2 [packed = true];
  optional Status status = 3 [default = NEW];
  map<string, int32> counts = 4;
  oneof payment {
    option (group) = "pay";
    string card = 5;
    string voucher = 6;
  }
  optional google.protobuf.Timestamp at = 7 [deprecated = true];
  enum Status {
    option allow_alias = true;
    reserved 9;
    reserved "GONE";
    NEW = 0;
    OLD = 1 [deprecated = true];
    LEGACY = 1;
  }
}
service Orders {
  option deprecated = true;
  rpc Get(Order) returns (Order) { option idempotency_level = NO_SIDE_EFFECTS; }
  rpc Watch(Order) returns (stream Order);
}
`;

function changed(from: string, to: string): string {
  expect(base).toContain(from);
  return base.replace(from, to);
}

const meaningChanges: Array<[string, () => string]> = [
  ['a file option value', () => changed('"com.acme"', '"com.acme2"')],
  [
    'a file option added',
    () => changed('option (rep) = 1;', 'option java_multiple_files = true;\noption (rep) = 1;'),
  ],
  [
    'repeated file options in another order',
    () => changed('option (rep) = 1;\noption (rep) = 2;', 'option (rep) = 2;\noption (rep) = 1;'),
  ],
  ['a message option list element', () => changed('{key: "y"}', '{key: "z"}')],
  [
    'message option list elements swapped',
    () => changed('{key: "x"}, {key: "y"}', '{key: "y"}, {key: "x"}'),
  ],
  ['the first element of a message option list', () => changed('{key: "x"}', '{key: "w"}')],
  ['the first element of a scalar option list', () => changed('["a", "b"]', '["c", "b"]')],
  ['the first of repeated file options', () => changed('option (rep) = 1;', 'option (rep) = 3;')],
  ['a message option scalar list', () => changed('["a", "b"]', '["a", "c"]')],
  [
    'a message option added',
    () => changed('  reserved 8,', '  option deprecated = true;\n  reserved 8,'),
  ],
  ['a field default', () => changed('default = 7', 'default = 8')],
  ['a field default removed', () => changed('default = 7, ', '')],
  ['an enum field default', () => changed('default = NEW', 'default = OLD')],
  ['a json_name', () => changed('"orderId"', '"order_id"')],
  ['a json_name removed', () => changed(', json_name = "orderId"', '')],
  ['packed', () => changed('packed = true', 'packed = false')],
  ['a custom field option', () => changed('(label) = "ID"', '(label) = "Id"')],
  ['a standard field option removed', () => changed(' [deprecated = true];\n  enum', ';\n  enum')],
  ['a reserved range', () => changed('10 to 12', '10 to 13')],
  ['a reserved number', () => changed('reserved 8, ', 'reserved ')],
  ['a reserved name', () => changed('"old"', '"older"')],
  ['an enum reserved number', () => changed('reserved 9;', 'reserved 19;')],
  ['an enum reserved name', () => changed('"GONE"', '"LOST"')],
  ['an enum value option', () => changed('OLD = 1 [deprecated = true]', 'OLD = 1')],
  ['a map value type', () => changed('map<string, int32>', 'map<string, int64>')],
  ['a map key type', () => changed('map<string, int32>', 'map<int32, int32>')],
  ['a oneof name', () => changed('oneof payment', 'oneof method')],
  [
    'a oneof member',
    () => changed('    string voucher = 6;\n  }', '  }\n  optional string voucher = 6;'),
  ],
  ['a oneof option', () => changed('"pay"', '"pay2"')],
  [
    'an import added',
    () =>
      changed(
        'import "google/protobuf/timestamp.proto";',
        'import "google/protobuf/timestamp.proto";\nimport "google/protobuf/empty.proto";',
      ),
  ],
  [
    'an import made public',
    () =>
      changed(
        'import "google/protobuf/timestamp.proto"',
        'import public "google/protobuf/timestamp.proto"',
      ),
  ],
  ['a service option', () => changed('  option deprecated = true;\n  rpc', '  rpc')],
  ['a method option', () => changed('NO_SIDE_EFFECTS', 'IDEMPOTENT')],
  ['a method made streaming', () => changed('returns (Order) {', 'returns (stream Order) {')],
  [
    'a method added',
    () => changed('  rpc Watch', '  rpc List(Order) returns (Order);\n  rpc Watch'),
  ],
];

const sameMeaning: Array<[string, () => string]> = [
  [
    'comments',
    () =>
      changed(
        'message Order {',
        '// An order.\n/* placed\n in the shop */\nmessage Order { // trailing',
      ),
  ],
  [
    'whitespace',
    () =>
      base
        .replace(/\n {2}/g, '\n\t')
        .replace(/ = /g, '=')
        .replace(/\n\n?/g, '\n\n'),
  ],
  [
    'field options in another order',
    () =>
      changed(
        '[default = 7, json_name = "orderId", (label) = "ID"]',
        '[(label) = "ID", json_name = "orderId", default = 7]',
      ),
  ],
  [
    'file options in another order',
    () =>
      changed(
        'option java_package = "com.acme";\noption (rep) = 1;\noption (rep) = 2;',
        'option (rep) = 1;\noption (rep) = 2;\noption java_package = "com.acme";',
      ),
  ],
  [
    'imports in another order',
    () =>
      changed(
        'import "google/protobuf/descriptor.proto";\nimport "google/protobuf/timestamp.proto";',
        'import "google/protobuf/timestamp.proto";\nimport "google/protobuf/descriptor.proto";',
      ),
  ],
  [
    'reserved ranges in another order',
    () => changed('reserved 8, 10 to 12;', 'reserved 10 to 12, 8;'),
  ],
  [
    'fully qualified type names',
    () =>
      changed('optional Status status', 'optional .acme.v1.Order.Status status').replace(
        'rpc Get(Order)',
        'rpc Get(.acme.v1.Order)',
      ),
  ],
  [
    'literal fields in another order with other separators',
    () =>
      changed(
        '{ names: ["a", "b"], items: [ {key: "x"}, {key: "y"} ] }',
        '{ items [ {key: "x"}, {key: "y"} ]; names: ["a", "b"] }',
      ),
  ],
  [
    'a scalar list spelled as repeated fields',
    () => changed('names: ["a", "b"],', 'names: "a" names: "b"'),
  ],
  [
    'a file option written before the package statement',
    () =>
      changed('package acme.v1;', 'option java_package = "com.acme";\npackage acme.v1;').replace(
        'option java_package = "com.acme";\noption (rep)',
        'option (rep)',
      ),
  ],
  ['single-quoted strings', () => changed('"com.acme"', "'com.acme'")],
];

describe('protobuf identity fingerprint', () => {
  const original = protobufFormat.parse(base);

  it.each(meaningChanges)('changes with %s', (_, variant) => {
    expect(protobufFormat.parse(variant()).fingerprint).not.toBe(original.fingerprint);
  });

  it('gives every meaning change its own fingerprint', () => {
    const fingerprints = meaningChanges.map(
      ([, variant]) => protobufFormat.parse(variant()).fingerprint,
    );
    expect(new Set([original.fingerprint, ...fingerprints]).size).toBe(meaningChanges.length + 1);
  });

  it.each(sameMeaning)('stays the same with %s', (_, variant) => {
    const text = variant();
    expect(text).not.toBe(base);
    const parsed = protobufFormat.parse(text);
    expect(parsed.canonical).toBe(original.canonical);
    expect(parsed.fingerprint).toBe(original.fingerprint);
  });

  it('reads its own printing back to the same identity', () => {
    expect(protobufFormat.parse(original.canonical).canonical).toBe(original.canonical);
  });
});
