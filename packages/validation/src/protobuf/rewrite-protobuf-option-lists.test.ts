import type protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { SchemaParseError, type SchemaProblem } from '../schema-format.js';
import { protobufFormat } from './protobuf-format.js';
import { rewriteProtobufOptionLists } from './rewrite-protobuf-option-lists.js';

const header = `syntax = "proto3";
package p;
import "google/protobuf/descriptor.proto";
message Item { string key = 1; string value = 2; repeated Item children = 3; }
message Opt { repeated Item items = 1; repeated string names = 2; Item one = 3; }
extend google.protobuf.FileOptions { Opt file_opt = 50001; }
extend google.protobuf.MessageOptions { Opt msg_opt = 50002; }
extend google.protobuf.FieldOptions { Opt field_opt = 50003; }
`;

const parse = (body: string) => protobufFormat.parse(header + body);

function declared(object: protobuf.ReflectionObject): unknown {
  return (object as unknown as { parsedOptions: unknown }).parsedOptions;
}

function problemsOf(body: string): SchemaProblem[] {
  try {
    parse(body);
  } catch (error) {
    expect(error).toBeInstanceOf(SchemaParseError);
    return (error as SchemaParseError).problems;
  }
  throw new Error('expected the schema to be rejected');
}

describe('option values with lists of message literals', () => {
  it('parses a file-level option list into the whole array', () => {
    const parsed = parse('option (file_opt) = { items: [ {key: "a"}, {key: "b"} ] };\n');
    const root = parsed.native as protobuf.Root;
    expect(declared(root.lookup('p')!)).toEqual([
      { '(file_opt)': { items: [{ key: 'a' }, { key: 'b' }] } },
    ]);
    expect(parsed.canonical).toContain(
      'option (file_opt) = { items: [{ key: "a" }, { key: "b" }] };',
    );
  });

  it('parses a field-level option list of key/value literals', () => {
    const parsed = parse(
      'message A { string s = 1 [(field_opt) = { items: [ {key: "k", value: "v"}, {key: "k2", value: "v2"} ] }]; }\n',
    );
    const field = (parsed.native as protobuf.Root).lookupType('p.A').fields.s!;
    expect(declared(field)).toEqual([
      {
        '(field_opt)': {
          items: [
            { key: 'k', value: 'v' },
            { key: 'k2', value: 'v2' },
          ],
        },
      },
    ]);
  });

  it('parses nested lists, lists without a colon and lists beside other fields', () => {
    const parsed = parse(`message A {
  option (msg_opt) = {
    names: ["x", "y"],
    items [
      { key: "a", children: [ {key: "a1"}, {key: "a2"} ] },
      { key: "b" }
    ]
    one { key: "c" }
  };
}
`);
    expect(declared((parsed.native as protobuf.Root).lookupType('p.A'))).toEqual([
      {
        '(msg_opt)': {
          names: ['x', 'y'],
          items: [{ key: 'a', children: [{ key: 'a1' }, { key: 'a2' }] }, { key: 'b' }],
          one: { key: 'c' },
        },
      },
    ]);
  });

  it('reads an empty list as an absent field', () => {
    const parsed = parse('option (file_opt) = { items: [], names: ["n"] };\n');
    expect(declared((parsed.native as protobuf.Root).lookup('p')!)).toEqual([
      { '(file_opt)': { names: ['n'] } },
    ]);
  });

  it('reads the printed identity form back to the same identity', () => {
    const parsed = parse(
      'option (file_opt) = { items: [ {key: "a", children: [{key: "x"}, {key: "y"}]}, {key: "b"} ] };\n',
    );
    expect(protobufFormat.parse(parsed.canonical).canonical).toBe(parsed.canonical);
  });

  it('gives lists that differ in any element different fingerprints', () => {
    const variants = [
      '{ items: [ {key: "a"}, {key: "b"} ] }',
      '{ items: [ {key: "a"}, {key: "c"} ] }',
      '{ items: [ {key: "b"}, {key: "a"} ] }',
      '{ items: [ {key: "a"}, {key: "b"}, {key: "c"} ] }',
      '{ items: [ {key: "a", children: [{key: "x"}, {key: "y"}]}, {key: "b"} ] }',
      '{ items: [ {key: "a", children: [{key: "x"}, {key: "z"}]}, {key: "b"} ] }',
    ].map((value) => parse(`option (file_opt) = ${value};\n`).fingerprint);
    expect(new Set(variants).size).toBe(variants.length);
  });

  it.each([
    ['a missing comma', 'option (file_opt) = { items: [ {key: "a"} {key: "b"} ] };', 9],
    ['a missing closing bracket', 'option (file_opt) = { items: [ {key: "a"}, {key: "b"} };', 9],
    ['an element that is not a literal', 'option (file_opt) = { items: [ {key: "a"}, 3 ] };', 9],
    [
      'a bad value inside an element',
      'message A {\n  option (msg_opt) = { items: [ {key: } ] };\n}',
      10,
    ],
  ])('refuses %s with a line:column problem', (_, body, line) => {
    const [problem] = problemsOf(`${body}\n`);
    expect(problem?.line).toBe(line);
    expect(problem?.column).toBeGreaterThan(0);
    expect(problem?.path).toMatch(/^\d+:\d+$/);
  });
});

describe('rewriteProtobufOptionLists', () => {
  it('keeps every line break where it was', () => {
    const source = 'option (o) = {\n  items: [\n    {k: 1},\n    {k: 2}\n  ]\n};\nmessage A {}\n';
    const rewritten = rewriteProtobufOptionLists(source);
    expect(rewritten).not.toBe(source);
    expect(rewritten.split('\n').length).toBe(source.split('\n').length);
    expect(rewritten.split('\n')[6]).toBe('message A {}');
  });

  it('leaves lists inside strings and comments, and field option brackets, alone', () => {
    const source = [
      'option (o) = { s: "items: [ {k: 1}, {k: 2} ]" };',
      '// items: [ {k: 1}, {k: 2} ]',
      '/* items: [ {k: 1} ] */',
      'message A { int32 x = 1 [(o) = { k: 1 }, deprecated = true]; }',
    ].join('\n');
    expect(rewriteProtobufOptionLists(source)).toBe(source);
  });

  it('leaves a list that is not a field value for protobufjs to refuse', () => {
    const source = 'option (o) = [ {k: 1} ];';
    expect(rewriteProtobufOptionLists(source)).toBe(source);
  });
});
