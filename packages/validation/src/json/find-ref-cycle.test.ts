import { describe, expect, it } from 'vitest';
import { type ResolvedReference, SchemaParseError } from '../schema-format.js';
import { createJsonSchemaFormat } from './json-schema-format.js';

const format = createJsonSchemaFormat();

function reference(name: string, schema: unknown): ResolvedReference {
  return {
    name,
    subject: name,
    version: 1,
    schemaType: 'JSON',
    schema: JSON.stringify(schema),
    references: [],
  };
}

function refusal(schema: unknown, references: ResolvedReference[] = []): SchemaParseError {
  try {
    format.parse(JSON.stringify(schema), { references });
  } catch (error) {
    expect(error).toBeInstanceOf(SchemaParseError);
    return error as SchemaParseError;
  }
  throw new Error(`expected ${JSON.stringify(schema).slice(0, 100)} to be refused`);
}

// Parsed from text: object literals with `then` would be thenables.
const IF_LOOP = JSON.parse(
  '{"$defs":{"a":{"if":{"$ref":"#/$defs/a"},"then":{}}},"$ref":"#/$defs/a"}',
);
const THEN_LOOP = JSON.parse('{"if":{"type":"object"},"then":{"$ref":"#"}}');

describe('$ref loops that never read into the data', () => {
  it.each<[string, unknown, string, string]>([
    [
      'a -> b -> a',
      { $defs: { a: { $ref: '#/$defs/b' }, b: { $ref: '#/$defs/a' } }, $ref: '#/$defs/a' },
      '#/$defs/a -> #/$defs/b -> #/$defs/a',
      '/$defs/a/$ref',
    ],
    [
      'a self-loop',
      { $defs: { a: { $ref: '#/$defs/a' } }, $ref: '#/$defs/a' },
      '#/$defs/a -> #/$defs/a',
      '/$defs/a/$ref',
    ],
    ['the root referring to itself', { type: 'object', $ref: '#' }, '# -> #', '/$ref'],
    [
      'a longer loop a -> b -> c -> d -> a',
      {
        definitions: {
          a: { $ref: '#/definitions/b' },
          b: { $ref: '#/definitions/c' },
          c: { $ref: '#/definitions/d' },
          d: { $ref: '#/definitions/a' },
        },
        properties: { x: { $ref: '#/definitions/a' } },
      },
      '#/definitions/a -> #/definitions/b -> #/definitions/c -> #/definitions/d -> #/definitions/a',
      '/definitions/a/$ref',
    ],
    ['allOf', { allOf: [{ $ref: '#' }] }, '# -> #/allOf/0 -> #', '/allOf/0/$ref'],
    [
      'anyOf',
      { anyOf: [{ type: 'string' }, { $ref: '#' }] },
      '# -> #/anyOf/1 -> #',
      '/anyOf/1/$ref',
    ],
    [
      'oneOf',
      { $defs: { a: { oneOf: [{ $ref: '#/$defs/a' }] } } },
      '#/$defs/a -> #/$defs/a/oneOf/0 -> #/$defs/a',
      '/$defs/a/oneOf/0/$ref',
    ],
    ['not', { not: { $ref: '#' } }, '# -> #/not -> #', '/not/$ref'],
    ['if', IF_LOOP, '#/$defs/a -> #/$defs/a/if -> #/$defs/a', '/$defs/a/if/$ref'],
    ['then', THEN_LOOP, '# -> #/then -> #', '/then/$ref'],
    [
      'dependencies',
      { dependencies: { a: { $ref: '#' } } },
      '# -> #/dependencies/a -> #',
      '/dependencies/a/$ref',
    ],
  ])('refuses a loop through %s, naming it', (_name, schema, loop, pointer) => {
    const error = refusal(schema);
    expect(error.message).toContain(`$ref cycle: ${loop}`);
    expect(error.problems).toEqual([{ path: pointer, message: expect.stringContaining(loop) }]);
  });

  it('refuses a loop across Confluent references, naming the reference', () => {
    const a = reference('a.json', { $ref: 'b.json' });
    const b = reference('b.json', { allOf: [{ $ref: 'a.json#' }] });
    a.references.push(b);
    const error = refusal({ properties: { x: { $ref: 'a.json' } } }, [a]);
    expect(error.message).toContain('a.json# -> b.json# -> b.json#/allOf/0 -> a.json#');
  });

  it('refuses a loop through a nested $id resource and an anchor', () => {
    const schema = {
      $id: 'https://example.com/root.json',
      $defs: {
        item: { $id: 'item.json', $anchor: 'it', allOf: [{ $ref: 'item.json#it' }] },
      },
      $ref: 'item.json',
    };
    expect(refusal(schema).message).toContain(
      '#/$defs/item -> #/$defs/item/allOf/0 -> #/$defs/item',
    );
  });

  it('ignores a `then` loop in draft-06, which has no `then`', () => {
    const parsed = format.parse(JSON.stringify(THEN_LOOP), { defaultJsonDraft: 'draft-06' });
    expect(format.compile(parsed).validate({}).valid).toBe(true);
  });
});

