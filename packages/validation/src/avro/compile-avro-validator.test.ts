import type avro from 'avsc';
import { describe, expect, it } from 'vitest';
import { avroFormat } from './avro-format.js';

const schema = {
  type: 'record',
  name: 'User',
  fields: [
    { name: 'id', type: 'long' },
    { name: 'name', type: 'string' },
    { name: 'nick', type: ['null', 'string'], default: null },
    { name: 'tags', type: { type: 'array', items: 'string' } },
    {
      name: 'address',
      type: { type: 'record', name: 'Address', fields: [{ name: 'street', type: 'string' }] },
    },
    { name: 'kind', type: { type: 'enum', name: 'Kind', symbols: ['A', 'B'] } },
    { name: 'scores', type: { type: 'map', values: 'double' } },
  ],
};
const parsed = avroFormat.parse(JSON.stringify(schema));
const valid = {
  id: 1,
  name: 'Ann',
  tags: ['x'],
  address: { street: 'Main' },
  kind: 'A',
  scores: { a: 1.5 },
};

describe('compileAvroValidator', () => {
  it('accepts a valid value', () => {
    const result = avroFormat.compile(parsed).validate(valid);
    expect(result).toMatchObject({ valid: true, errors: [], warnings: [] });
    expect(result.validationTimeMs).toBeGreaterThanOrEqual(0);
  });

  it('reports every invalid value with its JSON pointer', () => {
    const data = {
      ...valid,
      id: 'one',
      tags: ['x', 2],
      address: { street: 5 },
      kind: 'C',
      scores: { a: 'high' },
    };
    const result = avroFormat.compile(parsed).validate(data);
    expect(result.valid).toBe(false);
    expect(result.errors.map((error) => error.path).sort()).toEqual(
      ['/address/street', '/id', '/kind', '/scores/a', '/tags/1'].sort(),
    );
    expect(result.errors.find((error) => error.path === '/kind')?.message).toMatch(
      /expected Kind, got "C"/,
    );
  });

  it('reports a missing required field', () => {
    const { name: _name, ...data } = valid;
    const result = avroFormat.compile(parsed).validate(data);
    expect(result.errors).toEqual([
      expect.objectContaining({ path: '/name', keyword: 'required' }),
    ]);
  });

  it('lets fields with defaults be omitted', () => {
    expect(avroFormat.compile(parsed).validate(valid).valid).toBe(true);
  });

  it('ignores unknown fields unless strict', () => {
    const data = { ...valid, extra: 1, address: { street: 'x', zip: 2 } };
    expect(avroFormat.compile(parsed).validate(data).valid).toBe(true);
    const strict = avroFormat.compile(parsed, { strict: true }).validate(data);
    expect(strict.valid).toBe(false);
    expect(strict.errors).toContainEqual(
      expect.objectContaining({ path: '/extra', keyword: 'unknownField' }),
    );
  });

  it('reports unknown nested fields in strict mode with their path', () => {
    const data = { ...valid, address: { street: 'x', zip: 2 } };
    const strict = avroFormat.compile(parsed, { strict: true }).validate(data);
    expect(strict.errors).toEqual([
      expect.objectContaining({ path: '/address/zip', keyword: 'unknownField' }),
    ]);
  });

  it('rejects non-objects at the root with an empty path', () => {
    for (const data of [null, 42, 'x', undefined]) {
      const result = avroFormat.compile(parsed).validate(data);
      expect(result.valid).toBe(false);
      expect(result.errors[0]?.path).toBe('');
    }
  });

  it('rejects an array where a record is expected', () => {
    expect(avroFormat.compile(parsed).validate([]).valid).toBe(false);
  });

  it('uses the branch name in the path of an ambiguous (wrapped) union', () => {
    const union = avroFormat.parse(
      JSON.stringify([
        { type: 'record', name: 'A', fields: [{ name: 'x', type: 'int' }] },
        { type: 'record', name: 'B', fields: [{ name: 'x', type: 'int' }] },
      ]),
    );
    const validator = avroFormat.compile(union);
    expect(validator.validate({ A: { x: 1 } }).valid).toBe(true);
    expect(validator.validate({ B: { x: 'no' } }).errors[0]?.path).toBe('/B/x');
  });

  it('names the branches of a union in the message', () => {
    const result = avroFormat.compile(parsed).validate({ ...valid, nick: 5, tags: 'x' });
    expect(result.errors.find((error) => error.path === '/nick')?.message).toBe(
      'expected one of null, string, got 5',
    );
    expect(result.errors.find((error) => error.path === '/tags')?.message).toBe(
      'expected array of string, got "x"',
    );
  });

  it('escapes JSON pointer characters in map keys', () => {
    const map = avroFormat.parse('{"type":"map","values":"int"}');
    expect(avroFormat.compile(map).validate({ 'a/b~c': 'x' }).errors[0]?.path).toBe('/a~1b~0c');
  });

  it('does not overflow the stack on deeply nested recursive data', () => {
    const list = avroFormat.parse(
      '{"type":"record","name":"L","fields":[{"name":"next","type":["null","L"]}]}',
    );
    let data: unknown = null;
    for (let i = 0; i < 200_000; i++) data = { next: data };
    const result = avroFormat.compile(list).validate(data);
    expect(result.valid).toBe(false);
    expect(result.errors[0]?.keyword).toBe('depth');
  });
});

describe('bytes and fixed in JSON data', () => {
  const binary = avroFormat.parse(
    JSON.stringify({
      type: 'record',
      name: 'Blob',
      fields: [
        { name: 'data', type: 'bytes' },
        { name: 'hash', type: { type: 'fixed', name: 'Hash', size: 2 } },
        { name: 'again', type: ['null', 'Hash'], default: null },
        { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 4, scale: 2 } },
      ],
    }),
  );
  const validator = avroFormat.compile(binary);

  it('accepts strings of code points 0-255 (Avro JSON encoding) and Buffers', () => {
    expect(
      validator.validate({ data: '\u0000\u00ff', hash: 'ab', again: 'cd', amount: '\u0004' }).valid,
    ).toBe(true);
    expect(
      validator.validate({
        data: Buffer.from([1]),
        hash: Buffer.from('ab'),
        amount: Buffer.from([1]),
      }).valid,
    ).toBe(true);
  });

  it('rejects wide characters, wrong fixed sizes and numbers with paths', () => {
    const result = validator.validate({ data: '\u0100', hash: 'abc', again: 'x', amount: 12 });
    expect(result.errors.map((error) => error.path).sort()).toEqual([
      '/again',
      '/amount',
      '/data',
      '/hash',
    ]);
    expect(result.errors.find((error) => error.path === '/hash')?.message).toMatch(/expected Hash/);
  });

  it('keeps the parsed avsc type untouched', () => {
    expect((binary.native as avro.Type).isValid({ data: 'x', hash: 'ab', amount: 'x' })).toBe(
      false,
    );
  });
});
