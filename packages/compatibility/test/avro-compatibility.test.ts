import { describe, expect, it } from 'vitest';
import { avroCompatibility } from '../src/avro/avro-compatibility.js';
import { avroNodeFromJson } from '../src/avro/avro-node-from-json.js';
import { avroNodeFromType } from '../src/avro/avro-node-from-type.js';
import { checkCompatibility } from '../src/check-compatibility.js';
import { CompatibilityCheckError } from '../src/compatibility-check-error.js';
import type { PairViolation } from '../src/types.js';
import { parsedAvro } from './avro-parsed-schema.js';

type Direction = 'backward' | 'forward';

interface Case {
  name: string;
  old: unknown;
  new: unknown;
  direction: Direction;
  compatible: boolean;
  rule?: string;
  path?: string;
}

const rec = (fields: unknown[], extra: Record<string, unknown> = {}) => ({
  type: 'record',
  name: 'User',
  fields,
  ...extra,
});
const f = (name: string, type: unknown, extra: Record<string, unknown> = {}) => ({
  name,
  type,
  ...extra,
});
const color = (symbols: string[], extra: Record<string, unknown> = {}) => ({
  type: 'enum',
  name: 'Color',
  symbols,
  ...extra,
});
const address = (fields: unknown[]) => ({ type: 'record', name: 'Address', fields });

function check(c: Pick<Case, 'old' | 'new' | 'direction'>): PairViolation[] {
  const oldSchema = parsedAvro(c.old);
  const newSchema = parsedAvro(c.new);
  return c.direction === 'backward'
    ? avroCompatibility.checkReaderWriter(newSchema, oldSchema)
    : avroCompatibility.checkReaderWriter(oldSchema, newSchema);
}

