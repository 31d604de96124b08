import type { SubjectVersionRecord } from '@llmsr/storage';
import { getSchemaFormat } from '@llmsr/validation';
import { describe, expect, it } from 'vitest';
import { computeSemver } from './compute-semver.js';

const json = (schema: unknown) =>
  getSchemaFormat('JSON').parse(JSON.stringify(schema), { references: [] });
const avro = (schema: unknown) =>
  getSchemaFormat('AVRO').parse(JSON.stringify(schema), { references: [] });
/** Only `semver` of the earlier versions is read. */
const versions = (...semvers: string[]) =>
  semvers.map((semver) => ({ semver }) as SubjectVersionRecord);

const base = {
  type: 'object',
  properties: { id: { type: 'integer' } },
  additionalProperties: false,
};
const withName = {
  ...base,
  properties: { ...base.properties, name: { type: 'string' } },
};
const described = { ...base, description: 'An order' };

function next(input: {
  previous: unknown;
  candidate: unknown;
  compatible?: boolean;
  all?: string[];
  requested?: string;
}) {
  return computeSemver({
    requested: input.requested,
    allVersions: versions(...(input.all ?? ['1.0.0'])),
    latest: { semver: (input.all ?? ['1.0.0']).at(-1) ?? '1.0.0', parsed: json(input.previous) },
    candidate: json(input.candidate),
    compatibleWithLatest: input.compatible ?? true,
  });
}

describe('computeSemver', () => {
  it('gives a first version 1.0.0', () => {
    expect(
      computeSemver({
        requested: undefined,
        allVersions: [],
        latest: undefined,
        candidate: json(base),
        compatibleWithLatest: true,
      }),
    ).toBe('1.0.0');
  });

  it('bumps the minor version for a compatible structural change', () => {
    expect(next({ previous: base, candidate: withName })).toBe('1.1.0');
  });

  it('bumps the patch version when only annotations changed', () => {
    expect(next({ previous: base, candidate: described })).toBe('1.0.1');
  });

  it('bumps the patch version when nothing changed', () => {
    expect(next({ previous: base, candidate: base })).toBe('1.0.1');
  });

  it('bumps the major version for a change the level allowed but that is incompatible', () => {
    expect(next({ previous: withName, candidate: base, compatible: false })).toBe('2.0.0');
  });

  it('bumps from the highest semver of the subject, not from the latest version', () => {
    expect(next({ previous: base, candidate: withName, all: ['1.0.0', '3.2.0', '1.1.0'] })).toBe(
      '3.3.0',
    );
  });

  it('bumps the major version for a change of schema type', () => {
    expect(
      computeSemver({
        requested: undefined,
        allVersions: versions('1.4.2'),
        latest: { semver: '1.4.2', parsed: json(base) },
        candidate: avro({ type: 'record', name: 'Order', fields: [{ name: 'id', type: 'int' }] }),
        compatibleWithLatest: true,
      }),
    ).toBe('2.0.0');
  });

  it('keeps a requested semver higher than every earlier one', () => {
    expect(next({ previous: base, candidate: withName, requested: '5.0.0' })).toBe('5.0.0');
  });

  it('refuses a requested semver that is not higher than the highest one', () => {
    expect(() =>
      next({ previous: base, candidate: withName, all: ['1.0.0', '2.0.0'], requested: '1.5.0' }),
    ).toThrow(
      expect.objectContaining({
        code: 'INVALID_VERSION',
        details: { field: 'version', highest: '2.0.0' },
      }),
    );
  });

  it('refuses a requested version that is not a semver', () => {
    expect(() => next({ previous: base, candidate: withName, requested: 'v-two' })).toThrow(
      expect.objectContaining({ code: 'INVALID_VERSION' }),
    );
  });

  it('ignores earlier versions whose semver does not parse', () => {
    expect(next({ previous: base, candidate: withName, all: ['garbage', '1.2.0'] })).toBe('1.3.0');
  });
});
