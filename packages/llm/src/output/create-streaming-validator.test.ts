import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileOutputValidator } from './compile-output-validator.ts';
import { createStreamingValidator } from './create-streaming-validator.ts';

type Schema = Record<string, unknown>;

const answer: Schema = {
  type: 'object',
  properties: {
    mood: { enum: ['happy', 'sad', 'hangry'] },
    score: { type: 'integer', minimum: 0, maximum: 10 },
    tags: { type: 'array', items: { type: 'string', maxLength: 5 }, maxItems: 3 },
    detail: {
      type: 'object',
      properties: { note: { type: 'string' } },
      required: ['note'],
      additionalProperties: false,
    },
  },
  required: ['mood'],
  additionalProperties: false,
};

function feed(schema: unknown, chunks: string[]) {
  const stream = createStreamingValidator(schema);
  const updates = chunks.map((chunk) => stream.push(chunk));
  return { stream, updates };
}

describe('createStreamingValidator reports the first violation as soon as it is certain', () => {
  it('reports an enum miss when no allowed value starts with the prefix', () => {
    const { updates } = feed(answer, ['{"mood": "ha', 'p', 'z']);
    expect(updates.map((u) => u.violation?.keyword)).toEqual([undefined, undefined, 'enum']);
    expect(updates[2]!.violation).toMatchObject({
      path: '/mood',
      offset: 14,
      expected: 'one of "happy", "sad", "hangry"',
    });
  });

  it('reports a wrong type at the first character of the value', () => {
    const { updates } = feed(answer, ['{"score": ', '"', '7"}']);
    expect(updates.map((u) => u.violation?.keyword)).toEqual([undefined, 'type', 'type']);
    expect(updates[1]!.violation).toMatchObject({ path: '/score', expected: 'integer' });
  });

  it('reports a non-integer and an out-of-range number only once the number ends', () => {
    expect(feed(answer, ['{"score": 1.5']).updates[0]!.violation).toBeUndefined();
    expect(feed(answer, ['{"score": 1.5,']).updates[0]!.violation).toMatchObject({
      keyword: 'type',
      path: '/score',
    });
    expect(feed(answer, ['{"score": 11}']).updates[0]!.violation).toMatchObject({
      keyword: 'maximum',
      expected: '<= 10',
    });
  });

  it('reports an unknown property from the key prefix on a closed object', () => {
    const { updates } = feed(answer, ['{"mo', 'x']);
    expect(updates[0]!.violation).toBeUndefined();
    expect(updates[1]!.violation).toMatchObject({ keyword: 'additionalProperties', path: '' });
    expect(feed(answer, ['{"detail": {"note": "a", "x": 1}}']).updates[0]!.violation).toMatchObject(
      {
        keyword: 'additionalProperties',
        path: '/detail/x',
      },
    );
  });

  it('reports a missing required property when its object closes', () => {
    expect(feed(answer, ['{"detail": {']).updates[0]!.violation).toBeUndefined();
    expect(feed(answer, ['{"detail": {}']).updates[0]!.violation).toMatchObject({
      keyword: 'required',
      path: '/detail/note',
    });
  });

  it('reports too many items and too long strings early', () => {
    expect(feed(answer, ['{"tags": ["a", "b", "c", "d']).updates[0]!.violation).toMatchObject({
      keyword: 'maxItems',
      path: '/tags',
    });
    expect(feed(answer, ['{"tags": ["abcdef']).updates[0]!.violation).toMatchObject({
      keyword: 'maxLength',
      path: '/tags/0',
    });
  });

  it('reports syntax errors with a stable code', () => {
    expect(feed(answer, ['{"mood": "sad",}']).updates[0]!.violation).toMatchObject({
      keyword: 'syntax',
      code: 'OUTPUT_INVALID_JSON',
    });
  });

  it('follows $ref, allOf and anyOf type unions', () => {
    const schema = {
      $defs: { id: { type: 'integer' } },
      type: 'object',
      properties: {
        id: { $ref: '#/$defs/id' },
        v: { anyOf: [{ type: 'string' }, { type: 'null' }] },
        w: { allOf: [{ type: 'boolean' }] },
      },
    };
    expect(feed(schema, ['{"id": "']).updates[0]!.violation).toMatchObject({
      path: '/id',
      keyword: 'type',
    });
    expect(feed(schema, ['{"v": 1']).updates[0]!.violation).toMatchObject({
      path: '/v',
      expected: 'string or null',
    });
    expect(feed(schema, ['{"v": null, "w": 0']).updates[0]!.violation).toMatchObject({
      path: '/w',
    });
  });

  it('stays silent on what it cannot decide (oneOf exclusivity, not, pattern)', () => {
    const schema = { oneOf: [{ type: 'integer' }, { type: 'number' }], not: { const: 3 } };
    const { stream, updates } = feed(schema, ['3']);
    expect(updates[0]!.violation).toBeUndefined();
    expect(stream.end()).toMatchObject({ valid: false, violation: undefined });
  });
});

