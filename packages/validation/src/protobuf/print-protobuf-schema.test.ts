import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { protobufFormat } from './protobuf-format.js';

const shop = readFileSync(
  new URL('../../test/fixtures/protobuf/shop.proto', import.meta.url),
  'utf8',
);
const parse = (schema: string) => protobufFormat.parse(schema);

describe('printProtobufSchema (canonical form)', () => {
  it('prints syntax, package, imports, options, messages, enums and services', () => {
    const canonical = parse(shop).canonical;
    expect(canonical.split('\n').slice(0, 6)).toEqual([
      'syntax = "proto3";',
      'package acme.shop.v1;',
      'import "google/protobuf/timestamp.proto";',
      'import "google/protobuf/wrappers.proto";',
      'option java_multiple_files = true;',
      'option java_package = "com.acme.shop";',
    ]);
    expect(canonical).toContain('  repeated .acme.shop.v1.Order.Line lines = 3;\n');
    expect(canonical).toContain('  map<string, string> labels = 5;\n');
    expect(canonical).toContain('  optional string note = 6;\n');
    expect(canonical).toContain(
      '  oneof payment {\n    .acme.shop.v1.Order.Card card = 13;\n    string voucher = 14;\n  }\n',
    );
    expect(canonical).toContain('  reserved 4, 9 to 11;\n  reserved "legacy";\n');
    expect(canonical).toContain('  STATUS_SHIPPED = 2 [deprecated = true];\n');
    expect(canonical).toContain(
      '  rpc Watch(.acme.shop.v1.Order) returns (stream .acme.shop.v1.Order);\n',
    );
    expect(canonical).not.toContain('//');
  });

  it('ignores comments, whitespace and the order of imports and file options', () => {
    const messy = shop
      .replace('// An order placed in the shop.', '/* block\n comment */')
      .replace(/\n\n/g, '\n\n\n')
      .replace(/ {2}/g, '\t')
      .replace(
        'import "google/protobuf/timestamp.proto";\nimport "google/protobuf/wrappers.proto";',
        'import "google/protobuf/wrappers.proto";\nimport "google/protobuf/timestamp.proto"; // ts',
      )
      .replace(
        'option java_package = "com.acme.shop";\noption java_multiple_files = true;',
        'option java_multiple_files = true; option java_package = "com.acme.shop";',
      );
    expect(messy).not.toBe(shop);
    expect(parse(messy).fingerprint).toBe(parse(shop).fingerprint);
  });

  it('treats relative and fully qualified type references alike', () => {
    const a = parse('syntax = "proto3";\npackage p;\nmessage A { B b = 1; }\nmessage B {}');
    const b = parse('syntax = "proto3";\npackage p;\nmessage A { .p.B b = 1; }\nmessage B {}');
    expect(b.canonical).toBe(a.canonical);
  });

  it('changes when a field number, type, name or message order changes', () => {
    const base = 'syntax = "proto3";\nmessage A { int32 x = 1; }\nmessage B {}';
    const variants = [
      base,
      base.replace('x = 1', 'x = 2'),
      base.replace('int32', 'int64'),
      base.replace('int32 x', 'int32 y'),
      'syntax = "proto3";\nmessage B {}\nmessage A { int32 x = 1; }',
    ];
    expect(new Set(variants.map((schema) => parse(schema).fingerprint)).size).toBe(variants.length);
  });

  it('prints proto2 labels and defaults', () => {
    const canonical = parse(
      'syntax = "proto2";\nmessage A { required int32 a = 1; optional string b = 2 [default = "x"]; repeated bool c = 3; }',
    ).canonical;
    expect(canonical).toBe(
      'syntax = "proto2";\nmessage A {\n  required int32 a = 1;\n  optional string b = 2 [default = "x"];\n  repeated bool c = 3;\n}\n',
    );
  });

  it('treats a missing syntax statement as proto2', () => {
    expect(
      parse('message A { optional int32 a = 1; }').canonical.startsWith('syntax = "proto2";\n'),
    ).toBe(true);
  });

  it('is stable across repeated parses', () => {
    expect(parse(shop).canonical).toBe(parse(parse(shop).canonical).canonical);
  });

  it('prints a proto2 group as a group, not as a message field', () => {
    const canonical = parse(
      'syntax = "proto2";\nmessage A { optional group G = 1 { optional int32 x = 2; } }',
    ).canonical;
    expect(canonical).toBe(
      'syntax = "proto2";\nmessage A {\n  optional group G = 1 {\n    optional int32 x = 2;\n  }\n}\n',
    );
    const asMessage = parse(
      'syntax = "proto2";\nmessage A { optional G g = 1; message G { optional int32 x = 2; } }',
    );
    expect(asMessage.fingerprint).not.toBe(parse(canonical).fingerprint);
  });

  it('keeps public imports public', () => {
    const canonical = parse(
      'syntax = "proto3";\nimport public "google/protobuf/timestamp.proto";\nmessage A {}',
    ).canonical;
    expect(canonical).toContain('import public "google/protobuf/timestamp.proto";');
  });

  it('prints editions', () => {
    expect(parse('edition = "2023";\nmessage A { int32 x = 1; }').canonical).toBe(
      'edition = "2023";\nmessage A {\n  int32 x = 1;\n}\n',
    );
  });

  it('prints custom options and extensions with resolved names', () => {
    const canonical = parse(`syntax = "proto3";
import "google/protobuf/descriptor.proto";
extend google.protobuf.MessageOptions { Opt opt = 50001; }
message Opt { string a = 1; }
message A { option (opt) = { a: "x" }; int32 x = 1; }`).canonical;
    expect(canonical).toContain('extend .google.protobuf.MessageOptions {\n  .Opt opt = 50001;\n}');
    expect(canonical).toContain('  option (opt) = { a: "x" };');
  });
});
