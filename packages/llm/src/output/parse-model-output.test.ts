import { describe, expect, it } from 'vitest';
import { compileOutputValidator } from './compile-output-validator.ts';
import { parseModelOutput } from './parse-model-output.ts';
import { repairPrompt } from './repair-prompt.ts';

const person = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    age: { type: 'integer', minimum: 0 },
    status: { enum: ['active', 'retired'] },
    tags: { type: 'array', items: { type: 'string' } },
  },
  required: ['name', 'age'],
  additionalProperties: false,
};

describe('parseModelOutput finds the JSON', () => {
  it('accepts a bare JSON reply without repairs', () => {
    const result = parseModelOutput('{"name": "Ada", "age": 36}', person);
    expect(result).toMatchObject({
      valid: true,
      data: { name: 'Ada', age: 36 },
      errors: [],
      repairs: [],
    });
    expect(result.code).toBeUndefined();
  });

  it('takes the JSON out of a fenced block inside prose and says so', () => {
    const text =
      'Sure! Here is the record:\n\n```json\n{"name": "Ada", "age": 36}\n```\nAnything else?';
    const result = parseModelOutput(text, person);
    expect(result.valid).toBe(true);
    expect(result.repairs).toEqual([
      {
        kind: 'extract',
        message: 'took the JSON from a fenced code block',
        offset: 35,
        line: 4,
        column: 1,
      },
    ]);
    expect(result.candidates).toEqual([
      expect.objectContaining({ source: 'fence', complete: true, chosen: true, status: 'valid' }),
    ]);
  });

  it('prefers the last complete candidate when several validate', () => {
    const text = 'First try: {"name": "A", "age": 1}. Corrected: {"name": "B", "age": 2}';
    expect(parseModelOutput(text, person).data).toEqual({ name: 'B', age: 2 });
  });

  it('prefers a valid candidate over a later invalid one', () => {
    const text =
      '```json\n{"name": "A", "age": 1}\n```\nFor example the field looks like {"age": "x"}';
    const result = parseModelOutput(text, person);
    expect(result.data).toEqual({ name: 'A', age: 1 });
    expect(result.candidates.map((c) => c.status)).toEqual(['valid', 'invalid']);
  });

  it('ignores braces inside strings while scanning prose', () => {
    const text = 'Result: {"name": "curly } brace {", "age": 3} done';
    expect(parseModelOutput(text, person).data).toEqual({ name: 'curly } brace {', age: 3 });
  });

  it('reads an unlabelled fence and a bare scalar reply', () => {
    expect(parseModelOutput('```\n{"name": "Ada", "age": 1}\n```', person).valid).toBe(true);
    expect(parseModelOutput(' 42 ', { type: 'integer' })).toMatchObject({ valid: true, data: 42 });
  });
});

describe('parseModelOutput repairs damaged JSON and lists each change', () => {
  it('removes a trailing comma', () => {
    const result = parseModelOutput('{"name": "Ada", "age": 36,}', person);
    expect(result.valid).toBe(true);
    expect(result.repairs).toEqual([
      {
        kind: 'syntax',
        message: 'removed a trailing comma',
        offset: 25,
        line: 1,
        column: 26,
        removed: ',',
      },
    ]);
  });

  it('replaces single quotes and removes comments', () => {
    const result = parseModelOutput("{'name': 'Ada', // the name\n 'age': 36}", person);
    expect(result.valid).toBe(true);
    const messages = result.repairs.map((r) => r.message);
    expect(messages.filter((m) => m.includes('quote')).length).toBe(6);
    expect(messages.some((m) => m.startsWith('removed a comment'))).toBe(true);
  });

  it('completes a truncated reply and marks the candidate incomplete', () => {
    const result = parseModelOutput('```json\n{"name": "Ada", "age": 36, "tags": ["a", "b', person);
    expect(result.valid).toBe(true);
    expect(result.data).toEqual({ name: 'Ada', age: 36, tags: ['a', 'b'] });
    expect(result.repairs.at(-1)).toMatchObject({ kind: 'truncation', inserted: '"]}' });
    expect(result.candidates[0]).toMatchObject({ complete: false, repaired: true });
  });

  it('reports unrepairable JSON with a stable code', () => {
    const result = parseModelOutput('{"name": "Ada", "age": 36} ] ] {"a": ::: }', person, {
      repair: false,
    });
    expect(result.valid).toBe(true);
    const broken = parseModelOutput('{"a" 1 2 3 : : }', person, { repair: false });
    expect(broken).toMatchObject({ valid: false, code: 'OUTPUT_INVALID_JSON' });
  });

  it('does not repair when repair is off', () => {
    expect(parseModelOutput('{"name": "Ada", "age": 36,}', person, { repair: false }).code).toBe(
      'OUTPUT_INVALID_JSON',
    );
  });
});