const cases: Case[] = [
  // Fields
  {
    name: 'adding a field with a default is backward compatible',
    old: rec([f('id', 'long')]),
    new: rec([f('id', 'long'), f('email', 'string', { default: '' })]),
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'adding a field with a default is forward compatible',
    old: rec([f('id', 'long')]),
    new: rec([f('id', 'long'), f('email', 'string', { default: '' })]),
    direction: 'forward',
    compatible: true,
  },
  {
    name: 'adding a field without a default breaks backward',
    old: rec([f('id', 'long')]),
    new: rec([f('id', 'long'), f('email', 'string')]),
    direction: 'backward',
    compatible: false,
    rule: 'READER_FIELD_MISSING_DEFAULT_VALUE',
    path: 'User.email',
  },
  {
    name: 'adding a field without a default is forward compatible',
    old: rec([f('id', 'long')]),
    new: rec([f('id', 'long'), f('email', 'string')]),
    direction: 'forward',
    compatible: true,
  },
  {
    name: 'removing a field without a default breaks forward',
    old: rec([f('id', 'long'), f('email', 'string')]),
    new: rec([f('id', 'long')]),
    direction: 'forward',
    compatible: false,
    rule: 'READER_FIELD_MISSING_DEFAULT_VALUE',
    path: 'User.email',
  },
  {
    name: 'removing a field is backward compatible',
    old: rec([f('id', 'long'), f('email', 'string')]),
    new: rec([f('id', 'long')]),
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'removing a field that had a default is forward compatible',
    old: rec([f('id', 'long'), f('email', 'string', { default: 'x' })]),
    new: rec([f('id', 'long')]),
    direction: 'forward',
    compatible: true,
  },
  {
    name: 'a null default counts as a default',
    old: rec([f('id', 'long')]),
    new: rec([f('id', 'long'), f('nick', ['null', 'string'], { default: null })]),
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'renaming a field with an alias is backward compatible',
    old: rec([f('mail', 'string')]),
    new: rec([f('email', 'string', { aliases: ['mail'] })]),
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'renaming a field without an alias breaks backward',
    old: rec([f('mail', 'string')]),
    new: rec([f('email', 'string')]),
    direction: 'backward',
    compatible: false,
    rule: 'READER_FIELD_MISSING_DEFAULT_VALUE',
    path: 'User.email',
  },
  {
    name: 'a reader field whose name and alias both match writer fields is ambiguous',
    old: rec([f('mail', 'string'), f('email', 'string')]),
    new: rec([f('email', 'string', { aliases: ['mail'] })]),
    direction: 'backward',
    compatible: false,
    rule: 'READER_FIELD_AMBIGUOUS_ALIAS',
    path: 'User.email',
  },
  {
    name: 'reordering fields is compatible',
    old: rec([f('a', 'int'), f('b', 'string')]),
    new: rec([f('b', 'string'), f('a', 'int')]),
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'changing only docs is compatible',
    old: rec([f('a', 'int', { doc: 'one' })], { doc: 'x' }),
    new: rec([f('a', 'int', { doc: 'two' })], { doc: 'y' }),
    direction: 'backward',
    compatible: true,
  },
  // Promotions
  {
    name: 'int to long is backward compatible',
    old: rec([f('n', 'int')]),
    new: rec([f('n', 'long')]),
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'int to long breaks forward',
    old: rec([f('n', 'int')]),
    new: rec([f('n', 'long')]),
    direction: 'forward',
    compatible: false,
    rule: 'TYPE_MISMATCH',
    path: 'User.n',
  },
  {
    name: 'int to double is backward compatible',
    old: 'int',
    new: 'double',
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'long to float is backward compatible',
    old: 'long',
    new: 'float',
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'float to double is backward compatible',
    old: 'float',
    new: 'double',
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'double to float breaks backward',
    old: 'double',
    new: 'float',
    direction: 'backward',
    compatible: false,
    rule: 'TYPE_MISMATCH',
    path: '',
  },
  {
    name: 'string to bytes is backward compatible',
    old: 'string',
    new: 'bytes',
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'bytes to string is backward compatible',
    old: 'bytes',
    new: 'string',
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'string to int breaks backward',
    old: rec([f('n', 'string')]),
    new: rec([f('n', 'int')]),
    direction: 'backward',
    compatible: false,
    rule: 'TYPE_MISMATCH',
    path: 'User.n',
  },
  {
    name: 'logical types are ignored: date to plain int is compatible',
    old: { type: 'int', logicalType: 'date' },
    new: 'int',
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'array items are promoted',
    old: { type: 'array', items: 'int' },
    new: { type: 'array', items: 'long' },
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'array items narrowing breaks backward',
    old: rec([f('xs', { type: 'array', items: 'long' })]),
    new: rec([f('xs', { type: 'array', items: 'int' })]),
    direction: 'backward',
    compatible: false,
    rule: 'TYPE_MISMATCH',
    path: 'User.xs[]',
  },
  {
    name: 'map values narrowing breaks backward',
    old: { type: 'map', values: 'double' },
    new: { type: 'map', values: 'float' },
    direction: 'backward',
    compatible: false,
    rule: 'TYPE_MISMATCH',
    path: '{}',
  },
  {
    name: 'array to map breaks backward',
    old: { type: 'array', items: 'int' },
    new: { type: 'map', values: 'int' },
    direction: 'backward',
    compatible: false,
    rule: 'TYPE_MISMATCH',
  },
  // Unions
  {
    name: 'widening T to [null, T] is backward compatible',
    old: rec([f('a', 'string')]),
    new: rec([f('a', ['null', 'string'])]),
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'widening T to [null, T] breaks forward',
    old: rec([f('a', 'string')]),
    new: rec([f('a', ['null', 'string'])]),
    direction: 'forward',
    compatible: false,
    rule: 'TYPE_MISMATCH',
    path: 'User.a',
  },
  {
    name: 'removing a union branch breaks backward',
    old: rec([f('a', ['null', 'string', 'int'])]),
    new: rec([f('a', ['null', 'string'])]),
    direction: 'backward',
    compatible: false,
    rule: 'MISSING_UNION_BRANCH',
    path: 'User.a',
  },
  {
    name: 'adding a union branch is backward compatible',
    old: rec([f('a', ['null', 'string'])]),
    new: rec([f('a', ['null', 'string', 'int'])]),
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'a reader union reads a promotable writer type',
    old: 'int',
    new: ['null', 'long'],
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'a reader union without a matching branch breaks backward',
    old: 'boolean',
    new: ['null', 'string'],
    direction: 'backward',
    compatible: false,
    rule: 'MISSING_UNION_BRANCH',
    path: '',
  },
  {
    name: 'reordering union branches is compatible',
    old: ['int', 'string'],
    new: ['string', 'int'],
    direction: 'backward',
    compatible: true,
  },
  // Enums
  {
    name: 'adding an enum symbol is backward compatible',
    old: color(['RED', 'GREEN']),
    new: color(['RED', 'GREEN', 'BLUE']),
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'adding an enum symbol breaks forward',
    old: color(['RED', 'GREEN']),
    new: color(['RED', 'GREEN', 'BLUE']),
    direction: 'forward',
    compatible: false,
    rule: 'MISSING_ENUM_SYMBOLS',
    path: 'Color',
  },
  {
    name: 'adding an enum symbol is forward compatible when the old enum has a default',
    old: color(['RED', 'GREEN'], { default: 'RED' }),
    new: color(['RED', 'GREEN', 'BLUE']),
    direction: 'forward',
    compatible: true,
  },
  {
    name: 'removing an enum symbol breaks backward',
    old: rec([f('c', color(['RED', 'GREEN', 'BLUE']))]),
    new: rec([f('c', color(['RED', 'GREEN']))]),
    direction: 'backward',
    compatible: false,
    rule: 'MISSING_ENUM_SYMBOLS',
    path: 'User.c',
  },
  {
    name: 'renaming an enum breaks backward',
    old: color(['RED']),
    new: { type: 'enum', name: 'Colour', symbols: ['RED'] },
    direction: 'backward',
    compatible: false,
    rule: 'NAME_MISMATCH',
    path: 'Colour',
  },
  {
    name: 'renaming an enum with an alias is backward compatible',
    old: color(['RED']),
    new: { type: 'enum', name: 'Colour', aliases: ['Color'], symbols: ['RED'] },
    direction: 'backward',
    compatible: true,
  },
  // Fixed
  {
    name: 'changing a fixed size breaks backward',
    old: { type: 'fixed', name: 'Hash', size: 16 },
    new: { type: 'fixed', name: 'Hash', size: 32 },
    direction: 'backward',
    compatible: false,
    rule: 'FIXED_SIZE_MISMATCH',
    path: 'Hash',
  },
  {
    name: 'renaming a fixed breaks backward',
    old: { type: 'fixed', name: 'Hash', size: 16 },
    new: { type: 'fixed', name: 'Md5', size: 16 },
    direction: 'backward',
    compatible: false,
    rule: 'NAME_MISMATCH',
  },
  {
    name: 'fixed to bytes breaks backward',
    old: { type: 'fixed', name: 'Hash', size: 16 },
    new: 'bytes',
    direction: 'backward',
    compatible: false,
    rule: 'TYPE_MISMATCH',
  },
  // Records and names
  {
    name: 'renaming a record breaks backward',
    old: rec([f('a', 'int')]),
    new: { type: 'record', name: 'Person', fields: [f('a', 'int')] },
    direction: 'backward',
    compatible: false,
    rule: 'NAME_MISMATCH',
    path: 'Person',
  },
  {
    name: 'renaming a record with an alias is backward compatible',
    old: rec([f('a', 'int')]),
    new: { type: 'record', name: 'Person', aliases: ['User'], fields: [f('a', 'int')] },
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'renaming a record with an alias still breaks forward',
    old: rec([f('a', 'int')]),
    new: { type: 'record', name: 'Person', aliases: ['User'], fields: [f('a', 'int')] },
    direction: 'forward',
    compatible: false,
    rule: 'NAME_MISMATCH',
  },
  {
    name: 'changing only the namespace is compatible',
    old: rec([f('a', 'int')], { namespace: 'com.a' }),
    new: rec([f('a', 'int')], { namespace: 'com.b' }),
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'a nested field without a default reports the full field path',
    old: rec([f('address', address([f('city', 'string')]))]),
    new: rec([f('address', address([f('city', 'string'), f('zip', 'string')]))]),
    direction: 'backward',
    compatible: false,
    rule: 'READER_FIELD_MISSING_DEFAULT_VALUE',
    path: 'User.address.zip',
  },
  {
    name: 'a nested field inside an optional record reports the full field path',
    old: rec([f('address', ['null', address([f('city', 'string')])])]),
    new: rec([f('address', ['null', address([f('city', 'string'), f('zip', 'string')])])]),
    direction: 'backward',
    compatible: false,
    rule: 'MISSING_UNION_BRANCH',
    path: 'User.address',
  },
  {
    name: 'an enum field with an enum default but no field default is still incompatible (Avro quirk)',
    old: rec([f('id', 'long')]),
    new: rec([f('id', 'long'), f('c', color(['RED'], { default: 'RED' }))]),
    direction: 'backward',
    compatible: false,
    rule: 'TYPE_MISMATCH',
    path: 'User.c',
  },
  {
    name: 'record to int breaks backward',
    old: 'int',
    new: rec([f('a', 'int')]),
    direction: 'backward',
    compatible: false,
    rule: 'TYPE_MISMATCH',
  },
  // Recursive types
  {
    name: 'a recursive list with a promoted head is backward compatible',
    old: { type: 'record', name: 'Node', fields: [f('v', 'int'), f('next', ['null', 'Node'])] },
    new: { type: 'record', name: 'Node', fields: [f('v', 'long'), f('next', ['null', 'Node'])] },
    direction: 'backward',
    compatible: true,
  },
  {
    name: 'a recursive list with a narrowed head breaks backward',
    old: { type: 'record', name: 'Node', fields: [f('v', 'long'), f('next', ['null', 'Node'])] },
    new: { type: 'record', name: 'Node', fields: [f('v', 'int'), f('next', ['null', 'Node'])] },
    direction: 'backward',
    compatible: false,
    rule: 'TYPE_MISMATCH',
    path: 'Node.v',
  },
  {
    name: 'mutually recursive records compare without hanging',
    old: {
      type: 'record',
      name: 'A',
      fields: [f('b', ['null', { type: 'record', name: 'B', fields: [f('a', ['null', 'A'])] }])],
    },
    new: {
      type: 'record',
      name: 'A',
      fields: [
        f('b', [
          'null',
          {
            type: 'record',
            name: 'B',
            fields: [f('a', ['null', 'A']), f('x', 'int', { default: 0 })],
          },
        ]),
      ],
    },
    direction: 'backward',
    compatible: true,
  },
];

