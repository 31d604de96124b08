import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { protobufFormat } from '../src/protobuf/protobuf-format.js';
import { type ResolvedReference, SchemaParseError } from '../src/schema-format.js';
import { createRandom, type Random } from './seeded-random.js';

const fixtures = join(import.meta.dirname, 'fixtures/protobuf');
const corpus = readdirSync(fixtures)
  .filter((file) => file.endsWith('.proto'))
  .map((file) => readFileSync(join(fixtures, file), 'utf8'));

const tokens = [
  '{',
  '}',
  ';',
  '=',
  '"',
  "'",
  '<',
  '>',
  '(',
  ')',
  '[',
  ']',
  ',',
  '.',
  '0',
  '-1',
  '19000',
  '536870912',
  'max',
  'message',
  'enum',
  'oneof',
  'map<string,',
  'repeated',
  'required',
  'optional',
  'reserved',
  'extensions',
  'int32',
  'Missing',
  'google.protobuf.Any',
  'option',
  '(custom)',
  'import "nope.proto";',
  'syntax = "proto2";',
  'package a.b;',
  '/*',
  '*/',
  '//',
  '\\',
  '\u0000',
  'stream',
  'rpc',
  'returns',
  'to',
  'true',
  '1e999',
];

function insertToken(source: string, random: Random): string {
  const at = random.int(source.length + 1);
  return `${source.slice(0, at)} ${random.pick(tokens)} ${source.slice(at)}`;
}

function deleteSpan(source: string, random: Random): string {
  const at = random.int(source.length);
  return source.slice(0, at) + source.slice(at + 1 + random.int(20));
}

function replaceWord(source: string, random: Random): string {
  const words = [...source.matchAll(/\b[A-Za-z_][\w.]*\b|\b\d+\b/g)];
  if (words.length === 0) return source;
  const word = random.pick(words);
  return (
    source.slice(0, word.index) + random.pick(tokens) + source.slice(word.index + word[0].length)
  );
}

function nested(depth: number, random: Random): string {
  switch (random.int(3)) {
    case 0:
      return `syntax = "proto3";\n${'message M { '.repeat(depth)}int32 x = 1;${' }'.repeat(depth)}`;
    case 1:
      return `syntax = "proto3";\nmessage M { int32 x = 1 [(o) = ${'{ a: '.repeat(depth)}1${' }'.repeat(depth)}]; }`;
    default:
      return `syntax = "proto3";\nmessage M { ${'oneof o { '.repeat(depth)}int32 x = 1;${' }'.repeat(depth)} }`;
  }
}

function hugeEnum(random: Random): string {
  const count = 500 + random.int(6_000);
  const values = Array.from(
    { length: count },
    (_, i) => `  V${i} = ${random.int(50) === 0 ? 0 : i};`,
  );
  return `syntax = "proto3";\nenum Big {\n${values.join('\n')}\n}\nmessage M { Big big = 1; }`;
}

function recursiveReferences(random: Random): { schema: string; references: ResolvedReference[] } {
  const ref = (name: string, schema: string): ResolvedReference => ({
    name,
    subject: name,
    version: 1,
    schemaType: 'PROTOBUF',
    schema,
    references: [],
  });
  const a = ref('a.proto', 'syntax = "proto3";\nimport "b.proto";\nmessage A { B b = 1; }');
  const b = ref(
    'b.proto',
    random.pick([
      'syntax = "proto3";\nimport "a.proto";\nmessage B { A a = 1; }',
      'syntax = "proto3";\nimport "b.proto";\nmessage A {}',
    ]),
  );
  a.references.push(b);
  b.references.push(a, b);
  return {
    schema: 'syntax = "proto3";\nimport "a.proto";\nmessage C { A a = 1; }',
    references: [a],
  };
}

function mutation(random: Random): { schema: string; references: ResolvedReference[] } {
  let schema = random.pick(corpus);
  switch (random.int(9)) {
    case 0:
      return { schema: schema.slice(0, random.int(schema.length)), references: [] };
    case 1:
      return {
        schema: nested(random.int(40) === 0 ? 10_000 : 1 + random.int(80), random),
        references: [],
      };
    case 2:
      return { schema: hugeEnum(random), references: [] };
    case 3:
      return recursiveReferences(random);
    default:
      for (let i = 1 + random.int(3); i > 0; i--) {
        const mutate = random.pick([insertToken, deleteSpan, replaceWord]);
        schema = mutate(schema, random);
      }
      return { schema, references: [] };
  }
}

describe('Protobuf parser under hostile input', () => {
  it('survives 10,000 seeded mutations: each parses or raises SchemaParseError', () => {
    const random = createRandom(0xb0b);
    const outcomes = { parsed: 0, rejected: 0 };
    for (let i = 0; i < 10_000; i++) {
      const { schema, references } = mutation(random);
      try {
        const parsed = protobufFormat.parse(schema, { references });
        expect(parsed.canonical).toMatch(/^(syntax|edition) = /);
        outcomes.parsed++;
        protobufFormat.compile(parsed).validate({});
      } catch (error) {
        if (!(error instanceof SchemaParseError)) {
          throw new Error(`mutation ${i} threw ${String(error)} for ${schema.slice(0, 400)}`);
        }
        expect(error.problems.length).toBeGreaterThan(0);
        outcomes.rejected++;
      }
    }
    expect(outcomes.parsed).toBeGreaterThan(500);
    expect(outcomes.rejected).toBeGreaterThan(2000);
  }, 60_000); // ~5 s on an idle machine; the margin is for a shared, loaded CI box.
});
