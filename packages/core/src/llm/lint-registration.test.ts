import { describe, expect, it } from 'vitest';
import { codeOf, useTestRegistry } from '../../test/create-test-registry.js';
import { isRegistryError } from '../registry-error.js';

const open = { type: 'object', properties: { name: { type: 'string' } } };

describe('a registration that asks for a provider lint', () => {
  const registry = useTestRegistry();

  it('registers and answers the issues of each provider asked for', async () => {
    const result = await registry.schemas.register({
      subject: 'people',
      schema: open,
      lintFor: ['openai', 'gemini', 'openai'],
    });
    expect(result.created).toBe(true);
    const providers = new Set(result.lintIssues?.map((issue) => issue.provider));
    expect([...providers]).toEqual(['openai']);
    expect(result.lintIssues?.[0]).toMatchObject({
      rule: 'openai/additional-properties-false',
      severity: 'error',
    });
  });

  it('answers no lintIssues when no lint was asked for', async () => {
    const result = await registry.schemas.register({ subject: 'people', schema: open });
    expect(result.lintIssues).toBeUndefined();
  });

  it('refuses a schema with lint errors in enforce mode and stores nothing', async () => {
    const error = await registry.schemas
      .register({ subject: 'people', schema: open, lintFor: ['openai'], lintMode: 'enforce' })
      .catch((e: unknown) => e);
    expect(isRegistryError(error) && error.code).toBe('PROVIDER_LINT_FAILED');
    expect(isRegistryError(error) && error.details.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ rule: 'openai/required-all' })]),
    );
    expect(await registry.subjects.list()).toEqual([]);
  });

  it('registers a schema the provider accepts in enforce mode', async () => {
    const strict = { ...open, required: ['name'], additionalProperties: false };
    const result = await registry.schemas.register({
      subject: 'people',
      schema: strict,
      lintFor: ['openai'],
      lintMode: 'enforce',
    });
    expect(result).toMatchObject({ created: true, lintIssues: [] });
  });

  it('refuses an unknown provider and a lint of an Avro schema', async () => {
    expect(
      await codeOf(registry.schemas.register({ subject: 'p', schema: open, lintFor: ['llama'] })),
    ).toBe('UNKNOWN_PROVIDER');
    expect(
      await codeOf(
        registry.schemas.register({
          subject: 'a',
          schema: '"string"',
          schemaType: 'AVRO',
          lintFor: ['openai'],
        }),
      ),
    ).toBe('INVALID_SCHEMA');
  });
});