describe('parseModelOutput coerces scalars only when asked', () => {
  it('leaves "42" alone by default and reports the type error', () => {
    const result = parseModelOutput('{"name": "Ada", "age": "42"}', person);
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      {
        path: '/age',
        keyword: 'type',
        message: 'must be integer',
        expected: 'integer',
        received: '"42"',
      },
    ]);
  });

  it('converts "42" to 42 for an integer field and records it', () => {
    const result = parseModelOutput('{"name": "Ada", "age": "42"}', person, { coerce: true });
    expect(result).toMatchObject({ valid: true, data: { name: 'Ada', age: 42 } });
    expect(result.repairs).toEqual([
      { kind: 'coerce', path: '/age', message: 'converted "42" to 42 (integer)' },
    ]);
  });

  it('does not coerce where the schema is ambiguous', () => {
    const schema = {
      type: 'object',
      properties: {
        v: { anyOf: [{ type: 'integer' }, { type: 'string' }] },
        w: { type: 'integer' },
      },
    };
    const result = parseModelOutput('{"v": "1", "w": "1.5"}', schema, { coerce: true });
    expect(result.data).toEqual({ v: '1', w: '1.5' });
    expect(result.repairs).toEqual([]);
  });

  it('follows $ref and items to coerce nested values', () => {
    const schema = {
      type: 'object',
      properties: { xs: { type: 'array', items: { $ref: '#/$defs/flag' } } },
      $defs: { flag: { type: 'boolean' } },
    };
    expect(
      parseModelOutput('{"xs": ["true", "false", "maybe"]}', schema, { coerce: true }).data,
    ).toEqual({ xs: [true, false, 'maybe'] });
  });
});

describe('parseModelOutput validation errors', () => {
  it('names missing, extra and enum-violating properties with what was expected', () => {
    const result = parseModelOutput('{"age": -1, "status": "dead", "nick": "x"}', person);
    expect(result.code).toBe('OUTPUT_SCHEMA_MISMATCH');
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: '/name', keyword: 'required', expected: 'string' }),
        expect.objectContaining({ path: '/nick', keyword: 'additionalProperties' }),
        expect.objectContaining({
          path: '/status',
          keyword: 'enum',
          expected: 'one of "active", "retired"',
          received: '"dead"',
        }),
        expect.objectContaining({
          path: '/age',
          keyword: 'minimum',
          expected: '>= 0',
          received: '-1',
        }),
      ]),
    );
  });

  it('validates draft-07 schemas with the draft-07 dialect', () => {
    const schema = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'array',
      items: [{ type: 'string' }],
      additionalItems: false,
    };
    expect(parseModelOutput('["a"]', schema).valid).toBe(true);
    expect(parseModelOutput('["a", 1]', schema).valid).toBe(false);
  });

  it('validates draft-06 and 2019-09 schemas, and refuses draft-04 with a clear code', () => {
    expect(
      parseModelOutput('1', { $schema: 'http://json-schema.org/draft-06/schema#', type: 'integer' })
        .valid,
    ).toBe(true);
    expect(
      parseModelOutput('"a"', {
        $schema: 'https://json-schema.org/draft/2019-09/schema',
        type: 'integer',
      }).valid,
    ).toBe(false);
    expect(() =>
      parseModelOutput('1', { $schema: 'http://json-schema.org/draft-04/schema#' }),
    ).toThrow(
      expect.objectContaining({
        code: 'OUTPUT_SCHEMA_INVALID',
        message: expect.stringContaining('validate'),
      }),
    );
  });

  it('uses a precompiled validator when given one', () => {
    const validate = compileOutputValidator({ type: 'object', required: ['ok'] });
    expect(parseModelOutput('{"ok": 1}', undefined, { validate }).valid).toBe(true);
    expect(parseModelOutput('{}', undefined, { validate }).errors[0]).toMatchObject({
      path: '/ok',
      keyword: 'required',
    });
  });

  it('throws OUTPUT_SCHEMA_INVALID for a schema that does not compile', () => {
    expect(() => parseModelOutput('{}', { type: 'nope' })).toThrow(
      expect.objectContaining({ code: 'OUTPUT_SCHEMA_INVALID' }),
    );
  });
});

