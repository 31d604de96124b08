import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { avroFormat } from '../src/avro/avro-format.js';
import { type ResolvedReference, SchemaParseError } from '../src/schema-format.js';
import { createRandom, type Random } from './seeded-random.js';

const fixtures = join(import.meta.dirname, 'fixtures/avro');
const corpus = readdirSync(fixtures)
  .filter((file) => file.endsWith('.avsc'))
  .map((file) => readFileSync(join(fixtures, file), 'utf8'));

const junk: unknown[] = [
  null,
  0,
  -1,
  1.5,
  2 ** 53,
  '',
  'int',
  'Nope',
  'record',
  'a.b.',
  true,
  [],
  {},
  ['int'],
  { type: 'int' },
  'decimal',
];

/** Replaces one random node of a JSON value (copied) by a wrong value. */
function mutateNode(value: unknown, random: Random): unknown {
  if (value === null || typeof value !== 'object' || random.int(4) === 0) return random.pick(junk);
  if (Array.isArray(value)) {
    if (value.length === 0) return random.pick(junk);
    const copy = [...value];
    const index = random.int(copy.length);
    copy[index] = mutateNode(copy[index], random);
    return copy;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return random.pick(junk);
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const key = random.pick(keys);
  if (random.int(6) === 0) delete copy[key];
  else copy[key] = mutateNode(copy[key], random);
  return copy;
}

function nest(depth: number, random: Random): string {
  const kind = random.int(3);
  if (kind === 0) return '['.repeat(depth) + '"int"' + ']'.repeat(depth);
  if (kind === 1) return '{"type":"array","items":'.repeat(depth) + '"int"' + '}'.repeat(depth);
  let schema = '"int"';
  for (let i = 0; i < depth; i++)
    schema = `{"type":"record","name":"R${i}","fields":[{"name":"f","type":${schema}}]}`;
  return schema;
}

function hugeEnum(random: Random): string {
  const count = 500 + random.int(8_000);
  const symbols = Array.from({ length: count }, (_, i) => `S${i}`);
  if (random.int(2) === 0) symbols.push('S0');
  return JSON.stringify({
    type: 'enum',
    name: 'Big',
    symbols,
    default: random.pick(['S0', 'missing']),
  });
}

function recursiveReference(random: Random): { schema: string; references: ResolvedReference[] } {
  const a: ResolvedReference = {
    name: 'A',
    subject: 'a',
    version: 1,
    schemaType: 'AVRO',
    schema: '{"type":"record","name":"A","fields":[{"name":"b","type":["null","B"]}]}',
    references: [],
  };
  const b: ResolvedReference = {
    ...a,
    name: 'B',
    subject: 'b',
    schema: '{"type":"record","name":"B","fields":[{"name":"a","type":["null","A"]}]}',
    references: [a],
  };
  a.references.push(b); // a cycle, as a buggy resolver could hand over
  return {
    schema: random.pick(['"A"', '{"type":"record","name":"C","fields":[{"name":"x","type":"B"}]}']),
    references: [b],
  };
}

function mutation(random: Random): { schema: string; references: ResolvedReference[] } {
  const base = random.pick(corpus);
  switch (random.int(8)) {
    case 0:
      return { schema: base.slice(0, random.int(base.length)), references: [] };
    case 1: {
      const at = random.int(base.length);
      return {
        schema:
          base.slice(0, at) +
          random.pick(['{', '}', '[', ']', ',', '"', ':', 'null', '\\']) +
          base.slice(at),
        references: [],
      };
    }
    case 2:
      return {
        schema: nest(random.int(50) === 0 ? 10_000 : 1 + random.int(400), random),
        references: [],
      };
    case 3:
      return { schema: hugeEnum(random), references: [] };
    case 4:
      return recursiveReference(random);
    default: {
      let json = JSON.parse(base) as unknown;
      for (let i = 1 + random.int(3); i > 0; i--) json = mutateNode(json, random);
      return { schema: JSON.stringify(json), references: [] };
    }
  }
}

describe('Avro parser under hostile input', () => {
  it('rejects a schema nested 10,000 levels deep with SchemaParseError', () => {
    for (const schema of ['['.repeat(10_000) + ']'.repeat(10_000), nest(10_000, createRandom(1))]) {
      expect(() => avroFormat.parse(schema)).toThrow(SchemaParseError);
    }
  });

  it('survives 10,000 seeded mutations: each parses or raises SchemaParseError', () => {
    const random = createRandom(0x5eed);
    const outcomes = { parsed: 0, rejected: 0 };
    for (let i = 0; i < 10_000; i++) {
      const { schema, references } = mutation(random);
      try {
        const parsed = avroFormat.parse(schema, { references });
        expect(parsed.canonical.length).toBeGreaterThan(0);
        // Compiling builds more generated avsc code; a sample keeps the run short.
        if (i % 10 === 0) avroFormat.compile(parsed).validate({});
        outcomes.parsed++;
      } catch (error) {
        if (!(error instanceof SchemaParseError)) {
          throw new Error(`mutation ${i} threw ${String(error)} for ${schema.slice(0, 300)}`);
        }
        expect(error.problems.length).toBeGreaterThan(0);
        outcomes.rejected++;
      }
    }
    // Both outcomes occur, so the mutations exercise the checks and the happy path.
    expect(outcomes.parsed).toBeGreaterThan(500);
    expect(outcomes.rejected).toBeGreaterThan(2000);
  }, 60_000); // ~5 s on an idle machine; the margin is for a shared, loaded CI box.
});