describe('createStreamingValidator yields top-level fields as they close', () => {
  it('yields scalars and containers in order, chunk by chunk', () => {
    const { updates } = feed(answer, [
      '{"mood": "sad", "tags": ["a"',
      ', "b"], "detail": {"note": "x"}',
      '}',
    ]);
    expect(updates.map((u) => u.fields)).toEqual([
      [{ key: 'mood', path: '/mood', value: 'sad' }],
      [
        { key: 'tags', path: '/tags', value: ['a', 'b'] },
        { key: 'detail', path: '/detail', value: { note: 'x' } },
      ],
      [],
    ]);
  });

  it('yields items of a root array', () => {
    expect(
      feed({ type: 'array' }, ['[1, {"a": [2]}, "x"]']).updates[0]!.fields.map((f) => f.value),
    ).toEqual([1, { a: [2] }, 'x']);
  });
});

describe('createStreamingValidator at the end of the stream', () => {
  it('gives the full verdict with data and errors', () => {
    const ok = feed(answer, ['{"mood": "sad"}']).stream.end();
    expect(ok).toMatchObject({ valid: true, data: { mood: 'sad' }, errors: [] });
    const truncated = feed(answer, ['{"mood": "sad"']).stream.end();
    expect(truncated).toMatchObject({ valid: false, violation: { keyword: 'syntax' } });
  });

  it('refuses a stream over the size bound and nesting over the depth bound', () => {
    const big = createStreamingValidator({}, { maxLength: 10 });
    expect(big.push('[1,2,3,4,5,6]').violation).toMatchObject({ code: 'OUTPUT_TOO_LARGE' });
    const deep = createStreamingValidator({});
    expect(deep.push('['.repeat(100_000)).violation).toMatchObject({ code: 'OUTPUT_TOO_DEEP' });
    expect(deep.end().valid).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests against the full validator (JSON.parse + ajv) on random documents and prefixes.

const SCHEMAS: (Schema | boolean)[] = [
  answer,
  { type: 'array', items: { type: 'integer' }, minItems: 1, maxItems: 4 },
  {
    type: 'object',
    properties: { a: { const: 'x' }, b: { type: ['string', 'null'] } },
    additionalProperties: { type: 'number' },
  },
  {
    type: 'object',
    patternProperties: { '^x-': { type: 'string' } },
    additionalProperties: false,
    maxProperties: 3,
  },
  {
    $defs: {
      node: {
        type: 'object',
        properties: {
          v: { type: 'integer' },
          next: { anyOf: [{ $ref: '#/$defs/node' }, { type: 'null' }] },
        },
        required: ['v'],
      },
    },
    $ref: '#/$defs/node',
  },
  {
    allOf: [{ type: 'object', required: ['k'] }, { properties: { k: { enum: [1, 'one', null] } } }],
  },
  { type: 'string', minLength: 2, maxLength: 4 },
  { enum: ['ab', 'abc', 'b\u00e9'] },
  {
    type: 'object',
    properties: { n: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 } },
  },
  {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'array',
    items: [{ type: 'string' }, { type: 'boolean' }],
    additionalItems: false,
  },
  false,
  true,
];

/** Values that often fit the schemas above, and arbitrary JSON that usually does not. */
const nearValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(
      'happy',
      'sad',
      'hangry',
      'hap',
      'x',
      'one',
      'ab',
      'abc',
      'b\u00e9',
      'abcdef',
      'x-a',
      'x-',
      '',
    ),
    fc.constantFrom(0, 1, 2, 7, 10, 11, -1, 0.5, 1.5, 1e21, 1, null, true, false),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(
      fc.constantFrom(
        'mood',
        'score',
        'tags',
        'detail',
        'note',
        'a',
        'b',
        'c',
        'k',
        'v',
        'next',
        'n',
        'x-a',
        'x-b',
        'moo',
      ),
      tie('value'),
      { maxKeys: 4 },
    ),
  ),
})).value;

/** Document texts: serialised values, sometimes pretty-printed or damaged (cut, a character dropped or added). */
const documentText = fc
  .tuple(
    fc.oneof(nearValue, fc.jsonValue({ maxDepth: 3 })),
    fc.constantFrom(0, 2),
    fc.nat(),
    fc.nat({ max: 9 }),
    fc.constantFrom(',', '"', '}', ']', ' ', '1', 'e', '-'),
  )
  .map(([value, indent, position, damage, insert]) => {
    const text = JSON.stringify(value, null, indent) ?? 'null';
    const at = position % (text.length + 1);
    if (damage === 0) return text.slice(0, at);
    if (damage === 1) return text.slice(0, at) + text.slice(at + 1);
    if (damage === 2) return text.slice(0, at) + insert + text.slice(at);
    return text;
  });

