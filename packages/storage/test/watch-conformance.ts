import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchemaStore } from '../src/index.js';
import {
  expectStorageError,
  type StoreConformanceOptions,
  schemaOf,
  uniqueSubject,
} from './conformance.js';

/** Resolves once `predicate` holds, or rejects after `timeoutMs`. */
export async function waitFor(predicate: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`Not true within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Counts of the handle kinds a store may open (sockets, timers). */
function handleCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

/** A listener that counts its calls. */
function counter() {
  const state = { calls: 0, listener: () => {} };
  state.listener = () => {
    state.calls += 1;
  };
  return state;
}

/** Lets a fresh watch finish starting (a LISTEN connection, a first poll) and go quiet. */
const SETTLE_MS = 500;

/** `watchEvents`: a signal that events may have been appended, here or in another process. */
export function runWatchConformance(options: StoreConformanceOptions): void {
  describe(`${options.name} event watch`, () => {
    let store: SchemaStore;
    beforeAll(async () => {
      store = await options.createStore();
    });
    afterAll(async () => {
      await store?.close();
    });

    it('signals its own appends, including events written with a change, until unsubscribed', async () => {
      const seen = counter();
      const stop = store.watchEvents(seen.listener);
      try {
        await sleep(SETTLE_MS);
        seen.calls = 0;
        await store.appendEvent({ type: 't', payload: {} });
        await waitFor(() => seen.calls > 0, 1_000);
        seen.calls = 0;
        const subject = uniqueSubject('watch-own');
        await store.registerVersion({
          subject,
          schema: schemaOf(`{"w":"${subject}"}`),
          decide: () => ({ semver: '1.0.0', compatibilityLevel: 'NONE' }),
          event: (created) => ({ type: 'schema.registered', payload: { v: created.version } }),
        });
        await waitFor(() => seen.calls > 0, 1_000);
      } finally {
        stop();
      }
      seen.calls = 0;
      await store.appendEvent({ type: 't', payload: {} });
      await sleep(300);
      expect(seen.calls).toBe(0);
    });

    it('stays quiet while nothing is appended', async () => {
      const seen = counter();
      const stop = store.watchEvents(seen.listener);
      try {
        await sleep(SETTLE_MS);
        seen.calls = 0;
        await sleep(400);
        expect(seen.calls).toBe(0);
      } finally {
        stop();
      }
    });

    it('keeps other listeners running when one throws', async () => {
      const seen = counter();
      const stopBad = store.watchEvents(() => {
        throw new Error('listener bug');
      });
      const stop = store.watchEvents(seen.listener);
      try {
        await store.appendEvent({ type: 't', payload: {} });
        await waitFor(() => seen.calls > 0, 1_000);
      } finally {
        stopBad();
        stop();
      }
    });

    if (options.concurrentInstances) {
      it('signals a second store instance within 1 s of an append by the first', async () => {
        const other = await options.createStore();
        const seen = counter();
        const stop = other.watchEvents(seen.listener);
        try {
          await sleep(SETTLE_MS);
          for (const write of [
            () => store.appendEvent({ type: 't', payload: {} }),
            () =>
              store.setConfig(
                { subject: uniqueSubject('watch'), compatibilityLevel: 'NONE' },
                { event: { type: 'config.changed', payload: {} } },
              ),
          ]) {
            seen.calls = 0;
            const started = Date.now();
            await write();
            await waitFor(() => seen.calls > 0, 1_000);
            expect(Date.now() - started).toBeLessThan(1_000);
          }
        } finally {
          stop();
          await other.close();
        }
      });

      it('leaves no open sockets or timers after close', async () => {
        const baseline = handleCounts();
        const a = await options.createStore();
        const b = await options.createStore();
        const seen = counter();
        b.watchEvents(seen.listener);
        a.watchEvents(() => {});
        await sleep(SETTLE_MS);
        seen.calls = 0;
        await a.appendEvent({ type: 't', payload: {} });
        await waitFor(() => seen.calls > 0, 1_000);
        await a.close();
        await b.close();
        await expectStorageError(
          Promise.resolve().then(() => b.watchEvents(() => {})),
          'UNAVAILABLE',
        );
        // Sockets close asynchronously after `end`; give them a moment, then compare.
        await waitFor(() => {
          const now = handleCounts();
          return ['TCPSocketWrap', 'Timeout', 'PipeWrap'].every(
            (kind) => (now[kind] ?? 0) <= (baseline[kind] ?? 0),
          );
        }, 2_000).catch(() => {});
        const after = handleCounts();
        for (const kind of ['TCPSocketWrap', 'Timeout', 'PipeWrap']) {
          // At most the baseline: an idle socket of the suite's own store may close meanwhile.
          expect(after[kind] ?? 0, kind).toBeLessThanOrEqual(baseline[kind] ?? 0);
        }
      });
    }
  });
}
