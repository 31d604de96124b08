import { Code, ConnectError } from '@connectrpc/connect';
import type { RecordedChangeEvent, Registry } from '@llmsr/core';

/** Options of {@link streamChanges}. */
export interface StreamChangesOptions {
  /** Replay stored events after this id first (0: the oldest retained); undefined: new ones only. */
  afterId?: number | undefined;
  /** Ends the stream (client gone, server closing). */
  signal: AbortSignal;
  /** Events held for a slow reader before the stream fails with RESOURCE_EXHAUSTED (default 10,000). */
  maxBuffered?: number;
}

const REPLAY_PAGE = 1_000;

/**
 * Change events as an async iterable: the stored ones after `afterId` (when given), then live
 * ones as the registry records them, each once and in id order, until `signal` aborts.
 */
export async function* streamChanges(
  registry: Registry,
  options: StreamChangesOptions,
): AsyncGenerator<RecordedChangeEvent> {
  const { signal } = options;
  const maxBuffered = options.maxBuffered ?? 10_000;
  const buffered: RecordedChangeEvent[] = [];
  let overflowed = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  // Subscribe before replaying so nothing stored meanwhile falls between the two.
  const unsubscribe = registry.events.subscribeRecorded((event) => {
    if (buffered.length >= maxBuffered) overflowed = true;
    else buffered.push(event);
    notify();
  });
  signal.addEventListener('abort', notify, { once: true });
  try {
    let lastId = -1;
    if (options.afterId !== undefined) {
      lastId = options.afterId;
      // Two passes at least: the second catches events stored while the first was read.
      for (let shortPasses = 0; shortPasses < 2 && !signal.aborted; ) {
        const page = await registry.events.list({ afterId: lastId, limit: REPLAY_PAGE });
        for (const event of page) {
          lastId = event.id;
          yield event;
        }
        if (page.length < REPLAY_PAGE) shortPasses++;
      }
    }
    while (!signal.aborted) {
      if (overflowed) {
        // A reader this slow would hold unbounded memory; it can resume from lastId.
        throw new ConnectError(
          `The change stream fell too far behind; resume after event ${lastId}`,
          Code.ResourceExhausted,
        );
      }
      const event = buffered.shift();
      if (event === undefined) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        continue;
      }
      if (event.id <= lastId) continue;
      lastId = event.id;
      yield event;
    }
  } finally {
    unsubscribe();
    signal.removeEventListener('abort', notify);
  }
}
