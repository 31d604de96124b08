import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChangeEvent, createRegistryClient, type RegistryClient } from '../src/index.js';
import { type BothServers, startBothServers } from './start-connect-test-server.js';
import { personSchema } from './start-test-server.js';

let servers: BothServers;
let rest: RegistryClient;
let connect: RegistryClient;

beforeAll(async () => {
  servers = await startBothServers();
  rest = createRegistryClient({ baseUrl: servers.restUrl, transport: 'rest' });
  connect = createRegistryClient({ baseUrl: servers.connectUrl, transport: 'connect' });
});
// The REST server takes a few seconds to close after an SSE client has come and gone.
afterAll(() => servers.close(), 20_000);

/** What a call settles to, errors included, for comparing transports. */
async function outcome(call: Promise<unknown>): Promise<unknown> {
  try {
    return { value: await call };
  } catch (error) {
    const e = error as Record<string, unknown>;
    return {
      error: {
        name: e.name,
        code: e.code,
        status: e.status,
        message: e.message,
        details: e.details,
        violations: e.violations,
      },
    };
  }
}

function withoutTiming(value: unknown): unknown {
  const copy = { ...(value as { value: Record<string, unknown> }) };
  copy.value = { ...copy.value, validationTimeMs: 0 };
  return copy;
}

async function take(iterator: AsyncGenerator<ChangeEvent>, count: number): Promise<ChangeEvent[]> {
  const events: ChangeEvent[] = [];
  while (events.length < count) {
    const next = await iterator.next();
    if (next.done) break;
    events.push(next.value);
  }
  await iterator.return(undefined);
  return events;
}

describe("the same scenario over 'rest' and 'connect'", () => {
  it('gives equal schemas, versions, verdicts and errors', async () => {
    const v1 = await connect.register({
      subject: 'orders',
      schema: personSchema,
      metadata: { owner: 'shop' },
    });
    const restAgain = await rest.register({ subject: 'orders', schema: personSchema });
    const connectAgain = await connect.register({ subject: 'orders', schema: personSchema });
    expect(connectAgain).toEqual(restAgain);
    expect(connectAgain).toEqual({ ...v1, created: false });
    await rest.register({ subject: 'orders', schema: { ...personSchema, required: [] } });

    const same = async (call: (client: RegistryClient) => Promise<unknown>) => {
      expect(await outcome(call(connect))).toEqual(await outcome(call(rest)));
    };
    await same((c) => c.getVersion('orders'));
    await same((c) => c.getVersion('orders', 1));
    await same((c) => c.getVersion('orders', '1.0.0'));
    await same((c) => c.getSchema(v1.id));
    await same((c) => c.getSchema(v1.guid));
    await same((c) =>
      c.checkCompatibility({ subject: 'orders', schema: { ...personSchema, required: ['age'] } }),
    );
    await same((c) => c.checkCompatibility({ subject: 'orders', schema: { type: 'object' } }));
    await same((c) => c.validateSchema({ schema: personSchema }));
    await same((c) => c.validateSchema({ schema: '{"type": "object", ', schemaType: 'JSON' }));
    // Errors: code, status, message and details alike.
    await same((c) => c.getVersion('missing-subject'));
    await same((c) => c.getVersion('orders', 99));
    await same((c) => c.getSchema(123_456));
    await same((c) => c.register({ subject: 'bad', schema: '{"type": 12}' }));
    await same((c) => c.validate({ subject: 'missing-subject', data: {} }));
    await same((c) =>
      c.register({ subject: 'orders', schema: { ...personSchema, required: ['name', 'age'] } }),
    );
    for (const input of [
      { schemaId: v1.id, data: { name: 'Ada' } },
      { schemaId: v1.guid, data: { name: 5, age: -2 } },
      { subject: 'orders', version: 1, data: { age: 3 } },
      { subject: 'orders', strict: true, data: { name: 'x', more: 1 } },
    ]) {
      expect(withoutTiming(await outcome(connect.validate(input)))).toEqual(
        withoutTiming(await outcome(rest.validate(input))),
      );
    }
  });

  it('gives equal change events over SSE and StreamSchemaChanges', async () => {
    const controller = new AbortController();
    const overRest = rest.subscribe({ lastEventId: '0', signal: controller.signal });
    const overConnect = connect.subscribe({ lastEventId: '0', signal: controller.signal });
    await connect.register({ subject: 'stream-parity', schema: { type: 'string' } });
    const [fromRest, fromConnect] = await Promise.all([take(overRest, 3), take(overConnect, 3)]);
    controller.abort();
    expect(fromConnect).toEqual(fromRest);
    expect(fromConnect[0]).toMatchObject({
      id: '1',
      event: 'schema.registered',
      data: { id: 1, type: 'schema.registered', subject: 'orders', version: 1 },
    });
  });
});
