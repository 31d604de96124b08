import { avroFormat, jsonSchemaFormat } from '@llmsr/validation';
import { describe, expect, it } from 'vitest';
import { diffSchemas } from './diff-schemas.js';
import { semverBump } from './semver-bump.js';

const json = jsonSchemaFormat.parse('{"type":"string"}');
const avro = avroFormat.parse('"string"');

describe('diffSchemas across schema types', () => {
  it('reports a schema type change as one breaking change at the root instead of throwing', () => {
    expect(diffSchemas('AVRO', json, avro).changes).toEqual([
      {
        kind: 'changed',
        path: '#',
        annotationOnly: false,
        breaking: true,
        message: 'The schema type changed from JSON to AVRO',
      },
    ]);
  });

  it('makes a schema type change allowed by NONE a major bump', () => {
    const diff = diffSchemas('JSON', avro, json);
    expect(semverBump({ diff, compatible: true })).toBe('major');
  });
});
