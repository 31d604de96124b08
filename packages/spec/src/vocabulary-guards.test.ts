import { describe, expect, it } from 'vitest';
import {
  COMPATIBILITY_LEVELS,
  COMPATIBILITY_POLICIES,
  DEFAULT_COMPATIBILITY_LEVEL,
  DEFAULT_REGISTRY_MODE,
  isCompatibilityLevel,
  isCompatibilityPolicy,
  isJsonSchemaDraft,
  isRegistryMode,
  isSchemaType,
  JSON_SCHEMA_DRAFTS,
  REGISTRY_MODES,
  SCHEMA_TYPES,
} from './index.js';

describe.each([
  ['schema types', SCHEMA_TYPES, isSchemaType, 'json'],
  ['compatibility levels', COMPATIBILITY_LEVELS, isCompatibilityLevel, 'full'],
  ['compatibility policies', COMPATIBILITY_POLICIES, isCompatibilityPolicy, 'lenient'],
  ['registry modes', REGISTRY_MODES, isRegistryMode, 'readonly'],
  ['JSON Schema drafts', JSON_SCHEMA_DRAFTS, isJsonSchemaDraft, 'draft7'],
] as const)('the %s', (_name, values, guard, otherSpelling) => {
  it('hold each name once', () => {
    expect(new Set(values).size).toBe(values.length);
  });

  it('are recognised by their guard, spelled exactly', () => {
    for (const value of values) expect(guard(value)).toBe(true);
    expect(guard(otherSpelling)).toBe(false);
    expect(guard('')).toBe(false);
    expect(guard(undefined)).toBe(false);
    expect(guard(1)).toBe(false);
  });
});

describe('the vocabulary', () => {
  it('holds the three schema formats', () => {
    expect(SCHEMA_TYPES).toEqual(['JSON', 'AVRO', 'PROTOBUF']);
  });

  it('holds the seven compatibility levels in Confluent order', () => {
    expect(COMPATIBILITY_LEVELS).toEqual([
      'NONE',
      'BACKWARD',
      'BACKWARD_TRANSITIVE',
      'FORWARD',
      'FORWARD_TRANSITIVE',
      'FULL',
      'FULL_TRANSITIVE',
    ]);
  });

  it('defaults to BACKWARD and READWRITE, as Confluent does', () => {
    expect(DEFAULT_COMPATIBILITY_LEVEL).toBe('BACKWARD');
    expect(DEFAULT_REGISTRY_MODE).toBe('READWRITE');
  });
});

describe('the shared lists', () => {
  it('cannot be changed at run time', () => {
    const lists: readonly (readonly string[])[] = [
      SCHEMA_TYPES,
      COMPATIBILITY_LEVELS,
      COMPATIBILITY_POLICIES,
      REGISTRY_MODES,
      JSON_SCHEMA_DRAFTS,
    ];
    for (const values of lists) expect(Object.isFrozen(values)).toBe(true);
  });
});
