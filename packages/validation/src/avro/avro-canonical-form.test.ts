import avro from 'avsc';
import { describe, expect, it } from 'vitest';
import { SchemaParseError } from '../schema-format.js';
import { avroCanonicalForm } from './avro-canonical-form.js';
import { avroFormat } from './avro-format.js';

const parse = (schema: unknown) => {
  const parsed = avroFormat.parse(JSON.stringify(schema));
  return { ...parsed, canonical: avroCanonicalForm(schema) };
};
const pcfOf = (text: string) => avroCanonicalForm(JSON.parse(text));

const samples: unknown[] = [
  'int',
  { type: 'long', logicalType: 'timestamp-millis' },
  ['null', 'string', { type: 'array', items: 'bytes' }],
  {
    type: 'enum',
    name: 'Suit',
    namespace: 'cards',
    doc: 'x',
    symbols: ['SPADES', 'HEARTS'],
    default: 'SPADES',
  },
  { type: 'fixed', name: 'md5', size: 16, aliases: ['hash'] },
  {
    type: 'record',
    name: 'LinkedList',
    namespace: 'org.example',
    doc: 'a list',
    fields: [
      { name: 'value', type: { type: 'int' }, doc: 'v', default: 0, order: 'descending' },
      { name: 'next', type: ['null', 'LinkedList'], default: null },
      {
        name: 'meta',
        type: {
          type: 'map',
          values: { type: 'record', name: 'other.Meta', fields: [{ name: 'm', type: 'string' }] },
        },
      },
      { name: 'meta2', type: 'other.Meta' },
    ],
  },
];

describe('avroCanonicalForm', () => {
  it('applies PRIMITIVES: {"type":"int"} becomes "int"', () => {
    expect(parse({ type: 'int' }).canonical).toBe('"int"');
  });

  it('applies FULLNAMES and drops namespace', () => {
    expect(parse({ type: 'fixed', name: 'F', namespace: 'a.b', size: 1 }).canonical).toBe(
      '{"name":"a.b.F","type":"fixed","size":1}',
    );
  });

  it('applies STRIP: doc, aliases, defaults, order and logical types go', () => {
    const canonical = parse({
      type: 'record',
      name: 'R',
      doc: 'doc',
      aliases: ['Q'],
      fields: [
        {
          name: 'a',
          type: { type: 'int', logicalType: 'date' },
          default: 1,
          doc: 'd',
          order: 'ignore',
          aliases: ['b'],
        },
      ],
    }).canonical;
    expect(canonical).toBe('{"name":"R","type":"record","fields":[{"name":"a","type":"int"}]}');
  });

  it('applies ORDER regardless of the input attribute order', () => {
    const canonical = parse({ symbols: ['A'], name: 'E', type: 'enum' }).canonical;
    expect(canonical).toBe('{"name":"E","type":"enum","symbols":["A"]}');
  });

  it('applies INTEGERS and WHITESPACE', () => {
    const canonical = pcfOf('{ "type" : "fixed" ,\n "name" : "F",\t"size" : 1.0e1 }');
    expect(canonical).toBe('{"name":"F","type":"fixed","size":10}');
  });

  it('applies STRINGS: escapes are replaced by the characters', () => {
    expect(pcfOf('{"type":"enum","name":"\\u0045","symbols":["\\u0041"]}')).toBe(
      '{"name":"E","type":"enum","symbols":["A"]}',
    );
  });

  it('writes a named type in full once, then by full name', () => {
    const canonical = parse(samples[5]).canonical;
    expect(canonical.match(/"name":"other.Meta","type":"record"/g)).toHaveLength(1);
    expect(canonical).toContain('{"name":"meta2","type":"other.Meta"}');
    expect(canonical).toContain('["null","org.example.LinkedList"]');
  });

  it('writes names of referenced types by name', () => {
    expect(
      avroCanonicalForm({ type: 'record', name: 'R', fields: [{ name: 'a', type: 'x.A' }] }, [
        'x.A',
      ]),
    ).toBe('{"name":"R","type":"record","fields":[{"name":"a","type":"x.A"}]}');
  });

  it.each(samples)('matches avsc canonical schema and fingerprint for %j', (schema) => {
    const parsed = parse(schema);
    const type = avro.Type.forSchema(schema as avro.Schema);
    expect(parsed.canonical).toBe(JSON.stringify(type.schema()));
    expect(parsed.pcfFingerprint).toBe(type.fingerprint('sha256').toString('hex'));
  });

  it('keeps the PCF fingerprint when only formatting and docs change', () => {
    const a = avroFormat.parse('{"type":"record","name":"R","fields":[{"name":"a","type":"int"}]}');
    const b = avroFormat.parse(
      '{\n  "doc": "new docs",\n  "fields": [ { "type": {"type":"int"}, "name": "a", "doc": "A" } ],\n  "name": "R",\n  "type": "record"\n}',
    );
    expect(b.pcfFingerprint).toBe(a.pcfFingerprint);
  });

  it('changes the PCF fingerprint when the schema changes', () => {
    const a = avroFormat.parse('{"type":"record","name":"R","fields":[{"name":"a","type":"int"}]}');
    const b = avroFormat.parse(
      '{"type":"record","name":"R","fields":[{"name":"a","type":"long"}]}',
    );
    const c = avroFormat.parse(
      '{"type":"record","name":"R","namespace":"n","fields":[{"name":"a","type":"int"}]}',
    );
    expect(new Set([a.pcfFingerprint, b.pcfFingerprint, c.pcfFingerprint]).size).toBe(3);
  });
});

describe('avroCanonicalForm on unchecked input', () => {
  it('writes malformed parts without crashing', () => {
    expect(avroCanonicalForm({ type: 'record', name: 'R', fields: 'nope' })).toBe(
      '{"name":"R","type":"record","fields":[]}',
    );
    expect(avroCanonicalForm({ type: 'enum', name: 'E', symbols: null })).toBe(
      '{"name":"E","type":"enum","symbols":[]}',
    );
    expect(avroCanonicalForm({ type: 'record', name: 'R', fields: [null] })).toBe(
      '{"name":"R","type":"record","fields":[{"name":"undefined","type":"undefined"}]}',
    );
  });

  it('rejects hostile nesting with SchemaParseError', () => {
    let deep: unknown = 'int';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(() => avroCanonicalForm(deep)).toThrow(SchemaParseError);
  });
});