describe('avroCompatibility.checkReaderWriter', () => {
  it.each(cases)('$name', (c) => {
    const violations = check(c);
    expect(violations.length === 0).toBe(c.compatible);
    if (c.rule !== undefined) expect(violations.map((v) => v.rule)).toContain(c.rule);
    if (c.path !== undefined) expect(violations[0]?.path).toBe(c.path);
    for (const v of violations) {
      expect(v.severity).toBe('error');
      expect(v.message.length).toBeGreaterThan(10);
    }
  });

  it('has at least 40 table cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it('suggests giving a missing field a default', () => {
    const [v] = check({
      old: rec([f('f1', 'int')]),
      new: rec([f('f1', 'int'), f('f2', 'int')]),
      direction: 'backward',
    });
    expect(v?.fix).toBe("give field 'f2' a default");
    expect(v?.message).toContain('/fields/1');
  });

  it('reports the writer path separately when a field was renamed through an alias', () => {
    const [v] = check({
      old: rec([f('mail', 'int')]),
      new: rec([f('email', 'string', { aliases: ['mail'] })]),
      direction: 'backward',
    });
    expect(v).toMatchObject({ rule: 'TYPE_MISMATCH', path: 'User.email', oldPath: 'User.mail' });
  });

  it('reports every failing field, in reader field order', () => {
    const violations = check({
      old: rec([f('a', 'long'), f('b', 'string')]),
      new: rec([f('a', 'int'), f('b', 'boolean'), f('c', 'int')]),
      direction: 'backward',
    });
    expect(violations.map((v) => [v.rule, v.path])).toEqual([
      ['TYPE_MISMATCH', 'User.a'],
      ['TYPE_MISMATCH', 'User.b'],
      ['READER_FIELD_MISSING_DEFAULT_VALUE', 'User.c'],
    ]);
  });

  it('reports a different schema type as a violation', () => {
    const json = { ...parsedAvro('int'), schemaType: 'JSON' as const };
    const [v] = avroCompatibility.checkReaderWriter(parsedAvro('int'), json);
    expect(v?.rule).toBe('SCHEMA_TYPE_CHANGED');
  });

  it('throws a CompatibilityCheckError with code INVALID_INPUT for a foreign native value', () => {
    const bogus = { ...parsedAvro('int'), native: { type: 'int' } };
    expect(() => avroCompatibility.checkReaderWriter(bogus, parsedAvro('int'))).toThrow(
      CompatibilityCheckError,
    );
    try {
      avroCompatibility.checkReaderWriter(parsedAvro('int'), bogus);
    } catch (error) {
      expect((error as CompatibilityCheckError).code).toBe('INVALID_INPUT');
    }
  });
});

