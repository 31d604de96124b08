import { describe, expect, it } from 'vitest';
import { createInlineSchemaResolver } from '../create-inline-schema-resolver.js';
import { createRunner } from '../create-runner.js';
import { createHandlerRegistry } from '../handler-registry.js';
import { createBuiltinHandlers } from './create-builtin-handlers.js';

describe('schema.validate', () => {
  const resolver = createInlineSchemaResolver({
    order: { 1: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } } },
  });
  const runner = createRunner({
    handlers: createHandlerRegistry(createBuiltinHandlers()),
    resolver,
  });
  const definition = (config: Record<string, unknown>) => ({
    id: 'p',
    stages: [{ id: 'check', handler: 'schema.validate', config }],
  });

  it('passes valid input through unchanged', async () => {
    expect(await runner.run(definition({ subject: 'order', version: 1 }), { id: 3 })).toMatchObject(
      { status: 'succeeded', output: { id: 3 } },
    );
  });

  it('fails invalid input with the stage, side and path', async () => {
    const run = await runner.run(definition({ subject: 'order', version: 'latest' }), { id: 'x' });
    expect(run.error).toMatchObject({
      type: 'STAGE_INPUT_INVALID',
      details: { stageId: 'check', side: 'input', path: '/id' },
    });
  });

  it('fails with SCHEMA_NOT_FOUND for an unknown subject and refuses a bad config when the definition is validated', async () => {
    expect((await runner.run(definition({ subject: 'nope', version: 1 }), {})).error?.type).toBe(
      'SCHEMA_NOT_FOUND',
    );
    await expect(runner.run(definition({ subject: 'order' }), {})).rejects.toMatchObject({
      code: 'INVALID_PIPELINE',
      details: {
        problems: [
          expect.objectContaining({
            rule: 'invalid_config',
            stageId: 'check',
            path: '/stages/0/config',
          }),
        ],
      },
    });
  });
});
