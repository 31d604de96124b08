import { Code } from '@connectrpc/connect';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromArray, personSchema, startTestServer, type TestServer } from '../fixtures.js';
import { clientWith, drain, failure, STREAM_TRANSPORTS } from './secured-server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe.each(STREAM_TRANSPORTS)('with auth off, over $name', ({ grpc }) => {
  const tag = grpc ? 'grpc' : 'connect';

  it('serves every kind of call without credentials, createdBy left empty', async () => {
    const client = clientWith(server.baseUrl, grpc);
    const registered = await client.registerSchema({
      subject: `open-${tag}`,
      schema: personSchema(),
    });
    expect(registered.schema?.createdBy).toBe('');
    expect((await drain(client.listSchemas({ subject: `open-${tag}` }))).length).toBe(1);
    const [batch] = await drain(
      client.batchRegister(fromArray([{ item: { subject: `open-b-${tag}`, schema: '{}' } }])),
    );
    expect(batch?.result.case).toBe('registered');
  });

  it('ignores credentials, even invalid ones, and records nothing', async () => {
    const client = clientWith(server.baseUrl, grpc, { authorization: 'Bearer whatever' });
    await expect(client.validateSchema({ schema: personSchema() })).resolves.toBeDefined();
    expect(server.registry.access.auditing).toBe(false);
    expect((await server.registry.access.audit.list()).total).toBe(0);
  });

  it('still answers registry errors as before', async () => {
    const client = clientWith(server.baseUrl, grpc);
    const error = await failure(client.getSchema({ selector: { case: 'id', value: 424_242 } }));
    expect(error.code).toBe(Code.NotFound);
  });
});
