import { Code } from '@connectrpc/connect';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromArray, personSchema } from '../fixtures.js';
import {
  clientWith,
  drain,
  failure,
  type SecuredServer,
  STREAM_TRANSPORTS,
  startSecuredServer,
} from './secured-server.js';

let secured: SecuredServer;
let writer: { id: string; key: string };

beforeAll(async () => {
  // Trusting loopback proxies: the audit's client address comes from X-Forwarded-For.
  secured = await startSecuredServer({ trustProxy: ['loopback'] });
  writer = await secured.createKey({ role: 'writer', subjects: ['team-a.'] });
});
afterAll(() => secured.close());

describe.each(STREAM_TRANSPORTS)('over $name', ({ grpc }) => {
  const tag = grpc ? 'grpc' : 'connect';
  const as = (headers: Record<string, string>) => clientWith(secured.baseUrl, grpc, headers);

  it('sets createdBy from the key, whatever the request says', async () => {
    const client = as({ authorization: `Bearer ${writer.key}`, 'x-created-by': 'mallory' });
    const single = await client.registerSchema({
      subject: `team-a.created-${tag}`,
      schema: personSchema(),
    });
    expect(single.schema?.createdBy).toBe(`key:${writer.id}`);
    const [batch] = await drain(
      client.batchRegister(
        fromArray([{ item: { subject: `team-a.batch-created-${tag}`, schema: personSchema() } }]),
      ),
    );
    expect(batch?.result).toMatchObject({
      case: 'registered',
      value: { schema: { createdBy: `key:${writer.id}` } },
    });
  });

  it.each([
    ['a malformed key', { authorization: 'Bearer not-a-key' }],
    ['an unknown key', { 'x-api-key': `llmsr_0123456789abcdef_${'A'.repeat(43)}` }],
    ['a malformed Authorization header', { authorization: 'Token abc' }],
    ['a 10,000-character token', { authorization: `Bearer ${'x'.repeat(10_000)}` }],
    ['Basic that is not base64', { authorization: 'Basic ***' }],
    ['Basic with an unknown user', { authorization: `Basic ${btoa('nobody:secret')}` }],
    ['two different credentials', { 'x-api-key': 'one', authorization: 'Bearer two' }],
  ])('answers unauthenticated for %s', async (_, headers) => {
    const error = await failure(as(headers).listSchemas({})[Symbol.asyncIterator]().next());
    expect(error.code).toBe(Code.Unauthenticated);
  });

  it("accepts HTTP Basic with the key's user and password, as Confluent clients send it", async () => {
    const key = await secured.createKey({ role: 'writer', subjects: ['team-a.'] });
    const client = as({ authorization: `Basic ${key.basic}` });
    const answer = await client.registerSchema({
      subject: `team-a.basic-${tag}`,
      schema: personSchema(),
    });
    expect(answer.schema?.createdBy).toBe(`key:${key.id}`);
  });

  it('answers unauthenticated for a revoked key from the next call on', async () => {
    const key = await secured.createKey({ role: 'reader' });
    const client = as({ 'x-api-key': key.key });
    await client.validateSchema({ schema: personSchema() });
    const admin = await secured.registry.access.authenticate({
      authorization: 'Bearer boot-admin-key-0123456789',
    });
    expect(await secured.registry.access.keys.revoke(key.id, admin!)).toBe(true);
    const error = await failure(client.validateSchema({ schema: personSchema() }));
    expect(error.code).toBe(Code.Unauthenticated);
  });

  it('records a registration and a refusal in the audit log, with principal and client address', async () => {
    const client = as({ 'x-api-key': writer.key, 'x-forwarded-for': '203.0.113.9' });
    const subject = `team-a.audited-${tag}`;
    await client.registerSchema({ subject, schema: personSchema() });
    const refused = `team-b.refused-${tag}`;
    expect((await failure(client.registerSchema({ subject: refused, schema: '{}' }))).code).toBe(
      Code.PermissionDenied,
    );
    const { items } = await secured.registry.access.audit.list({ principal: `key:${writer.id}` });
    expect(items.find((e) => e.subject === subject)).toMatchObject({
      action: 'schema.register',
      result: 'ok',
      clientAddress: '203.0.113.9',
      details: { rpc: 'RegisterSchema' },
    });
    expect(items.find((e) => e.subject === refused)).toMatchObject({
      action: 'schema.register',
      result: 'denied',
      clientAddress: '203.0.113.9',
    });
  });

  it('records a call with invalid credentials as denied', async () => {
    const client = as({
      'x-api-key': `llmsr_00000000000000${tag === 'grpc' ? '01' : '02'}_${'B'.repeat(43)}`,
    });
    await failure(client.registerSchema({ subject: 'team-a.invalid', schema: '{}' }));
    const { items } = await secured.registry.access.audit.list({
      principal: 'anonymous',
      result: 'denied',
    });
    expect(
      items.some(
        (e) =>
          e.action === 'schema.register' && String(e.details.reason).includes('Invalid or revoked'),
      ),
    ).toBe(true);
  });

  it('records a failed registration as an error with its code', async () => {
    const client = as({ 'x-api-key': writer.key });
    const subject = `team-a.broken-${tag}`;
    const error = await failure(client.registerSchema({ subject, schema: '{"type": 12}' }));
    expect(error.code).toBe(Code.InvalidArgument);
    const { items } = await secured.registry.access.audit.list({ subject });
    expect(items).toMatchObject([{ result: 'error', details: { code: 'INVALID_SCHEMA' } }]);
  });

  it('records each item of a batch registration, refused ones as denied', async () => {
    const client = as({ 'x-api-key': writer.key });
    await drain(
      client.batchRegister(
        fromArray([
          { item: { subject: `team-a.batch-audit-${tag}`, schema: personSchema() } },
          { item: { subject: `team-b.batch-audit-${tag}`, schema: personSchema() } },
        ]),
      ),
    );
    const ok = await secured.registry.access.audit.list({ subject: `team-a.batch-audit-${tag}` });
    const denied = await secured.registry.access.audit.list({
      subject: `team-b.batch-audit-${tag}`,
    });
    expect(ok.items).toMatchObject([{ result: 'ok', details: { rpc: 'BatchRegister', index: 0 } }]);
    expect(denied.items).toMatchObject([{ result: 'denied', action: 'schema.register' }]);
  });
});

it('ignores X-Forwarded-For from a client that is not a trusted proxy', async () => {
  const own = await startSecuredServer();
  try {
    const key = await own.createKey({ role: 'writer' });
    const client = clientWith(own.baseUrl, true, {
      'x-api-key': key.key,
      'x-forwarded-for': '198.51.100.7',
    });
    await client.registerSchema({ subject: 'spoofed', schema: personSchema() });
    const { items } = await own.registry.access.audit.list({ subject: 'spoofed' });
    expect(items).toHaveLength(1);
    expect(items[0]?.clientAddress).toMatch(/127\.0\.0\.1$/);
  } finally {
    await own.close();
  }
});
