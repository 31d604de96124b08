import { describe, expect, it } from 'vitest';
import { jsonSchemaFormat } from '../src/json/json-schema-format.js';
import { SchemaParseError } from '../src/schema-format.js';
import { createRandom, type Random } from './seeded-random.js';

// 10,000 seeded mutations of valid schemas: parse may only throw SchemaParseError, compiled
// validators never throw, and nothing hangs (the run is bounded by the test timeout).

const SEED = 0x5eed_1234;
const MUTATIONS = 10_000;

const SEEDS: unknown[] = [
  {
    type: 'object',
    properties: {
      name: { type: 'string', minLength: 1, pattern: '^[A-Z]' },
      age: { type: 'integer', minimum: 0 },
    },
    required: ['name'],
  },
  {
    $schema: 'http://json-schema.org/draft-07/schema#',
    definitions: { node: { type: 'object', properties: { next: { $ref: '#/definitions/node' } } } },
    $ref: '#/definitions/node',
  },
  {
    $schema: 'https://json-schema.org/draft/2019-09/schema',
    $recursiveAnchor: true,
    type: 'array',
    items: { anyOf: [{ type: 'number' }, { $recursiveRef: '#' }] },
  },
  {
    $id: 'https://example.com/tree',
    $dynamicAnchor: 'node',
    type: 'object',
    properties: {
      children: { type: 'array', items: { $dynamicRef: '#node' } },
      tag: { enum: ['a', 'b', 1, null] },
    },
    unevaluatedProperties: false,
  },
  {
    allOf: [{ $ref: '#/$defs/base' }, { properties: { extra: { format: 'date-time' } } }],
    $defs: { base: { properties: { id: { type: 'string', format: 'uuid' } }, required: ['id'] } },
    if: { properties: { kind: { const: 'x' } } },
    // biome-ignore lint/suspicious/noThenProperty: `then` is a JSON Schema keyword here
    then: { required: ['extra'] },
    else: { not: { required: ['extra'] } },
  },
  {
    prefixItems: [{ type: 'string' }, { type: 'number' }],
    items: false,
    contains: { type: 'string' },
  },
  true,
];

const WRONG_VALUES: unknown[] = [
  null,
  0,
  -1,
  1.5,
  'x',
  '',
  true,
  false,
  [],
  {},
  [1, 'a'],
  { type: 'nope' },
];
const KEYS = [
  'type',
  'properties',
  'items',
  '$ref',
  'enum',
  'required',
  'pattern',
  '__proto__',
  'constructor',
  '$id',
  '$schema',
  'allOf',
  'not',
  '$defs',
  'minimum',
];
const GARBAGE = [
  '{',
  '}',
  '[',
  ']',
  '"',
  ':',
  ',',
  '\\',
  '0',
  'e',
  '-',
  ' ',
  '\n',
  'null',
  'tru',
  '\u0000',
  '\ud800',
];
const REFS = [
  '#',
  '#/$defs/loop',
  '#/definitions/x',
  'other.json',
  'https://example.com/tree#node',
  '#/properties/%25',
  '#node',
];
const SCHEMA_URIS = [
  'http://json-schema.org/draft-07/schema#',
  'https://json-schema.org/draft/2019-09/schema',
  'https://json-schema.org/draft/2020-12/schema',
  'http://json-schema.org/draft-04/schema#',
  'nonsense',
];

/** Every object and array in a value, so a mutation can pick one. */
function containers(value: unknown, found: object[] = []): object[] {
  if (typeof value === 'object' && value !== null) {
    found.push(value);
    for (const child of Object.values(value)) containers(child, found);
  }
  return found;
}