describe('legitimate recursion', () => {
  const tree = {
    type: 'object',
    properties: { children: { type: 'array', items: { $ref: '#' } } },
  };

  it.each<[string, unknown, unknown, unknown]>([
    [
      'a tree through items',
      tree,
      { children: [{ children: [] }, { children: [{}] }] },
      { children: [1] },
    ],
    [
      'a linked list through properties',
      {
        $defs: {
          node: {
            type: 'object',
            properties: { value: { type: 'integer' }, next: { $ref: '#/$defs/node' } },
          },
        },
        $ref: '#/$defs/node',
      },
      { value: 1, next: { value: 2, next: { value: 3 } } },
      { value: 1, next: { value: 'two' } },
    ],
    [
      'a loop a -> b -> a that reads a property on the way',
      {
        $defs: {
          a: { allOf: [{ $ref: '#/$defs/b' }] },
          b: { type: 'object', additionalProperties: { $ref: '#/$defs/a' } },
        },
        $ref: '#/$defs/a',
      },
      { x: { y: {} } },
      { x: 1 },
    ],
    [
      'recursion through prefixItems, contains and patternProperties',
      {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        anyOf: [
          { type: 'integer' },
          { type: 'array', prefixItems: [{ $ref: '#' }], contains: { $ref: '#' } },
          { type: 'object', patternProperties: { '^n': { $ref: '#' } } },
        ],
      },
      [[1], { n1: 2 }],
      ['x'],
    ],
  ])('accepts %s and validates with it', (_name, schema, good, bad) => {
    const validator = format.compile(format.parse(JSON.stringify(schema)));
    expect(validator.validate(good).valid).toBe(true);
    expect(validator.validate(bad).valid).toBe(false);
  });

  it('accepts recursion across references that reads into the data', () => {
    const node = reference('node.json', {
      type: 'object',
      properties: { next: { $ref: 'node.json' } },
    });
    const validator = format.compile(format.parse('{"$ref":"node.json"}', { references: [node] }));
    expect(validator.validate({ next: { next: {} } }).valid).toBe(true);
    expect(validator.validate({ next: { next: 1 } }).valid).toBe(false);
  });

  it('does not mistake a property named like a keyword for the keyword', () => {
    const schema = { type: 'object', properties: { allOf: { $ref: '#' }, not: { $ref: '#' } } };
    expect(format.compile(format.parse(JSON.stringify(schema))).validate({ not: {} }).valid).toBe(
      true,
    );
  });
});

describe('cost', () => {
  it('checks a large schema of shared in-place refs in linear time', () => {
    // Each level refers to the next twice: a walk along every path would take 2^40 steps.
    // (Only parsing is timed: validating such a schema is itself exponential in ajv.)
    const $defs: Record<string, unknown> = {};
    for (let i = 0; i < 40; i++) {
      const next = { $ref: `#/$defs/d${i + 1}` };
      $defs[`d${i}`] = { allOf: [next, { anyOf: [{ ...next }] }] };
    }
    $defs.d40 = { type: 'string' };
    const properties: Record<string, unknown> = {};
    for (let i = 0; i < 5_000; i++) properties[`p${i}`] = { $ref: `#/$defs/d${i % 40}` };
    format.parse('{"type":"string"}'); // Warm the meta-schema validator up.
    const start = performance.now();
    const parsed = format.parse(JSON.stringify({ $defs, properties }));
    expect(performance.now() - start).toBeLessThan(2_000);
    expect(parsed.jsonDraft).toBe('draft-07');
  });

  it('finds a loop at the end of a chain of 10,000 refs', () => {
    const $defs: Record<string, unknown> = {};
    for (let i = 0; i < 10_000; i++) $defs[`d${i}`] = { $ref: `#/$defs/d${i + 1}` };
    $defs.d10000 = { $ref: '#/$defs/d9999' };
    const start = performance.now();
    const error = refusal({ $defs, $ref: '#/$defs/d0' });
    expect(performance.now() - start).toBeLessThan(2_000);
    expect(error.message).toContain('#/$defs/d9999 -> #/$defs/d10000 -> #/$defs/d9999');
  });
});
