import { describe, expect, it } from 'vitest';
import { jsonSchema } from '../../test/json-schema-fixture.js';
import { diffSchemas } from '../diff-schemas.js';
import { semverBump } from '../semver-bump.js';
import { diffJsonSchemas } from './json-schema-diff.js';

const base = {
  type: 'object',
  title: 'Person',
  properties: { name: { type: 'string' }, title: { type: 'string' } },
  required: ['name'],
};

describe('diffJsonSchemas', () => {
  it('finds no changes between identical schemas', () => {
    expect(diffJsonSchemas(jsonSchema(base), jsonSchema(base)).changes).toEqual([]);
  });

  it('flags title, description, examples and $comment changes as annotation-only', () => {
    const next = {
      ...base,
      title: 'Human',
      description: 'A person',
      $comment: 'x',
      examples: [{}],
    };
    const { changes } = diffJsonSchemas(jsonSchema(base), jsonSchema(next));
    expect(changes.map((change) => [change.kind, change.path, change.annotationOnly])).toEqual([
      ['changed', '#/title', true],
      ['added', '#/description', true],
      ['added', '#/$comment', true],
      ['added', '#/examples', true],
    ]);
    expect(semverBump({ diff: { changes }, compatible: true })).toBe('patch');
  });

  it('treats a property named "title" as structure, not an annotation', () => {
    const next = { ...base, properties: { name: { type: 'string' }, title: { type: 'integer' } } };
    const { changes } = diffJsonSchemas(jsonSchema(base), jsonSchema(next));
    expect(changes).toEqual([
      expect.objectContaining({
        kind: 'changed',
        path: '#/properties/title/type',
        annotationOnly: false,
      }),
    ]);
  });

  it('reports added and removed properties and required entries with paths', () => {
    const next = {
      ...base,
      properties: { name: { type: 'string' }, age: { type: 'integer' } },
      required: ['name', 'age'],
    };
    const { changes } = diffJsonSchemas(jsonSchema(base), jsonSchema(next));
    expect(changes.map((change) => `${change.kind} ${change.path}`)).toEqual([
      'removed #/properties/title',
      'added #/properties/age',
      'added #/required',
    ]);
    expect(semverBump({ diff: { changes }, compatible: true })).toBe('minor');
  });

  it('compares enums as sets', () => {
    const { changes } = diffJsonSchemas(
      jsonSchema({ enum: ['a', 'b'] }),
      jsonSchema({ enum: ['b', 'a', 'c'] }),
    );
    expect(changes).toEqual([
      expect.objectContaining({
        kind: 'added',
        path: '#/enum',
        message: expect.stringContaining('"c"'),
      }),
    ]);
  });

  it('escapes JSON pointer tokens in property names', () => {
    const { changes } = diffJsonSchemas(
      jsonSchema({ properties: {} }),
      jsonSchema({ properties: { 'a/b~c': { type: 'string' } } }),
    );
    expect(changes[0]?.path).toBe('#/properties/a~1b~0c');
  });

  it('is reachable through diffSchemas', () => {
    expect(
      diffSchemas('JSON', jsonSchema(base), jsonSchema({ ...base, minProperties: 1 })).changes,
    ).toHaveLength(1);
  });

  it('reports a schema type change as one change', () => {
    const avro = {
      schemaType: 'AVRO' as const,
      canonical: '"string"',
      fingerprint: '',
      native: {},
      references: [],
    };
    expect(diffJsonSchemas(jsonSchema(base), avro).changes).toEqual([
      expect.objectContaining({ kind: 'changed', path: '#', annotationOnly: false }),
    ]);
  });
});
