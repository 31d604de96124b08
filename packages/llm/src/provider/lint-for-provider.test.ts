import { describe, expect, it } from 'vitest';
import { lintForProvider } from './lint-for-provider.ts';
import type { Provider } from './providers.ts';

type Schema = Record<string, unknown>;

/** A closed object with every property required: the portable strict shape. */
function strict(properties: Record<string, unknown>, extra: Schema = {}): Schema {
  return {
    type: 'object',
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
    ...extra,
  };
}

function manyProperties(count: number): Record<string, unknown> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`p${i}`, { type: 'string' }]));
}

function nested(levels: number): Schema {
  let schema: Schema = { type: 'string' };
  for (let i = 0; i < levels; i++) schema = strict({ a: schema });
  return schema;
}

const recursiveTree: Schema = {
  ...strict({ children: { type: 'array', items: { $ref: '#' } } }),
};

interface Case {
  readonly name: string;
  readonly schema: unknown;
  /** Rule ids (without the provider prefix) of the expected errors; empty when accepted. */
  readonly errors: readonly string[];
  readonly warnings?: readonly string[];
  readonly options?: Parameters<typeof lintForProvider>[2];
}

const TABLE: Record<Provider, readonly Case[]> = {
  openai: [
    {
      name: 'a closed object with required properties',
      schema: strict({ a: { type: 'string' } }),
      errors: [],
    },
    {
      name: 'nullable optional emulation',
      schema: strict({
        a: { type: ['string', 'null'] },
        b: { anyOf: [{ type: 'integer' }, { type: 'null' }] },
      }),
      errors: [],
    },
    { name: 'recursion through the root', schema: recursiveTree, errors: [] },
    {
      name: 'recursion through $defs',
      schema: strict(
        { node: { $ref: '#/$defs/node' } },
        {
          $defs: {
            node: strict({ next: { anyOf: [{ $ref: '#/$defs/node' }, { type: 'null' }] } }),
          },
        },
      ),
      errors: [],
    },
    {
      name: 'a missing additionalProperties',
      schema: { type: 'object', properties: {}, required: [] },
      errors: ['additional-properties-false'],
    },
    {
      name: 'an optional property',
      schema: {
        type: 'object',
        properties: { a: { type: 'string' } },
        additionalProperties: false,
      },
      errors: ['required-all'],
    },
    {
      name: 'a root array',
      schema: { type: 'array', items: { type: 'string' } },
      errors: ['root-object'],
    },
    {
      name: 'a root anyOf',
      schema: { anyOf: [strict({ a: { type: 'string' } }), strict({ b: { type: 'string' } })] },
      errors: ['root-object', 'root-any-of'],
    },
    {
      name: 'oneOf',
      schema: strict({ a: { oneOf: [{ type: 'string' }, { type: 'integer' }] } }),
      errors: ['one-of'],
    },
    {
      name: 'allOf, not and if/then/else',
      schema: strict({
        // biome-ignore lint/suspicious/noThenProperty: a JSON Schema if/then/else, never awaited
        a: { allOf: [{ type: 'string' }], not: { const: 'x' }, if: {}, then: {}, else: {} },
      }),
      errors: [
        'unsupported-keyword',
        'unsupported-keyword',
        'unsupported-keyword',
        'unsupported-keyword',
        'unsupported-keyword',
      ],
    },
    {
      name: 'an unknown format',
      schema: strict({ a: { type: 'string', format: 'uri' } }),
      errors: ['unsupported-format'],
    },
    {
      name: 'more than 5000 properties',
      schema: strict(manyProperties(5001)),
      errors: ['max-properties'],
    },
    { name: '10 levels of nesting', schema: nested(10), errors: [] },
    { name: '11 levels of nesting', schema: nested(11), errors: ['max-nesting-depth'] },
    {
      name: 'more than 1000 enum values',
      schema: strict({ a: { type: 'integer', enum: Array.from({ length: 1001 }, (_, i) => i) } }),
      errors: ['max-enum-values'],
    },
    {
      name: 'a 251-value string enum over 15,000 characters',
      schema: strict({
        a: { type: 'string', enum: Array.from({ length: 251 }, (_, i) => `${i}`.padEnd(60, 'x')) },
      }),
      errors: ['max-large-enum-string-length'],
    },
    {
      name: 'more than 120,000 characters of names and enum values',
      schema: strict({
        a: { type: 'string', enum: Array.from({ length: 200 }, (_, i) => `${i}`.padEnd(601, 'x')) },
      }),
      errors: ['max-total-string-length'],
    },
    {
      name: 'an external $ref',
      schema: strict({ a: { $ref: 'https://example.com/a.json' } }),
      errors: ['external-ref'],
    },
    {
      name: 'an unresolved $ref',
      schema: strict({ a: { $ref: '#/$defs/missing' } }),
      errors: ['unresolved-ref'],
    },
    {
      name: 'a name with a dot',
      schema: strict({}),
      options: { name: 'get.weather' },
      errors: ['name-pattern'],
    },
    {
      name: 'a 64-character name',
      schema: strict({}),
      options: { name: 'n'.repeat(64) },
      errors: [],
    },
    {
      name: 'minLength on a fine-tuned model',
      schema: strict({ a: { type: 'string', minLength: 1 } }),
      options: { fineTuned: true },
      errors: ['fine-tune-keyword'],
    },
    {
      name: 'minLength on a base model',
      schema: strict({ a: { type: 'string', minLength: 1 } }),
      errors: [],
    },
    {
      name: 'uniqueItems',
      schema: strict({ a: { type: 'array', items: {}, uniqueItems: true } }),
      errors: [],
      warnings: ['unsupported-keyword'],
    },
  ],
  'azure-openai': [
    {
      name: 'a closed object with required properties',
      schema: strict({ a: { type: 'string' } }),
      errors: [],
    },
    {
      name: 'more than 100 properties',
      schema: strict(manyProperties(101)),
      errors: ['max-properties'],
    },
    { name: '5 levels of nesting', schema: nested(5), errors: [] },
    { name: '6 levels of nesting', schema: nested(6), errors: ['max-nesting-depth'] },
    {
      name: 'string, number and array keywords',
      schema: strict({
        s: { type: 'string', minLength: 1, pattern: '^a', format: 'email' },
        n: { type: 'number', minimum: 0 },
        l: { type: 'array', items: { type: 'string' }, maxItems: 3 },
      }),
      errors: [
        'unsupported-keyword',
        'unsupported-keyword',
        'unsupported-keyword',
        'unsupported-keyword',
        'unsupported-keyword',
      ],
    },
    {
      name: 'more than 500 enum values',
      schema: strict({ a: { enum: Array.from({ length: 501 }, (_, i) => i) } }),
      errors: ['max-enum-values'],
    },
    { name: 'oneOf', schema: strict({ a: { oneOf: [{ type: 'string' }] } }), errors: ['one-of'] },
  ],
  anthropic: [
    {
      name: 'a closed object with optional properties',
      schema: {
        type: 'object',
        properties: { a: { type: 'string' } },
        additionalProperties: false,
      },
      errors: [],
    },
    {
      name: 'allOf, const, enum and default',
      schema: strict({
        a: { allOf: [{ type: 'string' }], enum: ['x', 'y'], default: 'x' },
        b: { const: 1 },
      }),
      errors: [],
    },
    {
      name: 'a missing additionalProperties',
      schema: { type: 'object', properties: {} },
      errors: ['additional-properties-false'],
    },
    { name: 'a root array', schema: { type: 'array' }, errors: ['root-object'] },
    {
      name: 'numeric and length bounds',
      schema: strict({
        n: { type: 'integer', minimum: 0, maximum: 9 },
        s: { type: 'string', maxLength: 3 },
      }),
      errors: ['unsupported-keyword', 'unsupported-keyword', 'unsupported-keyword'],
    },
    {
      name: 'minItems 1',
      schema: strict({ l: { type: 'array', items: {}, minItems: 1 } }),
      errors: [],
    },
    {
      name: 'minItems 2',
      schema: strict({ l: { type: 'array', items: {}, minItems: 2 } }),
      errors: ['min-items'],
    },
    {
      name: 'maxItems',
      schema: strict({ l: { type: 'array', items: {}, maxItems: 2 } }),
      errors: ['unsupported-keyword'],
    },
    { name: 'recursion', schema: recursiveTree, errors: ['recursion'] },
    { name: 'oneOf', schema: strict({ a: { oneOf: [{ type: 'string' }] } }), errors: ['one-of'] },
    {
      name: 'an object enum value',
      schema: strict({ a: { enum: [{ x: 1 }] } }),
      errors: ['enum-complex'],
    },
    {
      name: 'a lookahead pattern',
      schema: strict({ a: { type: 'string', pattern: '^(?=a)' } }),
      errors: ['complex-pattern'],
    },
    {
      name: 'allOf with $ref',
      schema: strict(
        { a: { allOf: [{ $ref: '#/$defs/x' }] } },
        { $defs: { x: { type: 'string' } } },
      ),
      errors: ['all-of-with-ref'],
    },
    {
      name: 'more than 24 optional parameters',
      schema: { type: 'object', properties: manyProperties(25), additionalProperties: false },
      errors: ['max-optional-parameters'],
    },
    {
      name: 'more than 16 union parameters',
      schema: strict(
        Object.fromEntries(
          Array.from({ length: 17 }, (_, i) => [`u${i}`, { type: ['string', 'null'] }]),
        ),
      ),
      errors: ['max-union-parameters'],
    },
    {
      name: 'a 65-character tool name',
      schema: strict({}),
      options: { name: 'n'.repeat(65) },
      errors: ['name-pattern'],
    },
    {
      name: 'plain tool use with bounds and open objects',
      schema: { type: 'object', properties: { n: { type: 'integer', minimum: 0 } } },
      options: { strict: false },
      errors: [],
    },
  ],
  gemini: [
    {
      name: 'an open object with optional properties',
      schema: { type: 'object', properties: { a: { type: 'string' } } },
      errors: [],
    },
    { name: 'a root array', schema: { type: 'array', items: { type: 'string' } }, errors: [] },
    {
      name: 'a root anyOf',
      schema: { anyOf: [{ type: 'string' }, { type: 'integer' }] },
      errors: [],
    },
    {
      name: 'oneOf',
      schema: { oneOf: [{ type: 'string' }] },
      errors: [],
      warnings: ['one-of-as-any-of'],
    },
    {
      name: 'ignored length and pattern keywords',
      schema: { type: 'string', minLength: 1, pattern: 'a' },
      errors: [],
      warnings: ['ignored-keyword', 'ignored-keyword'],
    },
    { name: 'a boolean enum value', schema: { enum: ['a', true] }, errors: ['enum-type'] },
    {
      name: '$ref with a sibling keyword',
      schema: {
        type: 'object',
        properties: { a: { $ref: '#/$defs/a', description: 'x' } },
        $defs: { a: { type: 'string' } },
      },
      errors: ['ref-siblings'],
    },
    {
      name: 'recursion under an optional property',
      schema: { type: 'object', properties: { next: { $ref: '#' } } },
      errors: [],
    },
    {
      name: 'recursion under a required property',
      schema: { type: 'object', properties: { next: { $ref: '#' } }, required: ['next'] },
      errors: ['recursion-in-required'],
    },
    {
      name: 'a maxItems sum over 960',
      schema: {
        type: 'object',
        properties: { a: { type: 'array', maxItems: 600 }, b: { type: 'array', maxItems: 400 } },
      },
      errors: [],
      warnings: ['max-items-sum'],
    },
    {
      name: 'a dotted function name',
      schema: { type: 'object' },
      options: { name: 'weather.get' },
      errors: [],
    },
    {
      name: 'a name starting with a digit',
      schema: { type: 'object' },
      options: { name: '1tool' },
      errors: ['name-pattern'],
    },
  ],
};