describe('avroCompatibility hostile input', () => {
  it('refuses schema JSON nested deeper than the limit with a clear error', () => {
    let deep: unknown = 'int';
    for (let i = 0; i < 100_000; i++) deep = { type: 'array', items: deep };
    expect(() => avroNodeFromJson(deep)).toThrow(/nests deeper than 512 levels/);
  });

  it('refuses an object that is not an avsc type', () => {
    expect(() => avroNodeFromType({ typeName: 'bogus' } as never)).toThrow(
      "Unsupported avsc type 'bogus'",
    );
  });

  it('refuses malformed schema JSON with the place it went wrong', () => {
    expect(() =>
      avroNodeFromJson({ type: 'record', name: 'R', fields: [{ name: 'a', type: 'Nope' }] }),
    ).toThrow("Unknown Avro type 'Nope' at $/fields/0/type");
    expect(() => avroNodeFromJson({ type: 'fixed', name: 'F' })).toThrow('Missing fixed size at $');
    expect(() => avroNodeFromJson(42)).toThrow('Invalid Avro schema at $');
  });

  it('compares a huge enum with one missing symbol quickly', () => {
    const symbols = Array.from({ length: 50_000 }, (_, i) => `S${i}`);
    const violations = check({
      old: color(symbols),
      new: color(symbols.slice(1)),
      direction: 'backward',
    });
    expect(violations.map((v) => v.rule)).toEqual(['MISSING_ENUM_SYMBOLS']);
    expect(violations[0]?.message).toContain('[S0]');
  });

  it('compares deeply nested records', () => {
    const nest = (depth: number, leaf: string): unknown => {
      let schema: unknown = { type: 'record', name: 'R0', fields: [f('v', leaf)] };
      for (let i = 1; i < depth; i++)
        schema = { type: 'record', name: `R${i}`, fields: [f('c', schema)] };
      return schema;
    };
    const violations = check({
      old: nest(80, 'long'),
      new: nest(80, 'int'),
      direction: 'backward',
    });
    expect(violations).toHaveLength(1);
    expect(violations[0]?.path.split('.')).toHaveLength(81);
  });

  it('does not blow up on a named type referenced from many places', () => {
    // Each level references the previous record twice: 2^40 paths, 40 distinct records.
    const build = (leaf: string) => {
      let schema: unknown = { type: 'record', name: 'L0', fields: [f('v', leaf)] };
      for (let i = 1; i <= 40; i++) {
        schema = { type: 'record', name: `L${i}`, fields: [f('x', schema), f('y', `L${i - 1}`)] };
      }
      return schema;
    };
    const violations = check({ old: build('long'), new: build('int'), direction: 'backward' });
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.length).toBeLessThan(100);
  });

  it('handles a record that recurses through arrays and maps', () => {
    const tree = (leaf: string) => ({
      type: 'record',
      name: 'Tree',
      fields: [
        f('v', leaf),
        f('kids', { type: 'array', items: 'Tree' }),
        f('named', { type: 'map', values: 'Tree' }),
      ],
    });
    expect(check({ old: tree('int'), new: tree('long'), direction: 'backward' })).toEqual([]);
    expect(check({ old: tree('int'), new: tree('long'), direction: 'forward' })).toHaveLength(1);
  });
});

