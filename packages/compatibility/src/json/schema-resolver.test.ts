import { describe, expect, it } from 'vitest';
import { jsonReference, rawJsonSchema } from '../../test/json-schema-fixture.js';
import { createSchemaResolver } from './schema-resolver.js';

const string = { type: 'string' };

describe('createSchemaResolver', () => {
  it('returns a node without $ref unchanged', () => {
    const resolver = createSchemaResolver(rawJsonSchema(string));
    expect(resolver.deref(resolver.root)).toEqual({ ok: true, node: string });
  });

  it('follows local JSON pointers, including escaped tokens', () => {
    const schema = rawJsonSchema({ $defs: { 'a/b': string }, $ref: '#/$defs/a~1b' });
    const resolver = createSchemaResolver(schema);
    expect(resolver.deref(resolver.root)).toEqual({ ok: true, node: string });
  });

  it('follows $anchor and draft-7 "#name" ids', () => {
    const resolver = createSchemaResolver(
      rawJsonSchema({
        definitions: { a: { $id: '#old', ...string }, b: { $anchor: 'new', type: 'integer' } },
      }),
    );
    expect(resolver.deref({ $ref: '#old' })).toMatchObject({ ok: true, node: { type: 'string' } });
    expect(resolver.deref({ $ref: '#new' })).toMatchObject({ ok: true, node: { type: 'integer' } });
  });

  it('resolves references by name, by their $id and relative to the root $id', () => {
    const address = { $id: 'https://example.com/schemas/address.json', $defs: { street: string } };
    const resolver = createSchemaResolver(
      rawJsonSchema({ $id: 'https://example.com/schemas/customer.json' }, [
        jsonReference('address', address),
      ]),
    );
    for (const ref of [
      'address#/$defs/street',
      'address.json#/$defs/street',
      'https://example.com/schemas/address.json#/$defs/street',
    ]) {
      expect(resolver.deref({ $ref: ref }), ref).toEqual({ ok: true, node: string });
    }
  });

  it('resolves $refs inside a reference against that reference', () => {
    const address = {
      $defs: { street: string },
      properties: { street: { $ref: '#/$defs/street' } },
    };
    const resolver = createSchemaResolver(
      rawJsonSchema({}, [jsonReference('address.json', address)]),
    );
    const target = resolver.deref({ $ref: 'address.json' });
    expect(target.ok).toBe(true);
    const street = (target as { node: { properties: { street: unknown } } }).node.properties.street;
    expect(resolver.deref(street)).toEqual({ ok: true, node: string });
  });

  it('reports an unresolvable $ref with the ref text', () => {
    const resolver = createSchemaResolver(rawJsonSchema({}));
    expect(resolver.deref({ $ref: '#/nowhere' })).toEqual({ ok: false, ref: '#/nowhere' });
    expect(resolver.deref({ $ref: 'missing.json' })).toEqual({ ok: false, ref: 'missing.json' });
  });

  it('combines a $ref with sibling keywords into an allOf with a stable identity', () => {
    const node = { $ref: '#/$defs/s', maxLength: 3 };
    const resolver = createSchemaResolver(
      rawJsonSchema({ $defs: { s: string }, properties: { a: node } }),
    );
    const first = resolver.deref(node);
    expect(first).toEqual({ ok: true, node: { allOf: [string, { maxLength: 3 }] } });
    expect((resolver.deref(node) as { node: unknown }).node).toBe(
      (first as { node: unknown }).node,
    );
  });

  it('ends a loop of pure $refs as "accept anything"', () => {
    const resolver = createSchemaResolver(
      rawJsonSchema({ $defs: { a: { $ref: '#/$defs/b' }, b: { $ref: '#/$defs/a' } } }),
    );
    expect(resolver.deref({ $ref: '#/$defs/a' })).toEqual({ ok: true, node: true });
  });
});
