import { describe, expect, it } from 'vitest';
import { createValidator, parseSchema } from '../create-validator.js';
import { SchemaParseError } from '../schema-format.js';
import { JSON_DRAFT_SCHEMA_URIS, type JsonDraft } from './detect-json-draft.js';
import { createJsonSchemaFormat } from './json-schema-format.js';

const format = createJsonSchemaFormat();

/** Validates `data` against `schema` read with no `$schema` under `draft`. */
function validUnder(draft: JsonDraft, schema: unknown, data: unknown): boolean {
  const parsed = format.parse(JSON.stringify(schema), { defaultJsonDraft: draft });
  return format.compile(parsed).validate(data).valid;
}

function rejectedUnder(draft: JsonDraft, schema: unknown): SchemaParseError {
  try {
    format.parse(JSON.stringify(schema), { defaultJsonDraft: draft });
  } catch (error) {
    expect(error).toBeInstanceOf(SchemaParseError);
    return error as SchemaParseError;
  }
  throw new Error(`expected ${JSON.stringify(schema)} to be rejected under ${draft}`);
}

describe('the default draft', () => {
  it('reads a tuple `items` array without $schema as draft-07 and validates by position', () => {
    const validator = createValidator(
      'JSON',
      '{"type":"array","items":[{"type":"string"},{"type":"integer"}]}',
    );
    expect(validator.validate(['a', 1]).valid).toBe(true);
    expect(validator.validate([1, 'a']).valid).toBe(false);
    expect(validator.validate(['a', 1, { any: 'thing' }]).valid).toBe(true);
  });

  it.each<[JsonDraft, string]>([
    ['draft-04', 'draft-04'],
    ['draft-06', 'DRAFT_6'],
    ['draft-07', 'draft7'],
    ['2019-09', 'draft_2019_09'],
    ['2020-12', 'https://json-schema.org/draft/2020-12/schema'],
  ])('records %s as the draft when the default is named %s', (draft, name) => {
    const parsed = parseSchema('JSON', '{"type":"string"}', { defaultJsonDraft: name });
    expect(parsed.jsonDraft).toBe(draft);
  });

  it('keeps the draft a schema states whatever the default', () => {
    const text = '{"$schema":"https://json-schema.org/draft/2019-09/schema","type":"string"}';
    expect(parseSchema('JSON', text, { defaultJsonDraft: 'draft-04' }).jsonDraft).toBe('2019-09');
  });

  it.each(['draft-05', 'draft-03', '', 'latest'])(
    'refuses an unknown default draft name %j, naming the supported ones',
    (name) => {
      expect(() => parseSchema('JSON', '{}', { defaultJsonDraft: name })).toThrow(
        /unknown JSON Schema draft .*supported: draft-04, draft-06, draft-07, 2019-09, 2020-12/,
      );
    },
  );

  it('passes the default draft through createValidator', () => {
    const text = '{"items":[{"type":"string"}]}';
    expect(() => createValidator('JSON', text, { defaultJsonDraft: '2020-12' })).toThrow(
      SchemaParseError,
    );
    expect(
      createValidator('JSON', text, { defaultJsonDraft: 'draft-06' }).validate([1]).valid,
    ).toBe(false);
  });
});

