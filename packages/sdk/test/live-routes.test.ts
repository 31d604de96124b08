import type { RunningServer } from '@llmsr/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChangeEvent, createRegistryClient, type RegistryClient } from '../src/index.js';
import { startTestServer } from './start-test-server.js';

let server: RunningServer;
let client: RegistryClient;

beforeAll(async () => {
  server = await startTestServer();
  client = createRegistryClient({ baseUrl: `http://127.0.0.1:${server.port}`, transport: 'rest' });
});
// Closing takes about 4 s after any SSE client has come and gone (a server-side matter, reported).
afterAll(() => server.close());

describe('search against the real server', () => {
  it('finds versions by subject, description and tags, best first', async () => {
    await client.register({
      subject: 'payments-refund',
      schema: { type: 'object' },
      metadata: { description: 'A refund of a card payment', tags: ['pii', 'finance'] },
    });
    await client.register({
      subject: 'inventory',
      schema: { type: 'string' },
      metadata: { tags: ['stock'] },
    });
    const result = await client.search({ query: 'refund' });
    expect(result.total).toBe(1);
    expect(result.items[0]).toMatchObject({
      subject: 'payments-refund',
      version: 1,
      schemaType: 'JSON',
    });
    expect(result.items[0]!.score).toBeGreaterThan(0);
    expect((await client.search({ query: 'finance' })).items.map((i) => i.subject)).toEqual([
      'payments-refund',
    ]);
    expect((await client.search({ query: 'nothing-matches-this' })).items).toEqual([]);
  });

  it('carries the server error for a bad search', async () => {
    await expect(client.search({ query: 'x'.repeat(501) })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      status: 400,
    });
  });
});

describe('subscribe against the real server', () => {
  async function nextEvents(iterator: AsyncGenerator<ChangeEvent>, count: number) {
    const events: ChangeEvent[] = [];
    while (events.length < count) {
      const next = await iterator.next();
      if (next.done) break;
      events.push(next.value);
    }
    return events;
  }

  it('delivers changes as they happen, then replays from a Last-Event-ID', async () => {
    const controller = new AbortController();
    const live = client.subscribe({ signal: controller.signal });
    const first = live.next();
    // The connection opens on the first next(); give it a moment before writing.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const registered = await client.register({ subject: 'streamed', schema: { type: 'boolean' } });
    await client.setConfig({ subject: 'streamed', compatibilityLevel: 'FULL' });
    const events = [(await first).value as ChangeEvent, ...(await nextEvents(live, 1))];
    expect(events.map((e) => e.event)).toEqual(['schema.registered', 'config.changed']);
    expect(events[0]!.data).toMatchObject({
      type: 'schema.registered',
      subject: 'streamed',
      version: 1,
      schemaId: registered.id,
    });
    controller.abort();
    expect((await live.next()).done).toBe(true);

    const resumed = client.subscribe({ lastEventId: events[0]!.id! });
    const replayed = await nextEvents(resumed, 1);
    await resumed.return();
    expect(replayed[0]).toMatchObject({ id: events[1]!.id, event: 'config.changed' });
  });
});
