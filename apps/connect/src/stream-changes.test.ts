import { Code, ConnectError } from '@connectrpc/connect';
import { createRegistry, type Registry } from '@llmsr/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { streamChanges } from './stream-changes.js';

let registry: Registry;

beforeEach(async () => {
  registry = await createRegistry({ storage: 'memory:' });
});

afterEach(async () => {
  await registry.close();
});

const register = (subject: string) =>
  registry.schemas.register({ subject, schema: { type: 'object', title: subject } });

/** Wait until the registry has recorded `count` events. */
async function recorded(count: number) {
  for (let i = 0; i < 200; i++) {
    if ((await registry.events.list({ afterId: 0 })).length >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`fewer than ${count} events recorded`);
}

describe('streamChanges', () => {
  it('replays stored events in id order, then live ones, each once', async () => {
    await register('a');
    await register('b');
    await recorded(2);
    const abort = new AbortController();
    const events = streamChanges(registry, { afterId: 0, signal: abort.signal });
    const seen: string[] = [];
    const ids: number[] = [];
    for await (const event of events) {
      seen.push('subject' in event ? String(event.subject) : '');
      ids.push(event.id);
      if (seen.length === 2) void register('c');
      if (seen.length === 3) break;
    }
    expect(seen).toEqual(['a', 'b', 'c']);
    expect([...ids].sort((x, y) => x - y)).toEqual(ids);
    expect(new Set(ids).size).toBe(3);
  });

  it('replays only what came after the given id', async () => {
    await register('a');
    await register('b');
    await recorded(2);
    const [first] = await registry.events.list({ afterId: 0 });
    const abort = new AbortController();
    const iterator = streamChanges(registry, { afterId: first!.id, signal: abort.signal });
    const next = await iterator.next();
    expect(next.value).toMatchObject({ subject: 'b' });
    abort.abort();
    expect((await iterator.next()).done).toBe(true);
  });

  it('ends when the signal aborts while waiting', async () => {
    const abort = new AbortController();
    const pending = streamChanges(registry, { signal: abort.signal }).next();
    setTimeout(() => abort.abort(), 10);
    expect((await pending).done).toBe(true);
  });

  it('fails a reader that falls behind with RESOURCE_EXHAUSTED instead of buffering forever', async () => {
    const abort = new AbortController();
    const iterator = streamChanges(registry, { signal: abort.signal, maxBuffered: 2 });
    const first = iterator.next();
    await register('a');
    await first;
    for (const subject of ['b', 'c', 'd', 'e']) await register(subject);
    await recorded(5);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const error = await (async () => {
      try {
        for (let i = 0; i < 10; i++) await iterator.next();
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConnectError);
    expect((error as ConnectError).code).toBe(Code.ResourceExhausted);
  });
});
