import type avro from 'avsc';
import { describe, expect, it } from 'vitest';
import { type ResolvedReference, SchemaParseError, type SchemaProblem } from '../schema-format.js';
import { avroFormat } from './avro-format.js';
import { checkAvroDefault } from './check-avro-default.js';

const parse = (schema: unknown, references: ResolvedReference[] = []) =>
  avroFormat.parse(typeof schema === 'string' ? schema : JSON.stringify(schema), { references });

function problemsOf(schema: unknown, references: ResolvedReference[] = []) {
  try {
    parse(schema, references);
  } catch (error) {
    expect(error).toBeInstanceOf(SchemaParseError);
    return (error as SchemaParseError).problems;
  }
  throw new Error('expected the schema to be rejected');
}

const user = {
  type: 'record',
  name: 'User',
  namespace: 'com.acme',
  doc: 'A user',
  aliases: ['Person'],
  fields: [
    { name: 'id', type: 'long' },
    { name: 'name', type: 'string', default: '' },
    { name: 'score', type: ['null', 'double'], default: null },
    { name: 'tags', type: { type: 'array', items: 'string' }, default: [] },
    { name: 'attrs', type: { type: 'map', values: 'int' } },
    {
      name: 'address',
      type: {
        type: 'record',
        name: 'Address',
        fields: [{ name: 'street', type: 'string' }],
      },
    },
    { name: 'previous', type: ['null', 'Address'], default: null },
    {
      name: 'status',
      type: { type: 'enum', name: 'Status', symbols: ['ACTIVE', 'GONE'], default: 'ACTIVE' },
    },
    { name: 'hash', type: { type: 'fixed', name: 'Hash', namespace: 'com.other', size: 4 } },
    { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 10, scale: 2 } },
    { name: 'uuid', type: { type: 'string', logicalType: 'uuid' } },
    { name: 'born', type: { type: 'int', logicalType: 'date' } },
    { name: 'tm', type: { type: 'int', logicalType: 'time-millis' } },
    { name: 'tu', type: { type: 'long', logicalType: 'time-micros' } },
    { name: 'tsm', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'tsu', type: { type: 'long', logicalType: 'timestamp-micros' } },
    { name: 'ltm', type: { type: 'long', logicalType: 'local-timestamp-millis' } },
    { name: 'ltu', type: { type: 'long', logicalType: 'local-timestamp-micros' } },
    { name: 'span', type: { type: 'fixed', name: 'Span', size: 12, logicalType: 'duration' } },
    { name: 'next', type: ['null', 'User'], default: null, aliases: ['following'] },
  ],
};

