import { embeddingSchema, ML_TYPE_SCHEMAS, mlTypeId } from '@llmsr/llm';
import { describe, expect, it } from 'vitest';
import type { RegistryError } from '../src/registry-error.js';
import { useTestRegistry } from './create-test-registry.js';

const EMBEDDING = mlTypeId('embedding');
const PROBABILITY = mlTypeId('probability');

/** An object schema whose property `v` is `v`; `note` tells two such schemas apart. */
function holding(v: object, note = 'a', draft?: string) {
  return {
    ...(draft === undefined ? {} : { $schema: draft }),
    type: 'object',
    properties: { v, note: { type: 'string', description: note } },
  };
}

async function rejection(promise: Promise<unknown>): Promise<RegistryError> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error as RegistryError,
  );
}

describe('ML types in the registry', () => {
  const registry = useTestRegistry();

  it('registers a schema that $refs an ML type id, resolved without network access', async () => {
    const { created, version } = await registry.schemas.register({
      subject: 'emb',
      schema: holding({ $ref: EMBEDDING }),
    });
    expect(created).toBe(true);
    expect(version.id).toBeGreaterThan(0);
  });

  it('knows every ML type id', async () => {
    for (const [index, id] of Object.keys(ML_TYPE_SCHEMAS).entries()) {
      const { created } = await registry.schemas.register({
        subject: `t${index}`,
        schema: holding({ $ref: id }),
      });
      expect(created, id).toBe(true);
    }
  });

  it('validates data against the ML type a property refers to', async () => {
    const { version } = await registry.schemas.register({
      subject: 'p',
      schema: holding({ $ref: PROBABILITY }),
    });
    const ok = await registry.validation.validate({ schemaId: version.id, data: { v: 0.3 } });
    expect(ok.valid).toBe(true);
    const bad = await registry.validation.validate({ schemaId: version.id, data: { v: 1.5 } });
    expect(bad.valid).toBe(false);
    expect(bad.errors[0]?.path).toBe('/v');
  });

  it('enforces the ML keywords, such as x-unit-norm, under the default draft and 2020-12', async () => {
    for (const draft of [undefined, 'https://json-schema.org/draft/2020-12/schema']) {
      const subject = `unit-${draft === undefined ? 'default' : '2020'}`;
      const { version } = await registry.schemas.register({
        subject,
        schema: holding(
          embeddingSchema({ dimension: 2, unitNorm: { tolerance: 1e-3 } }),
          'a',
          draft,
        ),
      });
      const check = (v: unknown) =>
        registry.validation.validate({ schemaId: version.id, data: { v } });
      expect((await check([0.6, 0.8])).valid, subject).toBe(true);
      const notUnit = await check([0.6, 0.6]);
      expect(
        notUnit.errors.map((e) => e.keyword),
        subject,
      ).toContain('x-unit-norm');
      expect((await check([1])).valid, subject).toBe(false);
      expect((await check(['a', 'b'])).valid, subject).toBe(false);
    }
  });

  it('refuses an unknown https ref with the ref and its location, as before', async () => {
    const error = await rejection(
      registry.schemas.register({
        subject: 'u',
        schema: holding({ $ref: 'https://llmsr.dev/ml-types/nothing.json' }),
      }),
    );
    expect(error.code).toBe('INVALID_SCHEMA');
    expect(error.message).toContain('unresolvable $ref "https://llmsr.dev/ml-types/nothing.json"');
    expect(error.details.problems).toEqual([
      expect.objectContaining({ path: '/properties/v/$ref' }),
    ]);
  });

  it('refuses a bad value of an ML keyword at registration', async () => {
    const error = await rejection(
      registry.schemas.register({
        subject: 'bad-norm',
        schema: holding({ type: 'array', 'x-unit-norm': { tolerance: 5 } }),
      }),
    );
    expect(error.code).toBe('INVALID_SCHEMA');
    expect(error.message).toContain('x-unit-norm');
    expect(error.details.problems).toEqual([
      expect.objectContaining({ path: '/properties/v/x-unit-norm' }),
    ]);
  });

  it('finds the same ML ref on both sides compatible', async () => {
    await registry.config.set('c', { compatibilityLevel: 'FULL' });
    await registry.schemas.register({ subject: 'c', schema: holding({ $ref: EMBEDDING }, 'a') });
    const report = await registry.compatibility.check({
      subject: 'c',
      schema: holding({ $ref: EMBEDDING }, 'b'),
    });
    expect(report.violations).toEqual([]);
    expect(report.compatible).toBe(true);
    const { created } = await registry.schemas.register({
      subject: 'c',
      schema: holding({ $ref: EMBEDDING }, 'b'),
    });
    expect(created).toBe(true);
  });

  it('reports a change from one ML type to another as a type change and refuses it', async () => {
    await registry.schemas.register({ subject: 'c', schema: holding({ $ref: EMBEDDING }) });
    const report = await registry.compatibility.check({
      subject: 'c',
      schema: holding({ $ref: PROBABILITY }),
    });
    expect(report.compatible).toBe(false);
    expect(report.violations.map((v) => [v.rule, v.path])).toEqual([
      ['TYPE_CHANGED', '#/properties/v'],
    ]);
    const error = await rejection(
      registry.schemas.register({ subject: 'c', schema: holding({ $ref: PROBABILITY }) }),
    );
    expect(error.code).toBe('INCOMPATIBLE_SCHEMA');
  });

  it('checks an ML ref against an inline schema by its content', async () => {
    await registry.schemas.register({ subject: 'n', schema: holding({ type: 'number' }) });
    // A reader limited to [0, 1] cannot read every number written before.
    const narrowed = await registry.compatibility.check({
      subject: 'n',
      schema: holding({ $ref: PROBABILITY }),
    });
    expect(narrowed.compatible).toBe(false);
    expect(narrowed.violations.map((v) => v.rule)).not.toContain('REFERENCE_UNRESOLVED');
  });
});