describe('avroCompatibility.diff', () => {
  const diff = (a: unknown, b: unknown) =>
    avroCompatibility.diff(parsedAvro(a), parsedAvro(b)).changes;

  it('finds no changes between identical schemas', () => {
    expect(diff(rec([f('a', 'int')]), rec([f('a', 'int')]))).toEqual([]);
  });

  it('lists added, removed and retyped fields with their paths', () => {
    const changes = diff(
      rec([f('a', 'int'), f('b', 'string')]),
      rec([f('a', 'long'), f('c', 'string', { default: '' })]),
    );
    expect(changes.map((c) => [c.kind, c.path])).toEqual([
      ['changed', 'User.a'],
      ['added', 'User.c'],
      ['removed', 'User.b'],
    ]);
    expect(changes.every((c) => !c.annotationOnly)).toBe(true);
  });

  it('marks doc-only edits as annotationOnly', () => {
    const changes = diff(
      rec([f('a', 'int', { doc: 'x' })]),
      rec([f('a', 'int', { doc: 'y' })], { doc: 'z' }),
    );
    expect(changes).toHaveLength(2);
    expect(changes.every((c) => c.annotationOnly)).toBe(true);
  });

  it('lists enum symbols added and removed', () => {
    const changes = diff(color(['RED', 'GREEN']), color(['RED', 'BLUE']));
    expect(changes.map((c) => [c.kind, c.path])).toEqual([
      ['added', 'Color#BLUE'],
      ['removed', 'Color#GREEN'],
    ]);
  });

  it('reports a rename through an alias and a default change', () => {
    const changes = diff(
      rec([f('mail', 'string')]),
      rec([f('email', 'string', { aliases: ['mail'], default: '' })]),
    );
    expect(changes.map((c) => c.message)).toEqual([
      "Field 'mail' renamed to 'email'",
      "Default of 'email' added",
      "Aliases of field 'email' changed",
    ]);
  });

  it('reports union branches added and nested record changes inside unions', () => {
    const changes = diff(
      rec([f('a', ['null', address([f('city', 'string')])])]),
      rec([f('a', ['null', 'string', address([f('city', 'string'), f('zip', 'string')])])]),
    );
    expect(changes.map((c) => [c.kind, c.path])).toEqual([
      ['added', 'User.a'],
      ['added', 'User.a.zip'],
    ]);
  });

  it('reports fixed size and type changes', () => {
    expect(
      diff({ type: 'fixed', name: 'H', size: 4 }, { type: 'fixed', name: 'H', size: 8 })[0]
        ?.message,
    ).toBe('Fixed size changed from 4 to 8');
    expect(diff('int', 'string')[0]).toMatchObject({ kind: 'changed', path: '' });
  });

  it('reports reordered fields and enum symbols (the binary layout changes)', () => {
    expect(
      diff(rec([f('a', 'int'), f('b', 'int')]), rec([f('b', 'int'), f('a', 'int')])).map(
        (c) => c.message,
      ),
    ).toEqual(["Fields of 'User' reordered"]);
    expect(diff(color(['R', 'G', 'B']), color(['G', 'R'])).map((c) => [c.kind, c.message])).toEqual(
      [
        ['removed', "Enum symbol 'B' removed"],
        ['changed', "Symbols of 'Color' reordered"],
      ],
    );
    expect(diff(rec([f('a', 'int'), f('b', 'int')]), rec([f('a', 'int')]))).toHaveLength(1);
  });

  it('terminates on recursive schemas', () => {
    const node = (extra: unknown[]) => ({
      type: 'record',
      name: 'Node',
      fields: [f('next', ['null', 'Node']), ...extra],
    });
    expect(diff(node([]), node([f('v', 'int', { default: 0 })])).map((c) => c.path)).toEqual([
      'Node.v',
    ]);
  });
});

