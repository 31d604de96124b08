/**
 * Time as the runner sees it: `now` for timestamps and `sleep` for retry backoff. Injected so
 * tests run retries on a virtual clock instead of waiting. Timeouts stay on real timers: they
 * bound real work.
 */
export interface Clock {
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The wall clock and real timers. */
export const systemClock: Clock = {
  now: Date.now,
  sleep(ms, signal) {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  },
};

/** A {@link Clock} whose sleeps return at once and move time forward; it records every sleep. */
export interface VirtualClock extends Clock {
  /** The durations slept, in order. */
  readonly sleeps: readonly number[];
  advance(ms: number): void;
}

/**
 * A virtual clock for tests: `sleep(ms)` advances `now()` by `ms` and resolves on the next
 * turn of the event loop, so a retry schedule of minutes runs instantly and can be asserted exactly.
 *
 * @example
 * ```ts
 * const clock = createVirtualClock(0);
 * await clock.sleep(1_000);
 * clock.now(); // 1000
 * clock.sleeps; // [1000]
 * ```
 */
export function createVirtualClock(start = 0): VirtualClock {
  let time = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => time,
    advance(ms) {
      time += ms;
    },
    async sleep(ms, signal) {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      time += ms;
      // Yield a macrotask: with unlimited attempts the run timeout (a real timer) still fires.
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}
