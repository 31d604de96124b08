import { describe, expect, it } from 'vitest';
import type { ResolvedReference } from '../schema-format.js';
import { avroFormat } from './avro-format.js';
import { avroIdentityForm } from './avro-identity-form.js';

type Json = Record<string, unknown>;

function base(): Json {
  return {
    type: 'record',
    name: 'Payment',
    namespace: 'com.acme',
    fields: [
      {
        name: 'amount',
        type: { type: 'bytes', logicalType: 'decimal', precision: 10, scale: 2 },
      },
      { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['NEW', 'DONE'] } },
      { name: 'id', type: 'string' },
      { name: 'next', type: ['null', 'Status'], default: null },
    ],
  };
}

/** A copy of `base()` changed by `change`. */
function variant(change: (schema: Json, fields: Json[]) => void): Json {
  const schema = base();
  change(schema, schema.fields as Json[]);
  return schema;
}

const enumOf = (fields: Json[]) => fields[1]!.type as Json;
const decimalOf = (fields: Json[]) => fields[0]!.type as Json;

const meaningChanges: Array<[string, Json]> = [
  ['a field default added', variant((_, f) => Object.assign(f[2]!, { default: 'x' }))],
  ['another field default', variant((_, f) => Object.assign(f[2]!, { default: 'y' }))],
  [
    'a default changed',
    variant((_, f) => Object.assign(f[3]!, { type: ['Status', 'null'], default: 'NEW' })),
  ],
  ['a record doc', variant((s) => Object.assign(s, { doc: 'a payment' }))],
  ['a field doc', variant((_, f) => Object.assign(f[2]!, { doc: 'the id' }))],
  ['record aliases', variant((s) => Object.assign(s, { aliases: ['Old'] }))],
  [
    'record aliases in another order',
    variant((s) => Object.assign(s, { aliases: ['Older', 'Old'] })),
  ],
  ['field aliases', variant((_, f) => Object.assign(f[2]!, { aliases: ['key'] }))],
  ['order descending', variant((_, f) => Object.assign(f[2]!, { order: 'descending' }))],
  ['order ignore', variant((_, f) => Object.assign(f[2]!, { order: 'ignore' }))],
  [
    'a logical type added',
    variant((_, f) => Object.assign(f[2]!, { type: { type: 'string', logicalType: 'uuid' } })),
  ],
  ['a decimal precision', variant((_, f) => Object.assign(decimalOf(f), { precision: 12 }))],
  ['a decimal scale', variant((_, f) => Object.assign(decimalOf(f), { scale: 4 }))],
  ['an enum default', variant((_, f) => Object.assign(enumOf(f), { default: 'NEW' }))],
  ['an enum doc', variant((_, f) => Object.assign(enumOf(f), { doc: 'state' }))],
  ['a custom record property', variant((s) => Object.assign(s, { owner: 'team-a' }))],
  ['another custom property value', variant((s) => Object.assign(s, { owner: 'team-b' }))],
  ['a nested custom property value', variant((s) => Object.assign(s, { owner: { team: 'a' } }))],
  ['a custom field property', variant((_, f) => Object.assign(f[2]!, { pii: true }))],
  [
    'a custom primitive property',
    variant((_, f) =>
      Object.assign(f[2]!, { type: { type: 'string', 'avro.java.string': 'String' } }),
    ),
  ],
];

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, inner]) => [key, reverseKeys(inner)]),
  );
}

const sameMeaning: Array<[string, string]> = [
  ['indented', JSON.stringify(base(), null, 4)],
  ['with keys in reverse order', JSON.stringify(reverseKeys(base()))],
  [
    'with full names instead of a namespace',
    JSON.stringify(
      variant((s, f) => {
        delete s.namespace;
        s.name = 'com.acme.Payment';
        enumOf(f).name = 'com.acme.Status';
        f[3]!.type = ['null', 'com.acme.Status'];
      }),
    ),
  ],
  [
    'with the nested namespace spelled out',
    JSON.stringify(variant((_, f) => Object.assign(enumOf(f), { namespace: 'com.acme' }))),
  ],
  [
    'with a primitive written as an object',
    JSON.stringify(variant((_, f) => Object.assign(f[2]!, { type: { type: 'string' } }))),
  ],
  [
    'with the default order written out',
    JSON.stringify(variant((_, f) => Object.assign(f[2]!, { order: 'ascending' }))),
  ],
  [
    'with numbers and strings spelled differently',
    JSON.stringify(base())
      .replace('"precision":10', '"precision":1.0e1')
      .replace('"NEW"', '"\\u004eEW"'),
  ],
];