describe('identity per draft', () => {
  const text = '{"type":"array","items":{"type":"string"}}';
  const drafts: JsonDraft[] = ['draft-04', 'draft-06', 'draft-07', '2019-09', '2020-12'];

  it('gives the same text a different canonical form and fingerprint under each draft', () => {
    const parsed = drafts.map((draft) => format.parse(text, { defaultJsonDraft: draft }));
    expect(new Set(parsed.map((p) => p.fingerprint)).size).toBe(drafts.length);
    for (const [i, draft] of drafts.entries()) {
      expect(JSON.parse(parsed[i]!.canonical).$schema).toBe(JSON_DRAFT_SCHEMA_URIS[draft]);
    }
  });

  it('reads the canonical text back under the same draft whatever the default', () => {
    const canonical = format.parse(text, { defaultJsonDraft: 'draft-04' }).canonical;
    const again = format.parse(canonical, { defaultJsonDraft: '2020-12' });
    expect(again.jsonDraft).toBe('draft-04');
    expect(again.canonical).toBe(canonical);
  });

  it('keeps a stated $schema exactly as written in the canonical form', () => {
    const stated = '{"$schema":"http://json-schema.org/draft-07/schema","type":"string"}';
    expect(format.parse(stated).canonical).toBe(stated);
  });

  it('leaves boolean schemas alone: they mean the same in every draft that has them', () => {
    expect(format.parse('true', { defaultJsonDraft: '2020-12' }).canonical).toBe('true');
    expect(format.parse('true', { defaultJsonDraft: 'draft-06' }).canonical).toBe('true');
  });
});

interface SemanticsCase {
  keyword: string;
  schema: unknown;
  data: unknown;
  /** Valid under each draft, or `'invalid schema'` when the draft's meta-schema refuses it. */
  expected: Partial<Record<JsonDraft, boolean | 'invalid schema'>>;
}

const SEMANTICS: SemanticsCase[] = [
  {
    keyword: 'items as an array is a tuple until 2020-12',
    schema: { items: [{ type: 'string' }, { type: 'integer' }] },
    data: ['a', 'b'],
    expected: {
      'draft-04': false,
      'draft-06': false,
      'draft-07': false,
      '2019-09': false,
      '2020-12': 'invalid schema',
    },
  },
  {
    keyword: 'prefixItems only exists in 2020-12',
    schema: { prefixItems: [{ type: 'string' }] },
    data: [1],
    expected: { 'draft-04': true, 'draft-06': true, 'draft-07': true, '2020-12': false },
  },
  {
    keyword: 'exclusiveMinimum is a boolean beside minimum in draft-04',
    schema: { minimum: 5, exclusiveMinimum: true },
    data: 5,
    expected: {
      'draft-04': false,
      'draft-06': 'invalid schema',
      'draft-07': 'invalid schema',
      '2020-12': 'invalid schema',
    },
  },
  {
    keyword: 'exclusiveMaximum is a number from draft-06 on',
    schema: { exclusiveMaximum: 5 },
    data: 5,
    expected: {
      'draft-04': 'invalid schema',
      'draft-06': false,
      'draft-07': false,
      '2019-09': false,
      '2020-12': false,
    },
  },
  {
    keyword: 'definitions holds $ref targets in every draft',
    schema: { definitions: { name: { type: 'string' } }, $ref: '#/definitions/name' },
    data: 1,
    expected: { 'draft-04': false, 'draft-06': false, 'draft-07': false, '2020-12': false },
  },
  {
    keyword: '$defs holds $ref targets too (a plain JSON pointer)',
    schema: { $defs: { name: { type: 'string' } }, properties: { n: { $ref: '#/$defs/name' } } },
    data: { n: 1 },
    expected: { 'draft-04': false, 'draft-07': false, '2019-09': false, '2020-12': false },
  },
  {
    keyword: 'dependencies (property form) before 2019-09',
    schema: { dependencies: { card: ['billing'] } },
    data: { card: 1 },
    expected: { 'draft-04': false, 'draft-06': false, 'draft-07': false },
  },
  {
    keyword: 'dependentRequired only from 2019-09 on',
    schema: { dependentRequired: { card: ['billing'] } },
    data: { card: 1 },
    expected: { 'draft-04': true, 'draft-07': true, '2019-09': false, '2020-12': false },
  },
  {
    keyword: 'const from draft-06 on',
    schema: { const: 'a' },
    data: 'b',
    expected: { 'draft-04': true, 'draft-06': false, 'draft-07': false, '2020-12': false },
  },
  {
    keyword: 'if/then/else from draft-07 on',
    // Parsed from text: an object literal with `then` would be a thenable.
    schema: JSON.parse('{"if":{"type":"string"},"then":{"minLength":2}}'),
    data: 'a',
    expected: { 'draft-04': true, 'draft-06': true, 'draft-07': false, '2020-12': false },
  },
  {
    keyword: 'boolean subschemas from draft-06 on',
    schema: { properties: { a: false } },
    data: { a: 1 },
    expected: { 'draft-04': 'invalid schema', 'draft-06': false, 'draft-07': false },
  },
  {
    keyword: 'unevaluatedProperties from 2019-09 on',
    schema: { properties: { a: {} }, unevaluatedProperties: false },
    data: { a: 1, b: 2 },
    expected: { 'draft-07': true, '2019-09': false, '2020-12': false },
  },
];

