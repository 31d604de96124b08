import { readFileSync } from 'node:fs';
import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { type ResolvedReference, SchemaParseError, type SchemaProblem } from '../schema-format.js';
import { PROTOBUF_MAIN_FILE } from './parse-protobuf-schema.js';
import { getProtobufFileInfo } from './protobuf-file-info.js';
import { protobufFormat } from './protobuf-format.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/protobuf/${name}`, import.meta.url), 'utf8');
const parse = (schema: string, references: ResolvedReference[] = []) =>
  protobufFormat.parse(schema, { references });

function problemsOf(schema: string, references: ResolvedReference[] = []): SchemaProblem[] {
  try {
    parse(schema, references);
  } catch (error) {
    expect(error).toBeInstanceOf(SchemaParseError);
    return (error as SchemaParseError).problems;
  }
  throw new Error('expected the schema to be rejected');
}

const reference = (
  name: string,
  schema: string,
  references: ResolvedReference[] = [],
): ResolvedReference => ({
  name,
  subject: name.replace(/\W/g, '-'),
  version: 1,
  schemaType: 'PROTOBUF',
  schema,
  references,
});

describe('protobufFormat.parse', () => {
  it('parses a proto3 file with packages, nested types, oneofs, maps, optional, reserved, options and services', () => {
    const parsed = parse(fixture('shop.proto'));
    const root = parsed.native as protobuf.Root;
    const order = root.lookupType('acme.shop.v1.Order');
    expect(order.fields.labels).toBeInstanceOf(protobuf.MapField);
    expect(order.oneofs.payment?.oneof).toEqual(['card', 'voucher']);
    expect(order.fields.note?.options?.proto3_optional).toBe(true);
    expect(order.reserved).toContainEqual([9, 11]);
    expect(order.fields.placed_at?.resolvedType?.fullName).toBe('.google.protobuf.Timestamp');
    expect(root.lookupEnum('acme.shop.v1.Status').values.STATUS_OPEN).toBe(1);
    expect(root.lookup('acme.shop.v1.Orders')).toBeInstanceOf(protobuf.Service);
    expect(parsed.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('parses a proto2 file with required fields, defaults and extensions', () => {
    const root = parse(fixture('legacy.proto')).native as protobuf.Root;
    const person = root.lookupType('legacy.Person');
    expect(person.fields.name?.required).toBe(true);
    expect(person.fields.age?.options?.default).toBe(18);
    expect(person.extensions).toEqual([[100, 199]]);
  });

  it.each([
    'google/protobuf/any.proto',
    'google/protobuf/duration.proto',
    'google/protobuf/empty.proto',
    'google/protobuf/field_mask.proto',
    'google/protobuf/struct.proto',
    'google/protobuf/timestamp.proto',
    'google/protobuf/wrappers.proto',
    'google/protobuf/descriptor.proto',
  ])('imports the well-known file %s without a reference', (path) => {
    expect(() =>
      parse(`syntax = "proto3";\nimport "${path}";\nmessage A { string x = 1; }`),
    ).not.toThrow();
  });

  it('resolves a custom option declared on descriptor.proto', () => {
    const schema = `syntax = "proto2";
import "google/protobuf/descriptor.proto";
extend google.protobuf.FieldOptions { optional string unit = 50000; }
message M { optional int32 weight = 1 [(unit) = "kg"]; }`;
    const root = parse(schema).native as protobuf.Root;
    expect(root.lookupType('M').fields.weight?.options?.['(unit)']).toBe('kg');
  });

  it('answers syntax errors with line:column', () => {
    const [problem] = problemsOf('syntax = "proto3";\nmessage A {\n  strin g x = 1;\n}');
    expect(problem).toMatchObject({
      path: '3:11',
      line: 3,
      column: 11,
      message: expect.stringMatching(/illegal token 'x'/),
    });
  });

  it('answers an unterminated message with a location', () => {
    const [problem] = problemsOf('syntax = "proto3";\nmessage A {\n  string x = 1;\n');
    expect(problem).toMatchObject({ path: '4:1', message: 'unexpected end of input' });
  });

  it('locates an unresolvable type', () => {
    const [problem] = problemsOf('syntax = "proto3";\nmessage A {\n  Missing x = 1;\n}');
    expect(problem).toMatchObject({ path: '3:3', message: expect.stringMatching(/Missing/) });
  });

  it.each([
    ['syntax = "proto4";\nmessage A {}', /unsupported syntax "proto4"/, '1:1'],
    ['syntax = "proto3";\nmessage A { int32 x = 0; }', /outside 1\.\./, '2:19'],
    [
      'syntax = "proto3";\nmessage A {\n  int32 x = 19001;\n}',
      /reserved for the protobuf implementation/,
      '3:9',
    ],
    [
      'syntax = "proto3";\nmessage A {\n  reserved 5 to 9;\n  int32 x = 7;\n}',
      /reserved/,
      undefined,
    ],
    ['syntax = "proto3";\nmessage A {\n  reserved "x";\n  int32 x = 1;\n}', /reserved/, undefined],
    ['syntax = "proto3";\nenum E {\n  A = 1;\n}', /first value of proto3 enum E must be 0/, '2:6'],
    ['syntax = "proto3";\nmessage A { int32 x = 1; int32 x = 2; }', /duplicate name 'x'/, '2:32'],
    ['syntax = "proto3";\nmessage A { int32 x = 1; int32 y = 1; }', /duplicate id 1/, undefined],
    ['syntax = "proto3";\nmessage A { required int32 x = 1; }', /illegal token 'required'/, '2:13'],
    ['syntax = "proto3";\nenum E { A = 0; B = 0; }', /duplicate id 0/, undefined],
    ['syntax = "proto3";\nmessage A {}\nmessage A {}', /duplicate name 'A'/, '3:9'],
  ])('rejects %j', (schema, message, path) => {
    const [problem] = problemsOf(schema);
    expect(problem?.message).toMatch(message);
    if (path !== undefined) expect(problem?.path).toBe(path);
  });

  it('rejects a file nested 10,000 levels deep without overflowing the stack', () => {
    const schema = `syntax = "proto3";\n${'message A { '.repeat(10_000)}${'}'.repeat(10_000)}`;
    expect(problemsOf(schema)[0]?.message).toMatch(/nests deeper/);
  });

  it('rejects input that is not a string', () => {
    expect(() => protobufFormat.parse(42 as unknown as string)).toThrow(SchemaParseError);
  });
});

describe('the schema file facts', () => {
  it('records syntax, package, imports and top-level definitions in order', () => {
    const parsed = parse(fixture('shop.proto'));
    const info = getProtobufFileInfo(parsed.native);
    expect(info).toMatchObject({ syntax: 'proto3', isEdition: false, package: 'acme.shop.v1' });
    expect(info?.imports).toEqual([
      'google/protobuf/timestamp.proto',
      'google/protobuf/wrappers.proto',
    ]);
    expect(info?.topLevel.map((object) => object.name)).toEqual(['Order', 'Status', 'Orders']);
    expect(info?.options).toEqual({ java_package: 'com.acme.shop', java_multiple_files: true });
  });

  it('stamps the schema file objects with PROTOBUF_MAIN_FILE and imported ones with their path', () => {
    const money = reference(
      'money.proto',
      'syntax = "proto3";\nmessage Money { int64 units = 1; }',
    );
    const root = parse('syntax = "proto3";\nimport "money.proto";\nmessage Item { Money m = 1; }', [
      money,
    ]).native as protobuf.Root;
    expect(root.lookupType('Item').filename).toBe(PROTOBUF_MAIN_FILE);
    expect(root.lookupType('Money').filename).toBe('money.proto');
  });

  it('knows nothing about roots it did not parse', () => {
    expect(getProtobufFileInfo(new protobuf.Root())).toBeUndefined();
    expect(getProtobufFileInfo(null)).toBeUndefined();
  });
});

describe('protobuf references', () => {
  const money = reference(
    'acme/money.proto',
    'syntax = "proto3";\npackage acme;\nmessage Money { string currency = 1; int64 units = 2; }',
  );
  const price = reference(
    'acme/price.proto',
    'syntax = "proto3";\npackage acme;\nimport "acme/money.proto";\nmessage Price { Money amount = 1; }',
    [money],
  );

  it('resolves imports from references by import path', () => {
    const parsed = parse(
      'syntax = "proto3";\nimport "acme/money.proto";\nmessage Item { acme.Money cost = 1; }',
      [money],
    );
    const root = parsed.native as protobuf.Root;
    expect(root.lookupType('Item').fields.cost?.resolvedType?.fullName).toBe('.acme.Money');
    expect(parsed.references).toEqual([money]);
  });

  it('resolves transitive imports', () => {
    const parsed = parse(
      'syntax = "proto3";\nimport "acme/price.proto";\nmessage Item { acme.Price price = 1; }',
      [price],
    );
    const item = (parsed.native as protobuf.Root).lookupType('Item');
    expect(item.fields.price?.resolvedType?.fullName).toBe('.acme.Price');
  });

  it('prints only the schema file, not its imports', () => {
    const parsed = parse(
      'syntax = "proto3";\nimport "acme/money.proto";\nmessage Item { acme.Money cost = 1; }',
      [money],
    );
    expect(parsed.canonical).not.toContain('message Money');
  });

  it('names a missing import with its position', () => {
    const [problem] = problemsOf(
      'syntax = "proto3";\nimport "acme/money.proto";\nmessage Item { acme.Money cost = 1; }',
    );
    expect(problem).toMatchObject({
      path: '2:8',
      message: 'import "acme/money.proto" is not among the references',
    });
  });

  it('names a missing transitive import with the importing file', () => {
    const [problem] = problemsOf(
      'syntax = "proto3";\nimport "acme/price.proto";\nmessage Item {}',
      [{ ...price, references: [] }],
    );
    expect(problem).toMatchObject({
      path: 'acme/price.proto:3:8',
      message: expect.stringMatching(/acme\/money.proto/),
    });
  });

  it('reports syntax errors inside a reference with its file name', () => {
    const broken = reference('bad.proto', 'syntax = "proto3";\nmessage {');
    expect(problemsOf('syntax = "proto3";\nimport "bad.proto";', [broken])[0]?.path).toMatch(
      /^bad\.proto:2:\d+$/,
    );
  });

  it('rejects a reference of another schema type', () => {
    const json = { ...money, schemaType: 'JSON' as const };
    expect(
      problemsOf('syntax = "proto3";\nimport "acme/money.proto";', [json])[0]?.message,
    ).toMatch(/is a JSON schema/);
  });

  it('survives import cycles', () => {
    const a = reference('a.proto', 'syntax = "proto3";\nimport "b.proto";\nmessage A { B b = 1; }');
    const b = reference(
      'b.proto',
      'syntax = "proto3";\nimport "a.proto";\nmessage B { A a = 1; }',
      [a],
    );
    a.references.push(b);
    expect(() =>
      parse('syntax = "proto3";\nimport "a.proto";\nmessage C { A a = 1; }', [a]),
    ).not.toThrow();
  });
});
