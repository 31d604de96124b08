import { describe, expect, it } from 'vitest';
import { type ResolvedReference, SchemaParseError } from '../schema-format.js';
import { jsonDraftOf, jsonSchemaFormat } from './json-schema-format.js';

function parseError(text: string, references?: ResolvedReference[]): SchemaParseError {
  try {
    jsonSchemaFormat.parse(text, { references });
  } catch (error) {
    expect(error).toBeInstanceOf(SchemaParseError);
    return error as SchemaParseError;
  }
  throw new Error(`expected ${text.slice(0, 80)} to be rejected`);
}

function reference(
  name: string,
  schema: unknown,
  references: ResolvedReference[] = [],
): ResolvedReference {
  return {
    name,
    subject: name,
    version: 1,
    schemaType: 'JSON',
    schema: JSON.stringify(schema),
    references,
  };
}

const person = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1 },
    age: { type: 'integer', minimum: 0 },
    email: { type: 'string', format: 'email' },
  },
  required: ['name'],
};

describe('drafts', () => {
  it.each([
    ['http://json-schema.org/draft-07/schema#', 'draft-07'],
    ['https://json-schema.org/draft-07/schema', 'draft-07'],
    ['https://json-schema.org/draft/2019-09/schema', '2019-09'],
    ['https://json-schema.org/draft/2020-12/schema', '2020-12'],
    ['http://json-schema.org/draft/2020-12/schema#', '2020-12'],
  ])('picks the draft from $schema %s', (uri, draft) => {
    expect(
      jsonDraftOf(jsonSchemaFormat.parse(JSON.stringify({ $schema: uri, type: 'string' }))),
    ).toBe(draft);
  });

  it('defaults to draft-07 without $schema, as Confluent does', () => {
    const parsed = jsonSchemaFormat.parse('{"type":"string"}');
    expect(parsed.jsonDraft).toBe('draft-07');
    expect(jsonDraftOf(parsed)).toBe('draft-07');
  });

  it('rejects an unknown $schema with its pointer', () => {
    const error = parseError('{"$schema":"http://json-schema.org/draft-03/schema#"}');
    expect(error.message).toContain('unsupported $schema');
    expect(error.problems[0]?.path).toBe('/$schema');
  });

  it('rejects a non-string $schema', () => {
    expect(parseError('{"$schema":42}').problems[0]?.path).toBe('/$schema');
  });

  it('applies draft semantics: prefixItems only means something in 2020-12', () => {
    const schema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      prefixItems: [{ type: 'string' }],
      items: false,
    };
    const modern = jsonSchemaFormat.compile(jsonSchemaFormat.parse(JSON.stringify(schema)));
    expect(modern.validate(['a']).valid).toBe(true);
    expect(modern.validate(['a', 'b']).valid).toBe(false);
    const draft7 = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      items: { type: 'string' },
    };
    const old = jsonSchemaFormat.compile(jsonSchemaFormat.parse(JSON.stringify(draft7)));
    expect(old.validate(['a', 'b']).valid).toBe(true);
    expect(old.validate(['a', 1]).valid).toBe(false);
  });

  it('accepts boolean schemas', () => {
    expect(jsonSchemaFormat.compile(jsonSchemaFormat.parse('true')).validate(42).valid).toBe(true);
    expect(jsonSchemaFormat.compile(jsonSchemaFormat.parse('false')).validate(42).valid).toBe(
      false,
    );
  });
});

