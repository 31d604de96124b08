import { describe, expect, it } from 'vitest';
import { createInlineSchemaResolver } from './create-inline-schema-resolver.js';
import { createMessageValidator } from './message.js';

describe('createMessageValidator', () => {
  const messages = createMessageValidator({ now: () => 7, newId: () => 'c-1' });

  it('fills the correlation id, timestamp and default priority 5', async () => {
    const m = await messages.create({
      from: 'a',
      to: 'b',
      type: 'execute',
      payload: { action: 'go' },
    });
    expect(m).toEqual({
      from: 'a',
      to: 'b',
      type: 'execute',
      payload: { action: 'go' },
      correlationId: 'c-1',
      timestamp: 7,
      priority: 5,
    });
  });

  it.each([
    [{ type: 'execute', payload: {} }, '/payload/action'],
    [{ type: 'error', payload: { type: 'Boom' } }, '/payload/message'],
    [{ type: 'status_update', payload: { status: 'sleeping' } }, '/payload/status'],
    [{ type: 'status_update', payload: { status: 'running', progress: 2 } }, '/payload/progress'],
    [{ type: 'result', payload: 'plain' }, '/payload'],
    [{ type: 'shout', payload: {} }, '/type'],
    [{ type: 'custom', payload: {}, priority: 11 }, '/priority'],
    [{ type: 'custom', payload: {}, priority: 2.5 }, '/priority'],
    [{ type: 'custom', payload: {}, correlationId: '' }, '/correlationId'],
    [{ type: 'custom', payload: {}, from: '' }, '/from'],
  ])('refuses %j with a problem at %s', async (fields, path) => {
    const error = await messages
      .create({ from: 'a', to: 'b', ...(fields as { type: string; payload: unknown }) })
      .catch((e) => e);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.details.problems.map((p: { path: string }) => p.path)).toContain(path);
  });

  it('validates payloads against a registered schema per message type', async () => {
    const resolver = createInlineSchemaResolver({
      'job-result': {
        2: { type: 'object', required: ['score'], properties: { score: { type: 'number' } } },
      },
    });
    const custom = createMessageValidator({
      resolver,
      payloadSchemas: { result: { subject: 'job-result', version: 2 } },
    });
    await expect(
      custom.create({ from: 'a', to: 'b', type: 'result', payload: { score: 0.5 } }),
    ).resolves.toBeDefined();
    await expect(
      custom.create({ from: 'a', to: 'b', type: 'result', payload: { score: 'high' } }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { schema: { subject: 'job-result' } },
    });
  });

  it('checks a custom message against the subject it names', async () => {
    const resolver = createInlineSchemaResolver({
      ping: { 1: { type: 'object', required: ['seq'] } },
    });
    const custom = createMessageValidator({ resolver });
    const ok = await custom.create({
      from: 'a',
      to: 'b',
      type: 'custom',
      payload: { seq: 1 },
      schema: { subject: 'ping', version: 'latest' },
      priority: 10,
    });
    expect(ok.schema).toEqual({ subject: 'ping', version: 'latest' });
    await expect(
      custom.create({
        from: 'a',
        to: 'b',
        type: 'custom',
        payload: {},
        schema: { subject: 'ping', version: 1 },
      }),
    ).rejects.toMatchObject({ details: { problems: [{ path: '/payload/seq' }] } });
    await expect(
      custom.create({
        from: 'a',
        to: 'b',
        type: 'custom',
        payload: {},
        schema: { subject: 'pong', version: 1 },
      }),
    ).rejects.toMatchObject({ code: 'SCHEMA_NOT_FOUND' });
  });
});