describe('avroFormat.parse', () => {
  it('parses a record using every construct', () => {
    const parsed = parse(user);
    expect(parsed.schemaType).toBe('AVRO');
    const type = parsed.native as avro.Type;
    expect(type.name).toBe('com.acme.User');
    expect(type.aliases).toEqual(['com.acme.Person']);
    const fields = (type as avro.types.RecordType).fields;
    expect(fields.find((field) => field.name === 'tags')?.defaultValue()).toEqual([]);
    expect(fields.find((field) => field.name === 'hash')?.type.name).toBe('com.other.Hash');
    expect(parsed.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('parses primitive schemas given as a bare JSON string', () => {
    for (const primitive of [
      'null',
      'boolean',
      'int',
      'long',
      'float',
      'double',
      'bytes',
      'string',
    ]) {
      expect(parse(JSON.stringify(primitive)).canonical).toBe(`"${primitive}"`);
    }
  });

  it('parses top-level unions, arrays and maps', () => {
    expect(parse(['null', 'string']).canonical).toBe('["null","string"]');
    expect(parse({ type: 'map', values: { type: 'array', items: 'int' } }).canonical).toBe(
      '{"type":"map","values":{"type":"array","items":"int"}}',
    );
  });

  it('rejects text that is not JSON, with line and column', () => {
    const [problem] = problemsOf('{\n  "type": "record",\n  oops\n}');
    expect(problem?.message).toMatch(/invalid JSON/);
    expect(problem?.line).toBe(3);
  });

  it.each([
    [
      { type: 'record', name: 'R', fields: [{ name: 'a', type: 'Missing' }] },
      'R.a',
      /unknown type "Missing"/,
    ],
    [
      {
        type: 'record',
        name: 'R',
        namespace: 'n',
        fields: [{ name: 'a', type: { type: 'array', items: 'X' } }],
      },
      'R.a.items',
      /unknown type "n.X"/,
    ],
    [
      { type: 'record', name: 'R', fields: [{ name: 'a', type: 'int' }, { name: 'b' }] },
      'R.b',
      /missing "type"/,
    ],
    [
      { type: 'record', name: 'R', fields: [{ name: 'a', type: 'int' }, { type: 'int' }] },
      'R.fields[1]',
      /field name/,
    ],
    [
      {
        type: 'record',
        name: 'R',
        fields: [
          { name: 'a', type: 'int' },
          { name: 'a', type: 'int' },
        ],
      },
      'R.a',
      /duplicate field/,
    ],
    [{ type: 'record', name: '1R', fields: [] }, '', /invalid or missing "name"/],
    [{ type: 'record', name: 'R' }, 'R', /fields/],
    [{ type: 'enum', name: 'E', symbols: ['A', 'A'] }, 'E.symbols[1]', /duplicate enum symbol/],
    [{ type: 'enum', name: 'E', symbols: ['A', '-'] }, 'E.symbols[1]', /invalid enum symbol/],
    [{ type: 'enum', name: 'E', symbols: ['A'], default: 'B' }, 'E', /enum default "B"/],
    [{ type: 'fixed', name: 'F', size: -1 }, 'F', /size/],
    [{ type: 'fixed', name: 'F' }, 'F', /size/],
    [{ type: 'array' }, '', /missing "items"/],
    [{ type: 'map' }, '', /missing "values"/],
    [{ type: 'int', logicalType: 5 }, '', /logicalType/],
    [['int', 'int'], '[1]', /duplicate type "int"/],
    [['int', ['string']], '[1]', /directly contain another union/],
    [{ type: 'record', name: 'int', fields: [] }, 'int', /primitive/],
    [
      { type: 'record', name: 'R', fields: [{ name: 'a', type: 'int', order: 'up' }] },
      'R.a',
      /order/,
    ],
    [{ type: 'record', name: 'R', aliases: 'x', fields: [] }, 'R', /aliases/],
    [42, '', /invalid schema 42/],
    [{ type: 7 }, '', /"type" must be/],
    [{ type: 'record', name: 'R', namespace: '1x', fields: [] }, '', /namespace/],
  ])('rejects %j at %s', (schema, path, message) => {
    const problems = problemsOf(schema);
    expect(problems).toContainEqual(
      expect.objectContaining({ path, message: expect.stringMatching(message) }),
    );
  });

  it('reports a nested field path like User.address.street', () => {
    const schema = {
      type: 'record',
      name: 'User',
      fields: [
        {
          name: 'address',
          type: { type: 'record', name: 'Address', fields: [{ name: 'street', type: 'Strng' }] },
        },
      ],
    };
    expect(problemsOf(schema)[0]).toMatchObject({ path: 'User.address.street' });
  });

  it('rejects a type used before it is defined', () => {
    const schema = {
      type: 'record',
      name: 'R',
      fields: [
        { name: 'a', type: 'Later' },
        { name: 'b', type: { type: 'fixed', name: 'Later', size: 1 } },
      ],
    };
    expect(problemsOf(schema)[0]).toMatchObject({ path: 'R.a', message: 'unknown type "Later"' });
  });

  it('rejects a type defined twice', () => {
    const fixed = { type: 'fixed', name: 'F', size: 1 };
    const schema = {
      type: 'record',
      name: 'R',
      fields: [
        { name: 'a', type: fixed },
        { name: 'b', type: fixed },
      ],
    };
    expect(problemsOf(schema)[0]).toMatchObject({
      path: 'R.b',
      message: expect.stringMatching(/defined twice/),
    });
  });

  it('resolves short names against the enclosing namespace', () => {
    const schema = {
      type: 'record',
      name: 'R',
      namespace: 'a.b',
      fields: [
        {
          name: 'inner',
          type: {
            type: 'record',
            name: 'x.Inner',
            fields: [{ name: 'self', type: ['null', 'Inner'] }],
          },
        },
        { name: 'again', type: 'x.Inner' },
      ],
    };
    expect(parse(schema).canonical).toBe(
      '{"name":"a.b.R","type":"record","fields":[{"name":"inner","type":{"name":"x.Inner","type":"record","fields":[{"name":"self","type":["null","x.Inner"]}]}},{"name":"again","type":"x.Inner"}]}',
    );
  });
});

describe('avro logical types', () => {
  it.each([
    [{ type: 'bytes', logicalType: 'decimal', precision: 4, scale: 2 }],
    [{ type: 'fixed', name: 'D', size: 8, logicalType: 'decimal', precision: 18 }],
    [{ type: 'fixed', name: 'U', size: 16, logicalType: 'uuid' }],
    [{ type: 'string', logicalType: 'some-future-type' }],
    [{ type: 'long', logicalType: 'timestamp-nanos' }],
  ])('accepts %j', (schema) => {
    expect(() => parse(schema)).not.toThrow();
  });

  it.each([
    [{ type: 'bytes', logicalType: 'decimal' }, /precision must be a positive integer/],
    [
      { type: 'bytes', logicalType: 'decimal', precision: 0 },
      /precision must be a positive integer/,
    ],
    [
      { type: 'bytes', logicalType: 'decimal', precision: 2.5 },
      /precision must be a positive integer/,
    ],
    [{ type: 'bytes', logicalType: 'decimal', precision: 4, scale: 5 }, /scale must be/],
    [{ type: 'bytes', logicalType: 'decimal', precision: 4, scale: -1 }, /scale must be/],
    [
      { type: 'string', logicalType: 'decimal', precision: 4 },
      /decimal must annotate bytes or fixed/,
    ],
    [{ type: 'fixed', name: 'D', size: 2, logicalType: 'decimal', precision: 5 }, /does not fit/],
    [{ type: 'long', logicalType: 'uuid' }, /uuid must annotate string or fixed/],
    [{ type: 'long', logicalType: 'date' }, /date must annotate int/],
    [{ type: 'int', logicalType: 'time-micros' }, /time-micros must annotate long/],
    [{ type: 'int', logicalType: 'timestamp-millis' }, /timestamp-millis must annotate long/],
    [{ type: 'string', logicalType: 'local-timestamp-micros' }, /must annotate long/],
    [{ type: 'fixed', name: 'S', size: 8, logicalType: 'duration' }, /size 12/],
    [{ type: 'bytes', logicalType: 'duration' }, /duration must annotate fixed/],
  ])('rejects %j', (schema, message) => {
    expect(problemsOf(schema)[0]?.message).toMatch(message);
  });
});

describe('avro field defaults', () => {
  const withDefault = (type: unknown, value: unknown) => ({
    type: 'record',
    name: 'R',
    fields: [{ name: 'f', type, default: value }],
  });

  it.each([
    ['int', 1],
    ['long', 2 ** 40],
    ['float', 1.5],
    ['boolean', false],
    ['bytes', '\u00ff\u0000'],
    ['string', 'x'],
    ['null', null],
    [['null', 'int'], null],
    [['int', 'null'], 3],
    [{ type: 'array', items: 'int' }, [1, 2]],
    [{ type: 'map', values: 'string' }, { a: 'b' }],
    [{ type: 'enum', name: 'E', symbols: ['A', 'B'] }, 'B'],
    [{ type: 'fixed', name: 'F', size: 2 }, 'ab'],
    [
      {
        type: 'record',
        name: 'In',
        fields: [
          { name: 'a', type: 'int' },
          { name: 'b', type: 'int', default: 0 },
        ],
      },
      { a: 1 },
    ],
  ])('accepts a %j field with default %j', (type, value) => {
    expect(() => parse(withDefault(type, value))).not.toThrow();
  });

  it.each([
    ['int', 'one'],
    ['int', 2 ** 31],
    ['int', 1.5],
    ['long', '1'],
    ['boolean', 0],
    ['bytes', '\u0100'],
    ['string', 1],
    [['null', 'int'], 1],
    [['int', 'null'], null],
    [{ type: 'array', items: 'int' }, ['a']],
    [{ type: 'map', values: 'string' }, []],
    [{ type: 'enum', name: 'E', symbols: ['A'] }, 'Z'],
    [{ type: 'fixed', name: 'F', size: 2 }, 'abc'],
    [{ type: 'record', name: 'In', fields: [{ name: 'a', type: 'int' }] }, {}],
  ])('rejects a %j field with default %j at R.f', (type, value) => {
    expect(problemsOf(withDefault(type, value))[0]).toMatchObject({
      path: 'R.f',
      message: expect.stringMatching(/default .* does not match/),
    });
  });

  it('explains that union defaults must match the first branch', () => {
    expect(problemsOf(withDefault(['null', 'string'], 'x'))[0]?.message).toMatch(/first branch/);
  });
});

describe('avro references', () => {
  const address: ResolvedReference = {
    name: 'com.acme.Address',
    subject: 'address',
    version: 1,
    schemaType: 'AVRO',
    schema: JSON.stringify({
      type: 'record',
      name: 'Address',
      namespace: 'com.acme',
      fields: [{ name: 'street', type: 'string' }],
    }),
    references: [],
  };
  const customer: ResolvedReference = {
    name: 'com.acme.Customer',
    subject: 'customer',
    version: 3,
    schemaType: 'AVRO',
    schema: JSON.stringify({
      type: 'record',
      name: 'Customer',
      namespace: 'com.acme',
      fields: [{ name: 'home', type: 'Address' }],
    }),
    references: [address],
  };

  it('registers referenced named types before parsing', () => {
    const schema = {
      type: 'record',
      name: 'Order',
      namespace: 'com.acme',
      fields: [{ name: 'ship', type: 'Address' }],
    };
    const parsed = parse(schema, [address]);
    expect(parsed.canonical).toBe(
      '{"name":"com.acme.Order","type":"record","fields":[{"name":"ship","type":"com.acme.Address"}]}',
    );
    expect((parsed.native as avro.Type).isValid({ ship: { street: 'Main' } })).toBe(true);
    expect(parsed.references).toEqual([address]);
  });

  it('registers transitive references', () => {
    const schema = {
      type: 'record',
      name: 'Order',
      fields: [
        { name: 'buyer', type: 'com.acme.Customer' },
        { name: 'ship', type: 'com.acme.Address' },
      ],
    };
    const type = parse(schema, [customer]).native as avro.Type;
    expect(type.isValid({ buyer: { home: { street: 'a' } }, ship: { street: 'b' } })).toBe(true);
  });

  it('names the unknown type and its field path when a reference is missing', () => {
    const schema = {
      type: 'record',
      name: 'Order',
      fields: [{ name: 'ship', type: 'com.acme.Address' }],
    };
    expect(problemsOf(schema)[0]).toMatchObject({
      path: 'Order.ship',
      message: 'unknown type "com.acme.Address"',
    });
  });

  it('rejects a reference that redefines a type of the schema', () => {
    const schema = { type: 'record', name: 'Address', namespace: 'com.acme', fields: [] };
    expect(problemsOf(schema, [address])[0]?.message).toMatch(/defined twice/);
  });

  it('reports problems inside a referenced schema with the reference name', () => {
    const broken = {
      ...address,
      schema: '{"type":"record","name":"Address","fields":[{"name":"x","type":"nope"}]}',
    };
    expect(problemsOf('"int"', [broken])[0]?.path).toBe('reference com.acme.Address: Address.x');
  });

  it('rejects a reference of another schema type', () => {
    const json = { ...address, schemaType: 'JSON' as const, schema: '{}' };
    expect(problemsOf('"int"', [json])[0]?.message).toMatch(/not AVRO/);
  });
});

describe('names that clash with Object.prototype', () => {
  it('does not take inherited properties for fields of a record default', () => {
    // avsc itself refuses this schema (it reads `{}.constructor`); the check here must not.
    const record = {
      type: 'record',
      name: 'In',
      fields: [{ name: 'constructor', type: 'int', default: 1 }],
    };
    const problems: SchemaProblem[] = [];
    checkAvroDefault(record, {}, { namespace: '', named: new Map(), path: 'R.inner', problems });
    expect(problems).toEqual([]);
  });

  it.each([
    [{ type: 'record', name: '__proto__', fields: [] }, '__proto__'],
    [{ type: 'record', name: 'R', fields: [{ name: '__proto__', type: 'int' }] }, 'R.__proto__'],
    [{ type: 'enum', name: 'E', symbols: ['__proto__'] }, 'E.symbols[0]'],
  ])('rejects __proto__ in %j at %s', (schema, path) => {
    expect(problemsOf(schema)[0]).toMatchObject({
      path,
      message: expect.stringMatching(/"__proto__" is not supported/),
    });
  });
});