describe('canonical form and fingerprint', () => {
  it('sorts keys and drops whitespace', () => {
    const parsed = jsonSchemaFormat.parse(
      '{ "type" : "object",\n  "required": ["b", "a"], "$comment": "x" }',
    );
    expect(parsed.canonical).toBe(
      '{"$comment":"x","$schema":"http://json-schema.org/draft-07/schema#","required":["b","a"],"type":"object"}',
    );
    expect(parsed.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(parsed.schemaType).toBe('JSON');
    expect(parsed.native).toEqual({ type: 'object', required: ['b', 'a'], $comment: 'x' });
  });

  it('gives the same fingerprint whatever the formatting and key order', () => {
    const a = jsonSchemaFormat.parse(JSON.stringify(person));
    const b = jsonSchemaFormat.parse(JSON.stringify(person, null, 4));
    const reordered = {
      required: ['name'],
      properties: {
        email: person.properties.email,
        age: person.properties.age,
        name: person.properties.name,
      },
      type: 'object',
    };
    const c = jsonSchemaFormat.parse(JSON.stringify(reordered));
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(c.fingerprint).toBe(a.fingerprint);
    expect(c.canonical).toBe(a.canonical);
  });

  it('keeps array order significant and prints numbers as JSON does', () => {
    const a = jsonSchemaFormat.parse('{"enum":[1,2]}');
    const b = jsonSchemaFormat.parse('{"enum":[2,1]}');
    expect(a.fingerprint).not.toBe(b.fingerprint);
    expect(jsonSchemaFormat.parse('{"maximum":1.50,"minimum":1e2}').canonical).toBe(
      '{"$schema":"http://json-schema.org/draft-07/schema#","maximum":1.5,"minimum":100}',
    );
  });

  it('matches the SHA-256 of the canonical text', async () => {
    const { createHash } = await import('node:crypto');
    const parsed = jsonSchemaFormat.parse('{"type":"string"}');
    expect(parsed.fingerprint).toBe(createHash('sha256').update(parsed.canonical).digest('hex'));
    expect(parsed.canonical).toBe(
      '{"$schema":"http://json-schema.org/draft-07/schema#","type":"string"}',
    );
  });
});

describe('errors with locations', () => {
  it('reports line and column of a JSON syntax error', () => {
    const error = parseError('{\n  "type": "object",\n  "properties": {,}\n}');
    expect(error.problems[0]).toMatchObject({ line: 3, column: 18, path: '3:18' });
    expect(error.message).toContain('3:18');
  });

  it('reports a truncated text at its end', () => {
    expect(parseError('{"type": "str').problems[0]).toMatchObject({ line: 1, column: 14 });
  });

  it('rejects JSON that is neither an object nor a boolean', () => {
    for (const text of ['[]', '"string"', '42', 'null']) {
      expect(parseError(text).message).toContain('object or boolean');
    }
  });

  it('reports the JSON pointer of a meta-schema violation', () => {
    const error = parseError('{"type":"object","properties":{"a":{"type":"strin"}}}');
    expect(error.problems[0]?.path).toBe('/properties/a/type');
    expect(error.message).toContain('/properties/a/type');
  });

  it('reports a negative minLength at its pointer', () => {
    expect(parseError('{"minLength":-1}').problems[0]?.path).toBe('/minLength');
  });

  it('reports an invalid regular expression at its pointer', () => {
    const error = parseError('{"properties":{"a":{"pattern":"(["}}}');
    // draft-07's meta-schema says `format: regex`; ajv's compile says "regular expression".
    expect(error.message).toMatch(/regular expression|"regex"/i);
    expect(error.problems[0]?.path).toBe('/properties/a/pattern');
    expect(parseError('{"patternProperties":{"x(":{}}}').problems[0]?.path).toBe(
      '/patternProperties/x(',
    );
  });
});

describe('validation', () => {
  const validator = jsonSchemaFormat.compile(jsonSchemaFormat.parse(JSON.stringify(person)));

  it('accepts a valid document without errors', () => {
    const result = validator.validate({ name: 'Ada', age: 36, email: 'ada@example.com' });
    expect(result).toMatchObject({ valid: true, errors: [], warnings: [] });
    expect(result.validationTimeMs).toBeGreaterThanOrEqual(0);
  });

  it('collects every error with its JSON pointer and keyword', () => {
    const result = validator.validate({ age: -1, email: 'not-an-email' });
    expect(result.valid).toBe(false);
    const summary = result.errors.map((error) => `${error.path} ${error.keyword}`).sort();
    expect(summary).toEqual([' required', '/age minimum', '/email format']);
  });

  it('escapes pointer segments', () => {
    const v = jsonSchemaFormat.compile(
      jsonSchemaFormat.parse(
        '{"properties":{"a/b~c":{"type":"string"}},"additionalProperties":false}',
      ),
    );
    expect(v.validate({ 'a/b~c': 1 }).errors[0]?.path).toBe('/a~1b~0c');
    expect(v.validate({ 'x/y': 1 }).errors[0]).toMatchObject({
      path: '/x~1y',
      keyword: 'additionalProperties',
    });
  });

  it('does not take prototype members for required properties', () => {
    const v = jsonSchemaFormat.compile(
      jsonSchemaFormat.parse('{"required":["constructor","toString"]}'),
    );
    expect(v.validate({}).valid).toBe(false);
    expect(v.validate({ constructor: 1, toString: 2 }).valid).toBe(true);
  });

  it('skips timing on request and then reuses one frozen result for valid documents', () => {
    const untimed = jsonSchemaFormat.compile(jsonSchemaFormat.parse('{"type":"integer"}'), {
      timing: false,
    });
    const first = untimed.validate(1);
    expect(first).toEqual({ valid: true, errors: [], warnings: [], validationTimeMs: 0 });
    expect(untimed.validate(2)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(untimed.validate('x').errors[0]?.keyword).toBe('type');
  });

  it('keeps two versions with the same $id apart (each compile has its own ajv instance)', () => {
    const v1 = jsonSchemaFormat.compile(
      jsonSchemaFormat.parse(
        '{"$id":"https://example.com/user","$defs":{"n":{"$id":"name","type":"string"}},"properties":{"n":{"$ref":"name"}}}',
      ),
    );
    const v2 = jsonSchemaFormat.compile(
      jsonSchemaFormat.parse(
        '{"$id":"https://example.com/user","$defs":{"n":{"$id":"name","type":"integer"}},"properties":{"n":{"$ref":"name"}}}',
      ),
    );
    expect(v1.validate({ n: 'a' }).valid).toBe(true);
    expect(v1.validate({ n: 1 }).valid).toBe(false);
    expect(v2.validate({ n: 1 }).valid).toBe(true);
    expect(v2.validate({ n: 'a' }).valid).toBe(false);
  });

  it('compiles the same parsed schema more than once', () => {
    const parsed = jsonSchemaFormat.parse('{"type":"integer"}');
    expect(jsonSchemaFormat.compile(parsed).validate(1).valid).toBe(true);
    expect(jsonSchemaFormat.compile(parsed).validate('1').valid).toBe(false);
  });

  it('compiles a ParsedSchema it did not parse (read back from storage)', () => {
    const parsed = jsonSchemaFormat.parse('{"type":"integer"}');
    const copy = { ...parsed, native: JSON.parse(parsed.canonical) };
    expect(jsonSchemaFormat.compile(copy).validate('x').valid).toBe(false);
  });

  it('accepts an empty enum in 2020-12 and matches nothing', () => {
    const text =
      '{"$schema":"https://json-schema.org/draft/2020-12/schema","properties":{"a":{"enum":[]}}}';
    expect(parseError('{"properties":{"a":{"enum":[]}}}').problems[0]?.path).toBe(
      '/properties/a/enum',
    );
    const v = jsonSchemaFormat.compile(jsonSchemaFormat.parse(text));
    expect(v.validate({}).valid).toBe(true);
    expect(v.validate({ a: 1 }).valid).toBe(false);
  });
});

describe('warnings', () => {
  it('reports an unknown format once in every result and ignores it', () => {
    const v = jsonSchemaFormat.compile(
      jsonSchemaFormat.parse('{"properties":{"a":{"format":"no-such-format"}}}'),
    );
    const result = v.validate({ a: 'x' });
    expect(result.valid).toBe(true);
    expect(result.warnings).toEqual([expect.stringContaining('unknown format "no-such-format"')]);
  });
});

describe('strict mode', () => {
  const schema = {
    $defs: { address: { type: 'object', properties: { city: { type: 'string' } } } },
    type: 'object',
    properties: {
      name: { type: 'string' },
      home: { $ref: '#/$defs/address' },
      tags: { type: 'array', items: { type: 'object', properties: { key: { type: 'string' } } } },
      extra: {},
    },
    allOf: [{ properties: { id: { type: 'integer' } } }],
  };
  const parsed = jsonSchemaFormat.parse(JSON.stringify(schema));
  const lenient = jsonSchemaFormat.compile(parsed);
  const strict = jsonSchemaFormat.compile(parsed, { strict: true });

  it('accepts documents that only use declared properties, including through allOf and $ref', () => {
    const doc = {
      id: 1,
      name: 'x',
      home: { city: 'Oslo' },
      tags: [{ key: 'k' }],
      extra: { any: 1 },
    };
    expect(strict.validate(doc)).toMatchObject({ valid: true, errors: [] });
  });

  it('rejects an unknown property at the root', () => {
    expect(lenient.validate({ name: 'x', nickname: 'y' }).valid).toBe(true);
    expect(strict.validate({ name: 'x', nickname: 'y' }).errors).toEqual([
      {
        path: '/nickname',
        keyword: 'unevaluatedProperties',
        message: expect.stringContaining('nickname'),
      },
    ]);
  });

  it('rejects unknown properties in nested objects, referenced definitions and array items', () => {
    const result = strict.validate({
      home: { city: 'Oslo', zip: '0150' },
      tags: [{ key: 'k', value: 'v' }],
    });
    expect(result.errors.map((error) => error.path).sort()).toEqual(['/home/zip', '/tags/0/value']);
    expect(lenient.validate({ home: { city: 'Oslo', zip: '0150' } }).valid).toBe(true);
  });

  it('leaves unconstrained subschemas and explicit additionalProperties open', () => {
    const open = jsonSchemaFormat.parse(
      '{"properties":{"meta":{"type":"object","additionalProperties":true}}}',
    );
    expect(
      jsonSchemaFormat.compile(open, { strict: true }).validate({ meta: { x: 1 } }).valid,
    ).toBe(true);
  });

  it('works on draft-07 schemas too', () => {
    const draft7 = jsonSchemaFormat.parse(
      JSON.stringify({
        $schema: 'http://json-schema.org/draft-07/schema#',
        definitions: { a: { properties: { x: { type: 'number' } } } },
        properties: { a: { $ref: '#/definitions/a' } },
      }),
    );
    const v = jsonSchemaFormat.compile(draft7, { strict: true });
    expect(v.validate({ a: { x: 1 } }).valid).toBe(true);
    expect(v.validate({ a: { x: 1, y: 2 } }).errors[0]?.path).toBe('/a/y');
    expect(v.validate({ b: 1 }).errors[0]?.path).toBe('/b');
  });
});

describe('references', () => {
  const address = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };

  it('resolves a $ref by reference name', () => {
    const parsed = jsonSchemaFormat.parse('{"properties":{"home":{"$ref":"address.json"}}}', {
      references: [reference('address.json', address)],
    });
    const v = jsonSchemaFormat.compile(parsed);
    expect(v.validate({ home: { city: 'Oslo' } }).valid).toBe(true);
    expect(v.validate({ home: {} }).errors[0]).toMatchObject({
      path: '/home',
      keyword: 'required',
    });
    expect(parsed.references).toHaveLength(1);
  });

  it('resolves a $ref by the referenced schema $id', () => {
    const withId = { $id: 'https://example.com/schemas/address', ...address };
    const parsed = jsonSchemaFormat.parse(
      '{"properties":{"home":{"$ref":"https://example.com/schemas/address"}}}',
      {
        references: [reference('address', withId)],
      },
    );
    expect(jsonSchemaFormat.compile(parsed).validate({ home: { city: 1 } }).valid).toBe(false);
  });

  it('resolves a relative reference name against the root $id', () => {
    const parsed = jsonSchemaFormat.parse(
      '{"$id":"https://example.com/order.json","properties":{"home":{"$ref":"address.json"}}}',
      { references: [reference('address.json', address)] },
    );
    expect(jsonSchemaFormat.compile(parsed).validate({ home: {} }).valid).toBe(false);
  });

  it('resolves references of references and fragments inside them', () => {
    const city = { $defs: { name: { type: 'string', maxLength: 3 } } };
    const withCity = { properties: { city: { $ref: 'city.json#/$defs/name' } } };
    const parsed = jsonSchemaFormat.parse('{"$ref":"address.json"}', {
      references: [reference('address.json', withCity, [reference('city.json', city)])],
    });
    const v = jsonSchemaFormat.compile(parsed);
    expect(v.validate({ city: 'Oslo' }).errors[0]?.path).toBe('/city');
    expect(v.validate({ city: 'Rio' }).valid).toBe(true);
  });

  it('makes referenced schemas strict in strict mode', () => {
    const parsed = jsonSchemaFormat.parse('{"properties":{"home":{"$ref":"address.json"}}}', {
      references: [reference('address.json', address)],
    });
    const v = jsonSchemaFormat.compile(parsed, { strict: true });
    expect(v.validate({ home: { city: 'Oslo', zip: 1 } }).errors[0]?.path).toBe('/home/zip');
  });

  it('names an unresolvable $ref and its pointer', () => {
    const error = parseError('{"properties":{"a":{"items":{"$ref":"missing.json"}}}}');
    expect(error.message).toContain('missing.json');
    expect(error.problems[0]?.path).toBe('/properties/a/items/$ref');
  });

  it('names an unresolvable local pointer', () => {
    const error = parseError('{"properties":{"a":{"$ref":"#/$defs/nope"}}}');
    expect(error.message).toContain('#/$defs/nope');
    expect(error.problems[0]?.path).toBe('/properties/a/$ref');
  });

  it('rejects a malformed reference with its name', () => {
    const broken: ResolvedReference = { ...reference('broken.json', {}), schema: '{"type":' };
    const error = parseError('{"$ref":"broken.json"}', [broken]);
    expect(error.message).toContain('broken.json');
  });

  it('rejects a reference that is not JSON Schema', () => {
    const avro: ResolvedReference = {
      ...reference('a.avsc', {}),
      schemaType: 'AVRO',
      schema: '"string"',
    };
    expect(parseError('{"$ref":"a.avsc"}', [avro]).message).toContain('AVRO');
  });

  it('rejects a reference that violates the meta-schema', () => {
    expect(
      parseError('{"$ref":"bad.json"}', [reference('bad.json', { type: 12 })]).message,
    ).toContain('bad.json');
  });

  it('rejects two references that claim the same $id', () => {
    const error = parseError('{"$ref":"https://example.com/x"}', [
      reference('a.json', { $id: 'https://example.com/x', type: 'string' }),
      reference('b.json', { $id: 'https://example.com/x', type: 'integer' }),
    ]);
    expect(error.message).toContain('https://example.com/x');
  });

  it('reads a reference without $schema in the draft of the referencing schema', () => {
    // `definitions` + `$id` with a plain-name fragment is valid draft-07, invalid 2020-12.
    const legacy = { definitions: { a: { $id: '#a', type: 'string' } }, $ref: '#a' };
    const parsed = jsonSchemaFormat.parse(
      '{"$schema":"http://json-schema.org/draft-07/schema#","$ref":"legacy.json"}',
      { references: [reference('legacy.json', legacy)] },
    );
    expect(jsonSchemaFormat.compile(parsed).validate(1).valid).toBe(false);
    expect(() =>
      jsonSchemaFormat.parse('{"$ref":"legacy.json"}', {
        references: [reference('legacy.json', legacy)],
        defaultJsonDraft: '2020-12',
      }),
    ).toThrow(SchemaParseError);
  });

  it('survives reference cycles', () => {
    const a: ResolvedReference = reference('a.json', { properties: { b: { $ref: 'b.json' } } });
    const b: ResolvedReference = reference('b.json', { properties: { a: { $ref: 'a.json' } } }, [
      a,
    ]);
    a.references.push(b);
    const v = jsonSchemaFormat.compile(
      jsonSchemaFormat.parse('{"$ref":"a.json"}', { references: [a] }),
    );
    expect(v.validate({ b: { a: { b: {} } } }).valid).toBe(true);
  });
});