describe('avroCompatibility under the level engine (Confluent worked examples)', () => {
  // schema1 = {f1}, schema2 = {f1, f2 default "foo"}, schema3 = {f1, f2 without default}
  const schema1 = parsedAvro(rec([f('f1', 'string')]));
  const schema2 = parsedAvro(rec([f('f1', 'string'), f('f2', 'string', { default: 'foo' })]));
  const schema3 = parsedAvro(rec([f('f1', 'string'), f('f2', 'string')]));
  const run = (
    level: Parameters<typeof checkCompatibility>[0]['level'],
    candidate: typeof schema1,
    older: (typeof schema1)[],
  ) =>
    checkCompatibility({
      schemaType: 'AVRO',
      level,
      candidate,
      previous: older.map((schema, i) => ({ version: older.length - i, schema })),
    });

  it('accepts schema3 after [schema1, schema2] under BACKWARD (only the latest is checked)', () => {
    expect(run('BACKWARD', schema3, [schema2, schema1]).compatible).toBe(true);
  });

  it('rejects schema3 after [schema1, schema2] under BACKWARD_TRANSITIVE', () => {
    const report = run('BACKWARD_TRANSITIVE', schema3, [schema2, schema1]);
    expect(report.compatible).toBe(false);
    expect(report.violations.map((v) => [v.rule, v.path, v.comparedVersion])).toEqual([
      ['READER_FIELD_MISSING_DEFAULT_VALUE', 'User.f2', 1],
    ]);
  });

  it('rejects schema1 after [schema2, schema3] under FORWARD_TRANSITIVE', () => {
    const report = run('FORWARD_TRANSITIVE', schema1, [schema3, schema2]);
    expect(report.compatible).toBe(false);
    expect(report.violations.map((v) => [v.rule, v.direction])).toEqual([
      ['READER_FIELD_MISSING_DEFAULT_VALUE', 'forward'],
    ]);
  });

  it('accepts schema3 after [schema1, schema2] under FULL (only the latest is checked)', () => {
    expect(run('FULL', schema3, [schema2, schema1]).compatible).toBe(true);
  });
});
