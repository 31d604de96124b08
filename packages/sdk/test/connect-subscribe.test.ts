import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChangeEvent, createRegistryClient, type RegistryClient } from '../src/index.js';
import { type ConnectTestServer, startConnectTestServer } from './start-connect-test-server.js';

let server: ConnectTestServer;
let client: RegistryClient;

beforeAll(async () => {
  server = await startConnectTestServer();
  client = createRegistryClient({ baseUrl: server.connectUrl, transport: 'connect' });
});
afterAll(() => server.close());

async function take(iterator: AsyncGenerator<ChangeEvent>, count: number): Promise<ChangeEvent[]> {
  const events: ChangeEvent[] = [];
  while (events.length < count) {
    const next = await iterator.next();
    if (next.done) break;
    events.push(next.value);
  }
  return events;
}

describe("subscribe over transport 'connect'", () => {
  it('replays stored events after lastEventId, then delivers live ones in order', async () => {
    await client.register({ subject: 'a', schema: { type: 'string' } });
    await client.register({ subject: 'b', schema: { type: 'number' } });
    const iterator = client.subscribe({ lastEventId: '0' });
    const replayed = await take(iterator, 2);
    expect(replayed.map((e) => e.id)).toEqual(['1', '2']);
    expect(replayed[0]).toEqual({
      id: '1',
      event: 'schema.registered',
      data: {
        id: 1,
        type: 'schema.registered',
        subject: 'a',
        version: 1,
        schemaId: expect.any(Number),
        at: expect.any(String),
      },
    });
    const next = iterator.next();
    await server.registry.subjects.deleteVersion('a', 1);
    const live = await next;
    expect(live.value).toMatchObject({
      id: '3',
      event: 'schema.deleted',
      data: { type: 'schema.deleted', subject: 'a', version: 1, permanent: false },
    });
    await iterator.return();
  });

  it('starts after a given event id and ends when the loop breaks', async () => {
    const events: ChangeEvent[] = [];
    for await (const event of client.subscribe({ lastEventId: '1' })) {
      events.push(event);
      break;
    }
    expect(events[0]?.id).toBe('2');
  });

  it('delivers only new events without lastEventId and ends when the signal aborts', async () => {
    const controller = new AbortController();
    const iterator = client.subscribe({ signal: controller.signal });
    const first = iterator.next();
    // Give the stream time to open before the change it must see.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const { id } = await client.register({ subject: 'live-only', schema: { type: 'boolean' } });
    const event = (await first).value as ChangeEvent;
    expect(event.data).toMatchObject({
      type: 'schema.registered',
      subject: 'live-only',
      schemaId: id,
    });
    const pending = iterator.next();
    controller.abort();
    expect(await pending).toEqual({ done: true, value: undefined });
  });

  it('refuses a lastEventId that is not an event id', async () => {
    await expect(client.subscribe({ lastEventId: 'abc' }).next()).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(client.subscribe({ lastEventId: '-1' }).next()).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });

  // Slow (about 6 s): the Connect server's close() waits that long with a stream client attached.
  it('reconnects after the server goes away and resumes after the last event seen', async () => {
    const own = await startConnectTestServer({ closeGraceMs: 50 });
    const port = own.connect.port;
    const ownClient = createRegistryClient({ baseUrl: own.connectUrl, transport: 'connect' });
    await ownClient.register({ subject: 'r', schema: { type: 'string' } });
    const iterator = ownClient.subscribe({ lastEventId: '0', reconnectDelayMs: 20 });
    expect((await take(iterator, 1))[0]?.id).toBe('1');
    // A new Connect server on the same port and registry: the stream resumes after event 1.
    await own.connect.close();
    const { startConnectServer } = await import('@llmsr/connect');
    const again = await startConnectServer({
      registry: own.registry,
      port,
      host: '127.0.0.1',
      closeGraceMs: 50,
    });
    await own.registry.schemas.register({ subject: 'r', schema: '{"type":["string","null"]}' });
    const [resumed] = await take(iterator, 1);
    expect(resumed?.id).toBe('2');
    await iterator.return(undefined);
    await again.close();
    await own.registry.close();
  });
});
