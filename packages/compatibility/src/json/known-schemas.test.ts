import { describe, expect, it } from 'vitest';
import { jsonReference, rawJsonSchema } from '../../test/json-schema-fixture.js';
import { createJsonSchemaCompatibility } from './json-schema-compatibility.js';
import { createSchemaResolver } from './schema-resolver.js';

const VECTOR = 'https://types.example/vector.json';
const SCORE = 'https://types.example/score.json';
const knownSchemas = {
  [VECTOR]: { $id: VECTOR, type: 'array', items: { type: 'number' }, minItems: 1 },
  [SCORE]: { $id: SCORE, type: 'number', minimum: 0, maximum: 1 },
};

/** A schema whose property `v` refers to `ref`; `note` tells two such schemas apart. */
function holding(ref: string, note: string) {
  return rawJsonSchema({
    type: 'object',
    properties: { v: { $ref: ref }, note: { type: 'string', description: note } },
  });
}

describe('known schemas in compatibility checks', () => {
  const checker = createJsonSchemaCompatibility({ knownSchemas });
  const unaware = createJsonSchemaCompatibility();

  it('resolves a known id in the resolver, with an empty fragment too', () => {
    const resolver = createSchemaResolver(rawJsonSchema({}), { knownSchemas });
    expect(resolver.deref({ $ref: SCORE })).toEqual({ ok: true, node: knownSchemas[SCORE] });
    expect(resolver.deref({ $ref: `${SCORE}#` })).toEqual({ ok: true, node: knownSchemas[SCORE] });
    expect(resolver.deref({ $ref: `${VECTOR}#/items` })).toEqual({
      ok: true,
      node: { type: 'number' },
    });
  });

  it('finds the same known ref on both sides compatible', () => {
    expect(checker.checkReaderWriter(holding(VECTOR, 'a'), holding(VECTOR, 'b'))).toEqual([]);
  });

  it('reports a change from one known type to another as a type change at the property', () => {
    const found = checker.checkReaderWriter(holding(SCORE, 'a'), holding(VECTOR, 'a'));
    expect(found.map((v) => [v.rule, v.path])).toEqual([['TYPE_CHANGED', '#/properties/v']]);
  });

  it('compares a known ref with an inline schema by its content', () => {
    const inline = rawJsonSchema({
      type: 'object',
      properties: { v: { type: 'number' }, note: { type: 'string' } },
    });
    // Old data: any number; new reader: numbers in [0, 1]. Narrowed, so incompatible.
    const found = checker.checkReaderWriter(holding(SCORE, 'a'), inline);
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((v) => v.path)).toEqual(found.map(() => '#/properties/v'));
    // The other way round widens: compatible.
    expect(checker.checkReaderWriter(inline, holding(SCORE, 'a'))).toEqual([]);
  });

  it('reports an unknown ref as unresolved, as without known schemas', () => {
    const found = unaware.checkReaderWriter(holding(SCORE, 'a'), holding(SCORE, 'b'));
    expect(found.map((v) => v.rule)).toContain('REFERENCE_UNRESOLVED');
  });

  it('lets a reference of the same name win over a known schema', () => {
    const old = rawJsonSchema({ properties: { v: { $ref: SCORE } } }, [
      jsonReference(SCORE, { type: 'string' }),
    ]);
    const found = checker.checkReaderWriter(holding(SCORE, 'a'), old);
    expect(found.map((v) => v.rule)).toContain('TYPE_CHANGED');
  });
});