describe('parseModelOutput is bounded on hostile input', () => {
  it('refuses text over the size bound', () => {
    const result = parseModelOutput('x'.repeat(1_000_001), person);
    expect(result).toMatchObject({ valid: false, code: 'OUTPUT_TOO_LARGE' });
  });

  it('reports no JSON in plain prose', () => {
    expect(parseModelOutput('I cannot help with that.', person).code).toBe('OUTPUT_NO_JSON');
    expect(parseModelOutput('', person).code).toBe('OUTPUT_NO_JSON');
  });

  it('refuses JSON nested deeper than the bound without overflowing the stack', () => {
    const deep = `${'['.repeat(300_000)}${']'.repeat(300_000)}`;
    expect(parseModelOutput(deep, {}).code).toBe('OUTPUT_TOO_DEEP');
    expect(parseModelOutput('['.repeat(500_000), {}).code).toBe('OUTPUT_TOO_DEEP');
  });

  it('examines only the last candidates of a reply full of them', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `{"name": "n${i}", "age": ${i}}`).join(
      ' and ',
    );
    const result = parseModelOutput(text, person, { maxCandidates: 8 });
    expect(result.data).toEqual({ name: 'n4999', age: 4999 });
    expect(result.candidates).toHaveLength(8);
    expect(result.skippedCandidates).toBe(4992);
  });

  it('reads a megabyte of unbalanced brackets as one truncated candidate, refused as too deep', () => {
    const result = parseModelOutput(`${'[{'.repeat(250_000)}`, {});
    expect(result.code).toBe('OUTPUT_TOO_DEEP');
    expect(result.candidates).toEqual([
      expect.objectContaining({ start: 0, end: 500_000, complete: false }),
    ]);
  });

  it('survives a repair library failure on hostile nesting', () => {
    const result = parseModelOutput(`${'[{"a":'.repeat(100_000)}`, {}, { maxDepth: 1_000_000 });
    expect(result.valid === true || result.code === 'OUTPUT_INVALID_JSON').toBe(true);
  });
});

describe('repairPrompt', () => {
  it('lists each problem with its path, the expected type and the allowed values', () => {
    const result = parseModelOutput('{"age": "x", "status": "dead", "nick": 1}', person);
    expect(repairPrompt(result)).toBe(
      [
        'Your JSON does not match the required schema. Fix these and reply with only the corrected JSON:',
        '- the top level: add this missing property (string)',
        '- "/nick": remove this property, it is not allowed',
        '- "/age": must be integer (got "x")',
        '- "/status": must be one of "active", "retired" (got "dead")',
      ]
        .join('\n')
        .replace(
          '- the top level: add this missing property (string)',
          '- "/name": add this missing property (string)',
        ),
    );
  });

  it('asks for JSON when there was none, and returns undefined when valid', () => {
    expect(repairPrompt(parseModelOutput('no idea', person))).toMatch(/contained no JSON/);
    expect(repairPrompt(parseModelOutput('{"name": "a", "age": 1}', person))).toBeUndefined();
  });

  it('caps the list and counts the rest', () => {
    const schema = { type: 'object', additionalProperties: false };
    const text = JSON.stringify(
      Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`k${i}`, i])),
    );
    const prompt = repairPrompt(parseModelOutput(text, schema), { maxErrors: 3 })!;
    expect(prompt.split('\n')).toHaveLength(5);
    expect(prompt).toMatch(/and 12 more problem/);
  });
});

describe('parseModelOutput against catastrophic patterns', () => {
  it('matches a backtracking-prone pattern in linear time on a crafted reply', () => {
    const schema = { type: 'object', properties: { id: { type: 'string', pattern: '^(a+)+$' } } };
    const reply = JSON.stringify({ id: `${'a'.repeat(50_000)}!` });
    const result = parseModelOutput(reply, schema);
    expect(result.errors).toEqual([expect.objectContaining({ path: '/id', keyword: 'pattern' })]);
  });
});
