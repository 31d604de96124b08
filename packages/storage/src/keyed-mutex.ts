/** Runs async critical sections one at a time per key, in arrival order. */
export interface KeyedMutex {
  /** Runs `task` once every earlier task holding `key` has settled. */
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}

/**
 * Creates an in-process keyed mutex. Entries are dropped when their queue drains, so the map
 * stays as small as the set of keys in use right now.
 */
export function createKeyedMutex(): KeyedMutex {
  const tails = new Map<string, Promise<void>>();
  return {
    async run<T>(key: string, task: () => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      let release!: () => void;
      const current = new Promise<void>((resolve) => {
        release = resolve;
      });
      const tail = previous.then(() => current);
      tails.set(key, tail);
      await previous;
      try {
        return await task();
      } finally {
        release();
        if (tails.get(key) === tail) tails.delete(key);
      }
    },
  };
}