/** Documents valid for each schema of {@link SCHEMAS} (same index), generated from the schema's shape. */
const text5 = fc.string({ maxLength: 5 });
const node: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.record(
    {
      v: fc.integer(),
      next: fc.oneof({ depthSize: 'small' }, fc.constant(null), tie('node')),
      extra: fc.jsonValue({ maxDepth: 1 }),
    },
    { requiredKeys: ['v'] },
  ),
})).node;
const VALID: (fc.Arbitrary<unknown> | undefined)[] = [
  fc.record(
    {
      mood: fc.constantFrom('happy', 'sad', 'hangry'),
      score: fc.integer({ min: 0, max: 10 }),
      tags: fc.array(text5, { maxLength: 3 }),
      detail: fc.record({ note: fc.string() }),
    },
    { requiredKeys: ['mood'] },
  ),
  fc.array(fc.integer(), { minLength: 1, maxLength: 4 }),
  fc
    .tuple(
      fc.record(
        { a: fc.constant('x'), b: fc.option(fc.string(), { nil: null }) },
        { requiredKeys: [] },
      ),
      fc.dictionary(
        fc.string().filter((k) => k !== 'a' && k !== 'b'),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
      ),
    )
    .map(([known, rest]) => ({ ...rest, ...known })),
  fc.dictionary(
    text5.map((k) => `x-${k}`),
    fc.string(),
    { maxKeys: 3 },
  ),
  node,
  fc
    .tuple(
      fc.constantFrom(1, 'one', null),
      fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }),
    )
    .map(([k, rest]) => ({ ...rest, k })),
  fc.string({ minLength: 2, maxLength: 4 }),
  fc.constantFrom('ab', 'abc', 'b\u00e9'),
  fc.record({ n: fc.double({ min: 0.001, max: 0.999, noNaN: true }) }, { requiredKeys: [] }),
  fc.oneof(fc.constant([]), fc.tuple(fc.string()), fc.tuple(fc.string(), fc.boolean())),
  undefined,
  fc.jsonValue({ maxDepth: 3 }),
];

function splitAt(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let last = 0;
  for (const p of [...points, text.length]) {
    chunks.push(text.slice(last, p));
    last = p;
  }
  return chunks;
}

function fullValid(schema: unknown, text: string): boolean {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return false;
  }
  return compileOutputValidator(schema)(data);
}

describe('createStreamingValidator against the full validator (property)', () => {
  it('never reports a violation for a document the full validator accepts, and agrees at the end', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SCHEMAS),
        documentText,
        fc.array(fc.nat(), { maxLength: 8 }),
        (schema, text, cuts) => {
          const expected = fullValid(schema, text);
          const stream = createStreamingValidator(schema);
          for (const chunk of splitAt(text, cuts)) {
            const { violation } = stream.push(chunk);
            // Soundness: a reported violation means the whole document is invalid.
            if (violation !== undefined)
              expect(expected, `${JSON.stringify(violation)} on ${text}`).toBe(false);
          }
          expect(stream.end().valid, text).toBe(expected);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('never reports a violation while streaming documents generated valid for the schema, even byte by byte', () => {
    const cases = SCHEMAS.flatMap((schema, i) =>
      VALID[i] === undefined ? [] : [fc.tuple(fc.constant(schema), VALID[i]!)],
    );
    fc.assert(
      fc.property(
        fc.oneof(...cases),
        fc.constantFrom(0, 2),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.boolean(),
        ([schema, value], indent, cuts, bytewise) => {
          const text = JSON.stringify(value, null, indent);
          expect(fullValid(schema, text), text).toBe(true);
          const stream = createStreamingValidator(schema);
          const chunks = bytewise ? [...text] : splitAt(text, cuts);
          for (const chunk of chunks) expect(stream.push(chunk).violation, text).toBeUndefined();
          expect(stream.end().valid).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reports violations on prefixes of any document only when every completion is invalid', () => {
    // A prefix with a violation, completed in many ways, must never validate.
    fc.assert(
      fc.property(
        fc.constantFrom(...SCHEMAS),
        nearValue,
        nearValue,
        fc.nat(),
        (schema, value, other, position) => {
          const text = JSON.stringify(value);
          const prefix = text.slice(0, position % (text.length + 1));
          const stream = createStreamingValidator(schema);
          if (stream.push(prefix).violation === undefined) return;
          for (const completion of [text, `${prefix}${JSON.stringify(other).slice(1)}`]) {
            if (completion.startsWith(prefix))
              expect(fullValid(schema, completion), completion).toBe(false);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('reports an early violation for most invalid documents (the check is useful, not just silent)', () => {
    let invalid = 0;
    let caught = 0;
    fc.assert(
      fc.property(
        fc.constantFrom<unknown>(answer, SCHEMAS[1]!, SCHEMAS[3]!),
        nearValue,
        (schema, value) => {
          const text = JSON.stringify(value);
          if (fullValid(schema, text)) return;
          invalid++;
          if (createStreamingValidator(schema).push(text).violation !== undefined) caught++;
        },
      ),
      { numRuns: 500 },
    );
    expect(caught / invalid).toBeGreaterThan(0.9);
  });
});
