import type { KeywordDefinition } from 'ajv';
import { describe, expect, it } from 'vitest';
import { SchemaParseError } from '../schema-format.js';
import { createAjvPool } from './ajv-pool.js';
import { JSON_DRAFT_SCHEMA_URIS } from './detect-json-draft.js';
import { createJsonSchemaFormat } from './json-schema-format.js';

const UNIT_ID = 'https://types.example/unit.json';
const PAIR_ID = 'https://types.example/pair.json';

/** A known schema written in 2020-12 that also references another known schema. */
const knownSchemas = {
  [UNIT_ID]: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: UNIT_ID,
    type: 'number',
    minimum: 0,
    maximum: 1,
  },
  [PAIR_ID]: {
    $id: PAIR_ID,
    type: 'array',
    items: { $ref: UNIT_ID },
    minItems: 2,
    maxItems: 2,
    'x-sum-one': true,
  },
};

/** An array of numbers summing to 1: a rule plain JSON Schema cannot state. */
const sumOne: KeywordDefinition = {
  keyword: 'x-sum-one',
  type: 'array',
  schemaType: 'boolean',
  validate: (enabled: boolean, data: unknown[]) =>
    !enabled || Math.abs(data.reduce<number>((sum, v) => sum + Number(v), 0) - 1) < 1e-9,
};

/** Array values no larger than `max`: a keyword whose value has a meta-schema. */
const capped: KeywordDefinition = {
  keyword: 'x-cap',
  type: 'array',
  schemaType: 'object',
  metaSchema: {
    type: 'object',
    properties: { max: { type: 'number' } },
    required: ['max'],
    additionalProperties: false,
  },
  validate: (schema: { max: number }, data: unknown[]) =>
    data.every((v) => typeof v !== 'number' || v <= schema.max),
};

const format = createJsonSchemaFormat(createAjvPool({ knownSchemas, keywords: [sumOne, capped] }));
const plain = createJsonSchemaFormat(createAjvPool());

function schemaUsing(ref: string, draft: keyof typeof JSON_DRAFT_SCHEMA_URIS): string {
  return JSON.stringify({
    $schema: JSON_DRAFT_SCHEMA_URIS[draft],
    type: 'object',
    properties: { p: { $ref: ref } },
  });
}

describe('createAjvPool with known schemas and keywords', () => {
  it.each(['draft-04', 'draft-06', 'draft-07', '2019-09', '2020-12'] as const)(
    'resolves a known id without network access under %s and enforces it',
    (draft) => {
      const parsed = format.parse(schemaUsing(UNIT_ID, draft));
      const validator = format.compile(parsed);
      expect(validator.validate({ p: 0.5 }).valid).toBe(true);
      const result = validator.validate({ p: 2 });
      expect(result.valid).toBe(false);
      expect(result.errors[0]?.path).toBe('/p');
    },
  );

  it('runs the custom keywords a known schema uses, and its refs to other known schemas', () => {
    const validator = format.compile(format.parse(schemaUsing(PAIR_ID, '2020-12')));
    expect(validator.validate({ p: [0.25, 0.75] }).valid).toBe(true);
    expect(validator.validate({ p: [0.5, 0.75] }).errors.map((e) => e.keyword)).toContain(
      'x-sum-one',
    );
    expect(validator.validate({ p: [0.5, 1.5] }).valid).toBe(false);
  });

  it('lets user schemas use the custom keywords directly', () => {
    const parsed = format.parse('{"type":"array","x-sum-one":true}');
    expect(format.compile(parsed).validate([0.4, 0.6]).valid).toBe(true);
    expect(format.compile(parsed).validate([0.4, 0.4]).valid).toBe(false);
  });

  it('refuses a custom keyword value its meta-schema does not allow, when parsing', () => {
    const ok = format.parse('{"type":"array","x-cap":{"max":2}}');
    expect(format.compile(ok).validate([1, 2]).valid).toBe(true);
    expect(format.compile(ok).validate([1, 3]).valid).toBe(false);
    for (const value of ['{"limit":2}', '{"max":"2"}', '7']) {
      expect(() => format.parse(`{"type":"array","x-cap":${value}}`), value).toThrow(
        SchemaParseError,
      );
    }
    const nested = '{"properties":{"a":{"type":"array","x-cap":{"limit":2}}}}';
    expect(() => format.parse(nested)).toThrow(
      expect.objectContaining({
        problems: [expect.objectContaining({ path: '/properties/a/x-cap' })],
      }),
    );
    // Without the keyword, the same value is an unknown keyword, ignored as the specs say.
    expect(() => plain.parse('{"type":"array","x-cap":{"limit":2}}')).not.toThrow();
  });

  it("leaves the caller's keyword definitions as they were", () => {
    expect(capped).not.toHaveProperty('validateSchema');
  });

  it('applies known schemas in strict mode too', () => {
    const parsed = format.parse(schemaUsing(UNIT_ID, '2020-12'));
    const strict = format.compile(parsed, { strict: true });
    expect(strict.validate({ p: 0.1 }).valid).toBe(true);
    expect(strict.validate({ p: 0.1, q: 1 }).valid).toBe(false);
    expect(strict.validate({ p: -1 }).valid).toBe(false);
  });

  it('still refuses an unknown https ref with its location', () => {
    const unknown = schemaUsing('https://types.example/missing.json', '2020-12');
    expect(() => format.parse(unknown)).toThrow(SchemaParseError);
    expect(() => format.parse(unknown)).toThrow(
      /unresolvable \$ref "https:\/\/types.example\/missing.json" at "\/properties\/p\/\$ref"/,
    );
  });

  it('leaves a pool without options unaware of the known ids', () => {
    expect(() => plain.parse(schemaUsing(UNIT_ID, '2020-12'))).toThrow(/unresolvable \$ref/);
  });

  it('prefers a reference of the same name over a known schema', () => {
    const parsed = format.parse(schemaUsing(UNIT_ID, '2020-12'), {
      references: [
        {
          name: UNIT_ID,
          subject: 'unit',
          version: 1,
          schemaType: 'JSON',
          schema: '{"type":"string"}',
          references: [],
        },
      ],
    });
    expect(format.compile(parsed).validate({ p: 'text' }).valid).toBe(true);
    expect(format.compile(parsed).validate({ p: 0.5 }).valid).toBe(false);
  });
});
