import { describe, expect, it } from 'vitest';
import type { ResolvedReference } from '../schema-format.js';
import { refsResolveLocally } from './refs-resolve-locally.js';

const reference: ResolvedReference = {
  name: 'address.json',
  subject: 'address',
  version: 1,
  schemaType: 'JSON',
  schema: '{"type":"object"}',
  references: [],
};

describe('refsResolveLocally', () => {
  it.each([
    ['a schema without refs', { type: 'object', properties: { a: { type: 'string' } } }],
    [
      'a pointer into $defs',
      { $defs: { x: { type: 'string' } }, properties: { a: { $ref: '#/$defs/x' } } },
    ],
    ['the root pointer', { properties: { self: { $ref: '#' } } }],
    [
      'an escaped pointer',
      {
        $defs: { 'a/b': {}, 'c~d': true },
        anyOf: [{ $ref: '#/$defs/a~1b' }, { $ref: '#/$defs/c~0d' }],
      },
    ],
    ['a reference by name', { properties: { home: { $ref: 'address.json' } } }],
    ['a root $id', { $id: 'https://example.com/root.json', $ref: '#/$defs/x', $defs: { x: {} } }],
  ])('answers true for %s', (_name, schema) => {
    expect(refsResolveLocally(schema, [reference])).toBe(true);
  });

  it.each([
    ['a pointer to nothing', { properties: { a: { $ref: '#/$defs/missing' } } }],
    ['an unknown document', { $ref: 'other.json' }],
    ['a fragment into a reference', { $ref: 'address.json#/properties/city' }],
    ['a nested $id', { $defs: { x: { $id: 'x.json' } }, $ref: 'x.json' }],
    ['an anchor', { $defs: { x: { $anchor: 'x' } }, $ref: '#x' }],
    ['a dynamic ref', { $dynamicRef: '#meta' }],
    ['a non-string $ref', { $ref: 5 }],
    ['a malformed percent escape', { $ref: '#/%E0%A4%A' }],
    ['a pointer to a number', { $defs: { n: 5 }, $ref: '#/$defs/n' }],
  ])('answers false (compile to decide) for %s', (_name, schema) => {
    expect(refsResolveLocally(schema, [reference])).toBe(false);
  });
});

describe('refsResolveLocally with hostile references', () => {
  it('terminates on a cyclic reference graph', () => {
    const a: ResolvedReference = { ...reference, name: 'a.json', references: [] };
    const b: ResolvedReference = { ...reference, name: 'b.json', references: [a] };
    a.references.push(b);
    expect(refsResolveLocally({ $ref: 'b.json' }, [a])).toBe(true);
  });
});

describe('refsResolveLocally with patterns', () => {
  it('leaves invalid patterns to ajv', () => {
    expect(refsResolveLocally({ pattern: '(' }, [])).toBe(false);
    expect(refsResolveLocally({ patternProperties: { '[': {} } }, [])).toBe(false);
    expect(refsResolveLocally({ pattern: '^a+$', patternProperties: { '^x-': {} } }, [])).toBe(
      true,
    );
  });
});
