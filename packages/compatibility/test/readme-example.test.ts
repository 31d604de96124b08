import { jsonSchemaFormat } from '@llmsr/validation';
import { describe, expect, it } from 'vitest';
import { checkCompatibility } from '../src/index.js';

describe('README quick start', () => {
  it('reports the required attribute added in the example', () => {
    const v1 = jsonSchemaFormat.parse('{"type":"object","properties":{"a":{"type":"string"}}}');
    const v2 = jsonSchemaFormat.parse(
      '{"type":"object","properties":{"a":{"type":"string"}},"required":["a"]}',
    );
    const report = checkCompatibility({
      schemaType: 'JSON',
      level: 'BACKWARD',
      candidate: v2,
      previous: [{ version: 1, schema: v1 }],
    });
    expect(report.compatible).toBe(false);
    expect(report.violations[0]).toEqual({
      rule: 'REQUIRED_ATTRIBUTE_ADDED',
      path: '#/properties/a',
      direction: 'backward',
      comparedVersion: 1,
      message: expect.stringContaining(
        "Property 'a' is required in the new schema but not in the old schema",
      ),
      fix: "make 'a' optional or give it a default",
      severity: 'error',
    });
  });
});
