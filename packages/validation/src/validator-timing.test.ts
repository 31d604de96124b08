import { describe, expect, it } from 'vitest';
import { getSchemaFormat } from './get-schema-format.js';
import type { SchemaType } from './schema-format.js';

const cases: [SchemaType, string, unknown, unknown][] = [
  ['JSON', '{"type":"object","properties":{"a":{"type":"integer"}}}', { a: 1 }, { a: 'x' }],
  [
    'AVRO',
    '{"type":"record","name":"R","fields":[{"name":"a","type":"int"}]}',
    { a: 1 },
    { a: 'x' },
  ],
  ['PROTOBUF', 'syntax = "proto3"; message R { int32 a = 1; }', { a: 1 }, { a: 'x' }],
];

describe.each(cases)('%s validators with and without timing', (type, schema, valid, invalid) => {
  const format = getSchemaFormat(type);
  const parsed = format.parse(schema);

  it('measures validationTimeMs by default', () => {
    const result = format.compile(parsed).validate(valid);
    expect(result.valid).toBe(true);
    expect(result.validationTimeMs).toBeGreaterThanOrEqual(0);
  });

  it('skips the clock with timing: false and still reports errors with paths', () => {
    const validator = format.compile(parsed, { timing: false });
    expect(validator.validate(valid)).toMatchObject({
      valid: true,
      errors: [],
      validationTimeMs: 0,
    });
    const result = validator.validate(invalid);
    expect(result.valid).toBe(false);
    expect(result.validationTimeMs).toBe(0);
    expect(result.errors[0]?.path).toMatch(/a$/);
  });
});
