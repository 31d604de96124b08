import { describe, expect, it } from 'vitest';
import { codeOf, useTestRegistry } from '../../test/create-test-registry.js';
import { isRegistryError } from '../registry-error.js';

const open = { type: 'object', properties: { name: { type: 'string' } } };
const strict = {
  type: 'object',
  properties: { name: { type: 'string' } },
  required: ['name'],
  additionalProperties: false,
};

describe('registry.llm.lint and providerSchema', () => {
  const registry = useTestRegistry();

  it('lints an inline schema and names each rule with its JSON pointer', async () => {
    const result = await registry.llm.lint({ schema: open, provider: 'openai' });
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => [issue.rule, issue.path])).toEqual([
      ['openai/additional-properties-false', '/additionalProperties'],
      ['openai/required-all', '/properties/name'],
    ]);
    expect(result.schemaId).toBeUndefined();
  });

  it('reads schema text as JSON and refuses text that is not JSON', async () => {
    const result = await registry.llm.lint({ schema: JSON.stringify(strict), provider: 'openai' });
    expect(result).toMatchObject({ ok: true, issues: [] });
    expect(await codeOf(registry.llm.lint({ schema: '{nope', provider: 'openai' }))).toBe(
      'INVALID_SCHEMA',
    );
  });

  it('lints a registered schema by subject and version and reports its id', async () => {
    const { version } = await registry.schemas.register({ subject: 'people', schema: open });
    const result = await registry.llm.lint({
      subject: 'people',
      version: 1,
      provider: 'anthropic',
    });
    expect(result.schemaId).toBe(version.id);
    expect(result.provider).toBe('anthropic');
  });

  it('refuses an unknown provider with the allowed list before reading the schema', async () => {
    const error = await registry.llm
      .lint({ subject: 'missing', provider: 'mistral' })
      .catch((e: unknown) => e);
    expect(isRegistryError(error) && error.code).toBe('UNKNOWN_PROVIDER');
    expect(isRegistryError(error) && error.details.allowed).toEqual([
      'openai',
      'azure-openai',
      'anthropic',
      'gemini',
    ]);
  });

  it('asks for a schema when neither schema nor selector is given', async () => {
    expect(await codeOf(registry.llm.lint({ provider: 'openai' }))).toBe('INVALID_INPUT');
  });

  it('refuses an Avro schema: the LLM tools read JSON Schema only', async () => {
    await registry.schemas.register({ subject: 'avro', schema: '"string"', schemaType: 'AVRO' });
    expect(await codeOf(registry.llm.lint({ subject: 'avro', provider: 'openai' }))).toBe(
      'INVALID_SCHEMA',
    );
  });

  it('transforms a schema for OpenAI, listing the changes', async () => {
    const result = await registry.llm.providerSchema({ schema: open, provider: 'openai' });
    expect(result.schema).toMatchObject({
      additionalProperties: false,
      required: ['name'],
      properties: { name: { type: ['string', 'null'] } },
    });
    expect(result.changes.length).toBeGreaterThan(0);
    expect(result.remaining).toEqual([]);
  });

  it('refuses to transform a schema past the walk bounds with INVALID_SCHEMA, not a stack overflow', async () => {
    let deep: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 2_000; i++) deep = { type: 'object', properties: { a: deep } };
    const error = await registry.llm
      .providerSchema({ schema: deep, provider: 'openai' })
      .catch((e: unknown) => e);
    expect(isRegistryError(error) && [error.code, error.details.reason]).toEqual([
      'INVALID_SCHEMA',
      'SCHEMA_TOO_LARGE',
    ]);
  });
});