describe('avro identity fingerprint', () => {
  const original = avroFormat.parse(JSON.stringify(base()));

  it.each(meaningChanges)('changes with %s', (_, schema) => {
    const parsed = avroFormat.parse(JSON.stringify(schema));
    expect(parsed.fingerprint).not.toBe(original.fingerprint);
  });

  it('gives every meaning change its own fingerprint', () => {
    const fingerprints = meaningChanges.map(
      ([, schema]) => avroFormat.parse(JSON.stringify(schema)).fingerprint,
    );
    expect(new Set([original.fingerprint, ...fingerprints]).size).toBe(meaningChanges.length + 1);
  });

  it.each(
    meaningChanges.filter(
      ([name]) =>
        !name.includes('logical') &&
        !name.includes('primitive') &&
        !name.includes('default changed'),
    ),
  )('keeps the PCF fingerprint with %s', (_, schema) => {
    expect(avroFormat.parse(JSON.stringify(schema)).pcfFingerprint).toBe(original.pcfFingerprint);
  });

  it.each(sameMeaning)('stays the same %s', (_, text) => {
    expect(text).not.toBe(JSON.stringify(base()));
    const parsed = avroFormat.parse(text);
    expect(parsed.canonical).toBe(original.canonical);
    expect(parsed.fingerprint).toBe(original.fingerprint);
    expect(parsed.pcfFingerprint).toBe(original.pcfFingerprint);
  });

  it('tells decimal(10,2) and decimal(12,4) apart', () => {
    const decimal = (precision: number, scale: number) =>
      avroFormat.parse(JSON.stringify({ type: 'bytes', logicalType: 'decimal', precision, scale }));
    expect(decimal(10, 2).fingerprint).not.toBe(decimal(12, 4).fingerprint);
    expect(decimal(10, 2).pcfFingerprint).toBe(decimal(12, 4).pcfFingerprint);
  });

  it('keeps a default object equal whatever its key order', () => {
    const record = (value: Json) =>
      JSON.stringify({
        type: 'record',
        name: 'R',
        fields: [
          {
            name: 'p',
            type: {
              type: 'record',
              name: 'P',
              fields: [
                { name: 'a', type: 'int' },
                { name: 'b', type: 'int' },
              ],
            },
            default: value,
          },
        ],
      });
    expect(avroFormat.parse(record({ a: 1, b: 2 })).fingerprint).toBe(
      avroFormat.parse(record({ b: 2, a: 1 })).fingerprint,
    );
    expect(avroFormat.parse(record({ a: 1, b: 2 })).fingerprint).not.toBe(
      avroFormat.parse(record({ a: 1, b: 3 })).fingerprint,
    );
  });
});

describe('avroIdentityForm', () => {
  it('writes full names, the specification attributes in order, then custom properties by key', () => {
    expect(
      avroIdentityForm({
        zeta: 1,
        doc: 'd',
        fields: [{ order: 'descending', name: 'f', type: { type: 'int' }, default: 1, alpha: [1] }],
        aliases: ['Old', 'x.Older'],
        namespace: 'a',
        name: 'R',
        type: 'record',
        beta: { y: 1, x: 2 },
      }),
    ).toBe(
      '{"name":"a.R","type":"record","fields":[{"name":"f","type":"int","default":1,"order":"descending","alpha":[1]}],"aliases":["a.Old","x.Older"],"doc":"d","beta":{"x":2,"y":1},"zeta":1}',
    );
  });

  it('keeps a type in the null namespace there when read again', () => {
    const schema = {
      type: 'record',
      name: 'R',
      namespace: 'a',
      fields: [{ name: 'f', type: { type: 'fixed', name: 'F', namespace: '', size: 1 } }],
    };
    const parsed = avroFormat.parse(JSON.stringify(schema));
    expect(parsed.canonical).toContain('{"name":"F","namespace":"","type":"fixed","size":1}');
    const again = avroFormat.parse(parsed.canonical);
    expect(again.canonical).toBe(parsed.canonical);
    expect(again.fingerprint).not.toBe(
      avroFormat.parse(
        JSON.stringify({
          ...schema,
          fields: [{ name: 'f', type: { type: 'fixed', name: 'F', size: 1 } }],
        }),
      ).fingerprint,
    );
  });

  it('writes types of referenced schemas by full name', () => {
    const address: ResolvedReference = {
      name: 'com.acme.Address',
      subject: 'address',
      version: 1,
      schemaType: 'AVRO',
      schema: JSON.stringify({
        type: 'record',
        name: 'Address',
        namespace: 'com.acme',
        fields: [],
      }),
      references: [],
    };
    const parsed = avroFormat.parse(
      JSON.stringify({
        type: 'record',
        name: 'com.acme.Order',
        fields: [{ name: 'ship', type: 'Address', doc: 'where' }],
      }),
      { references: [address] },
    );
    expect(parsed.canonical).toBe(
      '{"name":"com.acme.Order","type":"record","fields":[{"name":"ship","type":"com.acme.Address","doc":"where"}]}',
    );
  });

  it('writes a named type referenced as {"type": name} by its full name', () => {
    // avsc refuses this spelling, but the Avro specification (and Java) accept it.
    const record = (type: unknown) =>
      avroIdentityForm({ type: 'record', name: 'a.R', fields: [{ name: 'f', type }] });
    expect(record({ type: 'S' })).toBe(record('a.S'));
    expect(record({ type: 'S', doc: 'x' })).toBe(
      '{"name":"a.R","type":"record","fields":[{"name":"f","type":{"type":"a.S","doc":"x"}}]}',
    );
  });

  it('writes a bare primitive for {"type": name} and an object once it has more', () => {
    expect(avroIdentityForm({ type: 'long' })).toBe('"long"');
    expect(avroIdentityForm({ type: 'long', logicalType: 'timestamp-millis' })).toBe(
      '{"type":"long","logicalType":"timestamp-millis"}',
    );
  });
});