describe.each(SEMANTICS)('$keyword', ({ schema, data, expected }) => {
  it.each(Object.entries(expected) as [JsonDraft, boolean | 'invalid schema'][])(
    'under %s gives %s',
    (draft, outcome) => {
      if (outcome === 'invalid schema') rejectedUnder(draft, schema);
      else expect(validUnder(draft, schema, data)).toBe(outcome);
    },
  );
});

describe('draft-04 specifics', () => {
  it('resolves refs against a draft-04 `id`', () => {
    const schema = {
      id: 'http://example.com/root.json',
      definitions: { a: { id: '#alpha', type: 'integer' } },
      properties: { x: { $ref: '#alpha' } },
    };
    expect(validUnder('draft-04', schema, { x: 1 })).toBe(true);
    expect(validUnder('draft-04', schema, { x: 'no' })).toBe(false);
  });

  it('validates a schema that states the draft-04 $schema', () => {
    const text =
      '{"$schema":"http://json-schema.org/draft-04/schema#","maximum":3,"exclusiveMaximum":true}';
    const parsed = format.parse(text);
    expect(parsed.jsonDraft).toBe('draft-04');
    expect(format.compile(parsed).validate(3).valid).toBe(false);
    expect(format.compile(parsed).validate(2.5).valid).toBe(true);
  });

  it('refuses an enum with duplicate values, pointing at it, in linear time', () => {
    expect(
      rejectedUnder('draft-04', { properties: { a: { enum: [1, 2, 1] } } }).problems[0],
    ).toMatchObject({ path: '/properties/a/enum' });
    const values = Array.from({ length: 50_000 }, (_, i) => `v${i}`);
    const start = performance.now();
    expect(validUnder('draft-07', { enum: values }, 'v49999')).toBe(true);
    expect(performance.now() - start).toBeLessThan(5_000);
  });

  it('closes objects in strict mode under draft-04 and draft-06 as under later drafts', () => {
    for (const draft of ['draft-04', 'draft-06'] as const) {
      const parsed = format.parse('{"properties":{"a":{"type":"integer"}}}', {
        defaultJsonDraft: draft,
      });
      const result = format.compile(parsed, { strict: true }).validate({ a: 1, b: 2 });
      expect(result.errors.map((error) => error.path)).toEqual(['/b']);
    }
  });
});

describe('one format, several drafts', () => {
  it('compiles the same text under each draft with that draft, never a cached other one', () => {
    const text = '{"properties":{"a":{"const":"x"}}}';
    const draft04 = format.parse(text, { defaultJsonDraft: 'draft-04' });
    const draft06 = format.parse(text, { defaultJsonDraft: 'draft-06' });
    for (const strict of [false, true]) {
      expect(format.compile(draft04, { strict }).validate({ a: 'y' }).valid).toBe(true);
      expect(format.compile(draft06, { strict }).validate({ a: 'y' }).valid).toBe(false);
    }
  });

  it('compiles a parsed schema built elsewhere (read from storage) under the draft it records', () => {
    const native = { minimum: 5, exclusiveMinimum: true };
    const parsed = {
      schemaType: 'JSON' as const,
      canonical: '',
      fingerprint: '',
      jsonDraft: 'draft-04',
      native,
      references: [],
    };
    expect(format.compile(parsed).validate(5).valid).toBe(false);
    expect(format.compile(parsed).validate(6).valid).toBe(true);
  });
});
