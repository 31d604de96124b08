import type { ParsedSchema } from '@llmsr/validation';
import { describe, expect, it } from 'vitest';
import { checkCompatibility } from '../src/check-compatibility.js';
import { diffSchemas } from '../src/diff-schemas.js';
import { createJsonSchemaCompatibility } from '../src/json/json-schema-compatibility.js';
import { jsonReference, rawJsonSchema as jsonSchema } from './json-schema-fixture.js';

function nested(depth: number, leaf: unknown): unknown {
  let schema = leaf;
  for (let level = 0; level < depth; level++)
    schema = { type: 'object', properties: { child: schema } };
  return schema;
}

/** Built by hand: JSON.stringify itself overflows on nesting this deep. */
function deepSchema(value: unknown, canonical: string): ParsedSchema {
  return { schemaType: 'JSON', canonical, fingerprint: '', native: value, references: [] };
}

function check(previous: unknown, next: unknown, level: 'BACKWARD' | 'FULL' = 'FULL') {
  return checkCompatibility({
    schemaType: 'JSON',
    level,
    candidate: jsonSchema(next),
    previous: [{ version: 1, schema: jsonSchema(previous) }],
  });
}

// The parser rejects most of these inputs (depth, meta-schema, unresolvable refs); the checker is
// tested on them directly because stored or hand-built schemas reach it without that guard.
describe('JSON Schema compatibility with hostile input', () => {
  it('reports a very deep schema as too deep instead of overflowing the stack', () => {
    const before = deepSchema(nested(10_000, { type: 'string' }), 'a');
    const after = deepSchema(nested(10_000, { type: 'integer' }), 'b');
    const report = checkCompatibility({
      schemaType: 'JSON',
      level: 'FULL',
      candidate: after,
      previous: [{ version: 1, schema: before }],
    });
    expect(report.compatible).toBe(false);
    expect(report.violations[0]?.rule).toBe('SCHEMA_TOO_DEEP');
    expect(diffSchemas('JSON', before, after).changes).toEqual([
      expect.objectContaining({ kind: 'changed', annotationOnly: false }),
    ]);
  });

  it('checks a schema within the depth limit fully', () => {
    const report = check(
      nested(150, { type: 'string' }),
      nested(150, { type: 'integer' }),
      'BACKWARD',
    );
    expect(report.violations[0]?.rule).toBe('TYPE_CHANGED');
    expect(report.violations[0]?.path).toBe(`#${'/properties/child'.repeat(150)}`);
  });

  it('accepts a lower depth limit as an option', () => {
    const checker = createJsonSchemaCompatibility({ maxDepth: 5 });
    const violations = checker.checkReaderWriter(
      jsonSchema(nested(10, true)),
      jsonSchema(nested(10, false)),
    );
    expect(violations.map((violation) => violation.rule)).toEqual(['SCHEMA_TOO_DEEP']);
  });

  it('terminates on mutually recursive $refs and cyclic references between documents', () => {
    const a = {
      $defs: { x: { type: 'object', properties: { y: { $ref: 'b.json#/$defs/y' } } } },
      $ref: '#/$defs/x',
    };
    const b = { $defs: { y: { type: 'object', properties: { x: { $ref: 'a.json#/$defs/x' } } } } };
    const withCycle = (value: unknown) =>
      jsonSchema(value, [jsonReference('a.json', a), jsonReference('b.json', b)]);
    const report = checkCompatibility({
      schemaType: 'JSON',
      level: 'FULL_TRANSITIVE',
      candidate: withCycle({ $ref: 'a.json' }),
      previous: [{ version: 1, schema: withCycle({ $ref: 'a.json', title: 'old' }) }],
    });
    expect(report.compatible).toBe(true);
  });

  it('terminates on a $ref to itself', () => {
    expect(check({ $ref: '#' }, { $ref: '#', title: 'x' }).compatible).toBe(true);
    expect(
      check(
        { properties: { a: { $ref: '#' } } },
        { properties: { a: { $ref: '#' }, b: { $ref: '#' } } },
      ).compatible,
    ).toBe(false);
  });

  it('handles enums of 100,000 values in linear time', () => {
    const values = Array.from({ length: 100_000 }, (_, index) => `v${index}`);
    expect(check({ enum: values }, { enum: [...values].reverse() }).compatible).toBe(true);
    const narrowed = check({ enum: values }, { enum: values.slice(1) }, 'BACKWARD');
    expect(narrowed.violations[0]?.rule).toBe('ENUM_ARRAY_NARROWED');
    expect(narrowed.violations[0]?.message.length).toBeLessThan(500);
  });

  it('survives invalid regular expressions, odd keyword values and prototype-named properties', () => {
    const odd = {
      type: 'object',
      properties: { __proto__: { type: 'string' }, constructor: { type: 'string' } },
      patternProperties: { '(': { type: 'string' } },
      required: 'not-an-array',
      maxLength: 'ten',
      minimum: Number.NaN,
      enum: 'x',
      allOf: 'nope',
      items: [null, 1, 'x'],
    };
    const report = check(JSON.parse(JSON.stringify(odd)), {
      ...odd,
      properties: { other: { type: 'string' } },
    });
    expect(typeof report.compatible).toBe('boolean');
  });

  it('reports an unparsable reference as unresolved rather than throwing', () => {
    const broken = {
      name: 'x.json',
      subject: 'x',
      version: 1,
      schemaType: 'JSON' as const,
      schema: '{not json',
      references: [],
    };
    const report = checkCompatibility({
      schemaType: 'JSON',
      candidate: jsonSchema({ $ref: 'x.json' }, [broken]),
      previous: [{ version: 1, schema: jsonSchema({ type: 'string' }) }],
    });
    expect(report.violations[0]?.rule).toBe('REFERENCE_UNRESOLVED');
  });

  it('diffs huge enums and wide objects as sets, in linear time', () => {
    const values = Array.from({ length: 100_000 }, (_, index) => index);
    const properties = Object.fromEntries(
      values.slice(0, 5_000).map((index) => [`p${index}`, { type: 'string' }]),
    );
    const before = jsonSchema({ enum: values, properties });
    const after = jsonSchema({
      enum: [...values.slice(1), -1],
      properties: { ...properties, extra: {} },
    });
    const { changes } = diffSchemas('JSON', before, after);
    expect(changes.map((change) => `${change.kind} ${change.path}`).sort()).toEqual([
      'added #/enum',
      'added #/properties/extra',
      'removed #/enum',
    ]);
    expect(changes.every((change) => change.message.length < 300)).toBe(true);
  });

  it('rejects a diff for a schema type without a checker with a stable code', () => {
    const xml = { ...jsonSchema({}), schemaType: 'XML' } as unknown as ParsedSchema;
    expect(() => diffSchemas('XML' as ParsedSchema['schemaType'], xml, xml)).toThrow(
      expect.objectContaining({ code: 'NO_CHECKER' }),
    );
  });

  it('stays polynomial on deeply nested allOf combinations', () => {
    const nestedAllOf = (depth: number, leaf: unknown) => {
      let schema = leaf;
      for (let level = 0; level < depth; level++) schema = { allOf: [{ type: 'object' }, schema] };
      return schema;
    };
    const report = check(
      nestedAllOf(60, { type: 'string' }),
      nestedAllOf(60, { type: 'string', maxLength: 3 }),
      'BACKWARD',
    );
    expect(report.violations.map((violation) => violation.rule)).toContain('MAX_LENGTH_ADDED');
  });

  it('stops with SCHEMA_TOO_COMPLEX once the comparison budget is spent', () => {
    const union = (leaf: unknown) => {
      let schema = leaf;
      for (let level = 0; level < 6; level++) {
        schema = {
          anyOf: [
            { type: 'string', maxLength: level },
            schema,
            { type: 'object', properties: { x: schema } },
          ],
        };
      }
      return schema;
    };
    const checker = createJsonSchemaCompatibility({ maxSteps: 500 });
    const violations = checker.checkReaderWriter(
      jsonSchema(union({ type: 'integer', maximum: 3 })),
      jsonSchema(union({ type: 'integer' })),
    );
    expect(violations.at(-1)).toMatchObject({ rule: 'SCHEMA_TOO_COMPLEX', severity: 'error' });
    const unlimited = createJsonSchemaCompatibility().checkReaderWriter(
      jsonSchema(union({ type: 'integer', maximum: 3 })),
      jsonSchema(union({ type: 'integer' })),
    );
    expect(unlimited.map((violation) => violation.rule)).not.toContain('SCHEMA_TOO_COMPLEX');
  });

  // Without the guard this regex backtracks 2^40 times on the name: the test would time out.
  it('does not run exponential patternProperties regexes against crafted names', () => {
    const name = `${'a'.repeat(40)}!`;
    const before = { type: 'object', patternProperties: { '^(a+)+$': { type: 'string' } } };
    const after = { ...before, properties: { [name]: { type: 'integer' } } };
    const report = check(before, after, 'BACKWARD');
    expect(report.violations.map((violation) => violation.rule)).toEqual([
      'OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL',
    ]);
  });

  it('does not blow up on wide anyOf combinations', () => {
    const members = Array.from({ length: 300 }, (_, index) => ({ const: index }));
    expect(check({ anyOf: members }, { anyOf: [...members].reverse() }).compatible).toBe(true);
  });
});
