import { Code } from '@connectrpc/connect';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personSchema } from '../fixtures.js';
import {
  clientWith,
  failure,
  type SecuredServer,
  STREAM_TRANSPORTS,
  startSecuredServer,
} from './secured-server.js';

let secured: SecuredServer;

beforeAll(async () => {
  secured = await startSecuredServer({ rateLimits: { reader: 3, anonymous: 2 } });
});
afterAll(() => secured.close());

describe.each(STREAM_TRANSPORTS)('over $name', ({ grpc }) => {
  it('answers resource_exhausted with a retry-after hint once a key used its minute', async () => {
    const { key } = await secured.createKey({ role: 'reader' });
    const client = clientWith(secured.baseUrl, grpc, { 'x-api-key': key });
    for (let i = 0; i < 3; i++) await client.validateSchema({ schema: personSchema() });
    const error = await failure(client.validateSchema({ schema: personSchema() }));
    expect(error.code).toBe(Code.ResourceExhausted);
    const retryAfter = Number(error.metadata.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(error.rawMessage).toContain(`retry after ${retryAfter} s`);
    expect(error.metadata.get('llmsr-error-code')).toBe('RATE_LIMITED');
  });

  it('counts each key on its own', async () => {
    const first = await secured.createKey({ role: 'reader' });
    const second = await secured.createKey({ role: 'reader' });
    const a = clientWith(secured.baseUrl, grpc, { 'x-api-key': first.key });
    const b = clientWith(secured.baseUrl, grpc, { 'x-api-key': second.key });
    for (let i = 0; i < 3; i++) await a.validateSchema({ schema: personSchema() });
    expect((await failure(a.validateSchema({ schema: personSchema() }))).code).toBe(
      Code.ResourceExhausted,
    );
    await expect(b.validateSchema({ schema: personSchema() })).resolves.toBeDefined();
  });
});

it('counts refused credentials as anonymous, per client address', async () => {
  // A server of its own, so the anonymous budget of 127.0.0.1 is untouched by other tests.
  const own = await startSecuredServer({ rateLimits: { anonymous: 2 } });
  try {
    const client = clientWith(own.baseUrl, true, { authorization: 'Bearer wrong' });
    for (let i = 0; i < 2; i++) {
      expect((await failure(client.validateSchema({ schema: '{}' }))).code).toBe(
        Code.Unauthenticated,
      );
    }
    const limited = await failure(clientWith(own.baseUrl, false).validateSchema({ schema: '{}' }));
    expect(limited.code).toBe(Code.ResourceExhausted);
  } finally {
    await own.close();
  }
});
