import { describe, expect, it } from 'vitest';
import { createKeyedMutex } from './keyed-mutex.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('createKeyedMutex', () => {
  it('runs tasks of one key one at a time in arrival order', async () => {
    const mutex = createKeyedMutex();
    const events: string[] = [];
    let running = 0;
    let maxRunning = 0;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        mutex.run('k', async () => {
          running++;
          maxRunning = Math.max(maxRunning, running);
          events.push(`start ${i}`);
          await tick();
          running--;
        }),
      ),
    );
    expect(maxRunning).toBe(1);
    expect(events).toEqual(Array.from({ length: 20 }, (_, i) => `start ${i}`));
  });

  it('runs tasks of different keys at the same time', async () => {
    const mutex = createKeyedMutex();
    let running = 0;
    let maxRunning = 0;
    await Promise.all(
      ['a', 'b', 'c'].map((key) =>
        mutex.run(key, async () => {
          running++;
          maxRunning = Math.max(maxRunning, running);
          await tick();
          running--;
        }),
      ),
    );
    expect(maxRunning).toBe(3);
  });

  it('releases the key when a task throws and passes the error through', async () => {
    const mutex = createKeyedMutex();
    const failure = new Error('boom');
    await expect(mutex.run('k', async () => Promise.reject(failure))).rejects.toBe(failure);
    expect(await mutex.run('k', async () => 'next')).toBe('next');
  });
});