function setOwn(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function mutateStructure(random: Random, schema: unknown): unknown {
  const root: unknown = structuredClone(schema);
  const targets = containers(root);
  const target = targets.length > 0 ? random.pick(targets) : undefined;
  const kind = random.int(8);
  if (target === undefined || kind === 0) {
    let wrapped: unknown = root;
    const depth = 1 + random.int(random.next() < 0.1 ? 2000 : 80);
    for (let i = 0; i < depth; i++) wrapped = { properties: { a: wrapped } };
    return wrapped;
  }
  const key = Array.isArray(target) ? random.int(target.length + 1) : random.pick(KEYS);
  switch (kind) {
    case 1:
      setOwn(target, key, random.pick(WRONG_VALUES));
      break;
    case 2:
      setOwn(
        target,
        'enum',
        Array.from({ length: random.int(random.next() < 0.05 ? 20_000 : 500) }, (_, i) =>
          i % 3 === 0 ? i : `v${i}`,
        ),
      );
      break;
    case 3:
      setOwn(target, '$ref', random.pick(REFS));
      if (random.next() < 0.5) setOwn(target, '$defs', { loop: { $ref: '#/$defs/loop' } });
      break;
    case 4:
      setOwn(target, '$schema', random.pick(SCHEMA_URIS));
      break;
    case 5:
      setOwn(
        target,
        'pattern',
        Array.from({ length: 1 + random.int(8) }, () =>
          random.pick(['(', ')', '[', 'a', '*', '+', '\\', '?', '{2}', '|', '^', '$', '\\p{L}']),
        ).join(''),
      );
      break;
    case 6:
      // Self-similar growth: the whole schema again, somewhere inside itself.
      setOwn(target, key, structuredClone(root));
      break;
    default:
      if (!Array.isArray(target))
        delete (target as Record<string, unknown>)[random.pick(Object.keys(target).concat('type'))];
  }
  return root;
}

function mutateText(random: Random, text: string): string {
  const at = random.int(text.length + 1);
  switch (random.int(4)) {
    case 0:
      return text.slice(0, at);
    case 1:
      return text.slice(0, at) + random.pick(GARBAGE) + text.slice(at + 1);
    case 2:
      return text.slice(0, at) + random.pick(GARBAGE).repeat(1 + random.int(50)) + text.slice(at);
    default:
      return text.slice(0, at) + text.slice(at + 1 + random.int(10));
  }
}

function randomData(random: Random, depth = 0): unknown {
  const roll = random.int(depth > 4 ? 6 : 9);
  switch (roll) {
    case 0:
      return null;
    case 1:
      return random.int(200) - 100;
    case 2:
      return random.next() * 1e6;
    case 3:
      return random.pick(['', 'A', 'abc', '2020-01-01T00:00:00Z', 'x'.repeat(random.int(300))]);
    case 4:
      return random.next() < 0.5;
    case 5:
      return random.pick(['v1', 1, 'a']);
    case 6:
      return Array.from({ length: random.int(4) }, () => randomData(random, depth + 1));
    default: {
      const record: Record<string, unknown> = {};
      for (let i = random.int(4); i > 0; i--)
        setOwn(
          record,
          random.pick([
            'name',
            'age',
            'next',
            'children',
            'tag',
            'id',
            'extra',
            'kind',
            '__proto__',
            'a',
          ]),
          randomData(random, depth + 1),
        );
      return record;
    }
  }
}

describe('JSON Schema fuzzing', () => {
  it(`survives ${MUTATIONS} seeded mutations with only SchemaParseError`, {
    timeout: 60_000,
  }, () => {
    const random = createRandom(SEED);
    const outcomes = { parsed: 0, rejected: 0, validated: 0 };
    const unexpected: string[] = [];
    for (let i = 0; i < MUTATIONS; i++) {
      const seed = random.pick(SEEDS);
      const text =
        random.next() < 0.5
          ? mutateText(random, JSON.stringify(seed))
          : (JSON.stringify(mutateStructure(random, seed)) ?? 'null');
      let parsed: ReturnType<typeof jsonSchemaFormat.parse>;
      try {
        parsed = jsonSchemaFormat.parse(text);
      } catch (error) {
        if (error instanceof SchemaParseError) outcomes.rejected++;
        else unexpected.push(`#${i} parse threw ${String(error)} for ${text.slice(0, 200)}`);
        continue;
      }
      outcomes.parsed++;
      try {
        const validator = jsonSchemaFormat.compile(parsed, { strict: random.next() < 0.3 });
        for (let j = 0; j < 3; j++) {
          const result = validator.validate(randomData(random));
          expect(typeof result.valid).toBe('boolean');
          outcomes.validated++;
        }
      } catch (error) {
        if (!(error instanceof SchemaParseError))
          unexpected.push(
            `#${i} compile/validate threw ${String(error)} for ${text.slice(0, 200)}`,
          );
      }
    }
    console.log(`JSON Schema fuzz (seed ${SEED}): ${JSON.stringify(outcomes)}`);
    expect(unexpected).toEqual([]);
    expect(outcomes.parsed).toBeGreaterThan(MUTATIONS / 10);
    expect(outcomes.rejected).toBeGreaterThan(MUTATIONS / 10);
  });
});
