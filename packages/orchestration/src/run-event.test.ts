import { describe, expect, it } from 'vitest';
import { createEventChannel } from './run-event.js';

async function drain<T>(iterator: AsyncIterableIterator<T>) {
  const out: T[] = [];
  for await (const v of iterator) out.push(v);
  return out;
}

describe('createEventChannel', () => {
  it('gives every subscriber the events pushed after it subscribed, then ends on close', async () => {
    const channel = createEventChannel<number>();
    const early = channel.subscribe();
    channel.push(1);
    const late = channel.subscribe();
    channel.push(2);
    channel.close();
    expect(await drain(early)).toEqual([1, 2]);
    expect(await drain(late)).toEqual([2]);
    expect(await drain(channel.subscribe())).toEqual([]);
  });

  it('wakes a waiting reader when an event arrives', async () => {
    const channel = createEventChannel<string>();
    const reader = channel.subscribe();
    const next = reader.next();
    channel.push('x');
    expect(await next).toEqual({ done: false, value: 'x' });
  });

  it('stops buffering for a reader that returned early', async () => {
    const channel = createEventChannel<number>();
    const reader = channel.subscribe();
    await reader.return?.();
    channel.push(1);
    channel.close();
    expect(await reader.next()).toEqual({ done: true, value: undefined });
  });

  it('keeps a long stream in order across buffer compaction', async () => {
    const channel = createEventChannel<number>();
    const reader = channel.subscribe();
    const all = Array.from({ length: 5_000 }, (_, i) => i);
    for (const n of all) channel.push(n);
    channel.close();
    expect(await drain(reader)).toEqual(all);
  });
});