describe('lintForProvider', () => {
  for (const [provider, cases] of Object.entries(TABLE) as [Provider, readonly Case[]][]) {
    describe(provider, () => {
      for (const c of cases) {
        const verb = c.errors.length === 0 ? 'accepts' : `rejects with ${c.errors.join(', ')}`;
        it(`${verb}: ${c.name}`, () => {
          const result = lintForProvider(c.schema, provider, c.options);
          const errors = result.issues.filter((i) => i.severity === 'error').map((i) => i.rule);
          expect(errors.sort()).toEqual(c.errors.map((r) => `${provider}/${r}`).sort());
          expect(result.ok).toBe(c.errors.length === 0);
          if (c.warnings !== undefined) {
            const warnings = result.issues
              .filter((i) => i.severity === 'warning')
              .map((i) => i.rule);
            expect(warnings.sort()).toEqual(c.warnings.map((r) => `${provider}/${r}`).sort());
          }
        });
      }
    });
  }
});

describe('lintForProvider issue details', () => {
  it('points at the offending keyword with a JSON pointer and a fix', () => {
    const result = lintForProvider(strict({ 'a/b': { oneOf: [{ type: 'string' }] } }), 'openai');
    expect(result.issues).toEqual([
      expect.objectContaining({
        rule: 'openai/one-of',
        path: '/properties/a~1b/oneOf',
        providerMessage: "'oneOf' is not permitted",
        fix: expect.stringContaining('anyOf'),
      }),
    ]);
  });

  it('reports nesting at the first level past the limit in the provider wording', () => {
    const issue = lintForProvider(nested(6), 'azure-openai').issues[0]!;
    expect(issue.providerMessage).toBe('6 levels of nesting exceeds limit of 5');
    expect(issue.path).toBe('/properties/a/properties/a/properties/a/properties/a/properties/a');
  });

  it('counts a definition used many times once toward the property limit', () => {
    const refs = Object.fromEntries(
      Array.from({ length: 60 }, (_, i) => [`r${i}`, { $ref: '#/$defs/d' }]),
    );
    const schema = strict(refs, { $defs: { d: strict(manyProperties(30)) } });
    expect(lintForProvider(schema, 'azure-openai').issues.map((i) => i.rule)).toEqual([]);
  });

  it('counts levels inside a referenced definition but does not unroll recursion', () => {
    const schema = strict({ a: { $ref: '#/$defs/d' } }, { $defs: { d: nested(5) } });
    expect(lintForProvider(schema, 'azure-openai').issues.map((i) => i.rule)).toEqual([
      'azure-openai/max-nesting-depth',
    ]);
    expect(lintForProvider(recursiveTree, 'azure-openai').issues).toEqual([]);
  });

  it('throws UNKNOWN_PROVIDER naming the known providers', () => {
    expect(() => lintForProvider({}, 'mistral' as Provider)).toThrow(
      expect.objectContaining({
        code: 'UNKNOWN_PROVIDER',
        message: expect.stringContaining('openai, azure-openai'),
      }),
    );
  });

  it('throws INVALID_SCHEMA for a schema that is not an object', () => {
    expect(() => lintForProvider('nope', 'openai')).toThrow(
      expect.objectContaining({ code: 'INVALID_SCHEMA' }),
    );
  });

  it('terminates on a cyclic object graph', () => {
    const schema: Schema = {
      type: 'object',
      properties: {},
      required: [],
      additionalProperties: false,
    };
    (schema.properties as Schema).self = schema;
    (schema.required as string[]).push('self');
    expect(lintForProvider(schema, 'openai').ok).toBe(true);
  });

  it('stops on a 100,000-level schema without overflowing the stack', () => {
    let schema: Schema = { type: 'string' };
    for (let i = 0; i < 100_000; i++) schema = { type: 'array', items: schema };
    const result = lintForProvider({ type: 'object', properties: { deep: schema } }, 'openai');
    expect(result.issues.map((i) => i.rule)).toEqual(['openai/schema-too-large']);
  });

  it('stops on a schema with more nodes than the bound', () => {
    const schema = strict(manyProperties(60_000));
    expect(lintForProvider(schema, 'gemini').issues.map((i) => i.rule)).toEqual([
      'gemini/schema-too-large',
    ]);
  });

  it('handles a wide chain of shared definitions without blowing up', () => {
    const defs: Record<string, unknown> = { d0: { type: 'string' } };
    for (let i = 1; i < 2000; i++)
      defs[`d${i}`] = { anyOf: [{ $ref: `#/$defs/d${i - 1}` }, { $ref: `#/$defs/d${i - 1}` }] };
    const result = lintForProvider(
      strict({ a: { $ref: '#/$defs/d1999' } }, { $defs: defs }),
      'openai',
    );
    expect(result.ok).toBe(true);
  });
});
