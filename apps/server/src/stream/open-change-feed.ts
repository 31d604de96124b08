import type { RecordedChangeEvent, Registry } from '@llmsr/core';

/** Events a reconnecting client can no longer get: trimmed by retention before it came back. */
export interface ChangeGap {
  /** The id the client last saw. */
  lastEventId: number;
  /** The oldest event still kept (the replay starts there). */
  oldestId: number;
}

/** A live subscription to registry changes, after an optional replay. */
export interface ChangeFeed {
  /** Resolves once the replay is delivered and live events flow. */
  readonly ready: Promise<void>;
  close(): void;
}

const REPLAY_PAGE = 1_000;

/**
 * Deliver change events in id order, each once: first the stored events after `afterId` (when
 * given: a reconnecting client), then live ones. Events arriving during the replay are held and
 * delivered after it, skipping any the replay already sent. `onGap` is told, before the replay,
 * when some events after `afterId` are no longer kept.
 */
export function openChangeFeed(
  registry: Registry,
  afterId: number | undefined,
  deliver: (event: RecordedChangeEvent) => void,
  onGap: (gap: ChangeGap) => void = () => {},
): ChangeFeed {
  let lastSent = afterId ?? 0;
  let replaying = true;
  let closed = false;
  const held: RecordedChangeEvent[] = [];
  const send = (event: RecordedChangeEvent) => {
    if (closed || event.id <= lastSent) return;
    lastSent = event.id;
    deliver(event);
  };
  const unsubscribe = registry.events.subscribeRecorded((event) => {
    if (replaying) held.push(event);
    else send(event);
  });

  const ready = (async () => {
    if (afterId !== undefined) {
      // Ids are contiguous over every kind of event (audit entries too), so the oldest kept id
      // past the next one means retention trimmed what was missed.
      const oldest = afterId > 0 ? await registry.events.oldestId() : undefined;
      if (oldest !== undefined && oldest > afterId + 1) {
        onGap({ lastEventId: afterId, oldestId: oldest });
      }
      for (;;) {
        const page = await registry.events.list({ afterId: lastSent, limit: REPLAY_PAGE });
        for (const event of page) send(event);
        if (page.length < REPLAY_PAGE || closed) break;
      }
    }
    replaying = false;
    for (const event of held.splice(0)) send(event);
  })();

  return {
    ready,
    close() {
      closed = true;
      unsubscribe();
    },
  };
}
