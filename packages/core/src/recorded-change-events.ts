import type { SchemaStore, StoredEvent } from '@llmsr/storage';
import { type ChangeEmitter, type ChangeEvent, createChangeEmitter } from './change-events.js';
import { RegistryError } from './registry-error.js';

/** A change event as stored: with the increasing id a client resumes from. */
export type RecordedChangeEvent = ChangeEvent & { id: number };

/** Listener of recorded change events. */
export type RecordedChangeListener = (event: RecordedChangeEvent) => void;

/**
 * A {@link ChangeEmitter} for events the store already wrote (in the transaction of the change
 * they describe) that also follows the event log, so this process learns of every change,
 * its own and other processes'.
 */
export interface RecordingChangeEmitter extends ChangeEmitter {
  /**
   * Listen to events once stored (they carry their id), in id order, including events other
   * processes sharing the database stored. A new listener gets what is stored from here on.
   */
  subscribeRecorded(listener: RecordedChangeListener): () => void;
  /** Stored events after `afterId` (0: from the oldest retained), oldest first. */
  list(afterId: number, limit: number): Promise<RecordedChangeEvent[]>;
  /** Resolves once every event stored so far has been read and delivered (or reading failed). */
  flush(): Promise<void>;
  /** Stop following the log (no timer or watcher is left); resolves when the last read ended. */
  close(): Promise<void>;
}

/** Options of {@link createRecordingChangeEmitter}. */
export interface RecordingChangeEmitterOptions {
  /**
   * Called for every stored event, in id order, before recorded listeners see it (the registry
   * drops the caches it makes stale). A rejection counts as a failed read: retried.
   */
  onStored?: (event: RecordedChangeEvent) => void | Promise<void>;
  /** Called when events were missed (retention dropped them before they were read). */
  onGap?: () => void;
  /** Delay before reading again after a failed read; 1,000 ms by default. */
  retryMs?: number;
}

const PAGE = 1_000;

/**
 * Create a {@link RecordingChangeEmitter} and start following the store's event log from its
 * newest event. `emit` only reaches plain listeners (synchronously, after the store committed
 * the change and its event) and prompts a read of the log; every stored event, whoever wrote
 * it, is read once, in id order, on each `store.watchEvents` signal. A failed read is retried
 * after `retryMs`; reads never throw to the caller.
 */
export async function createRecordingChangeEmitter(
  store: SchemaStore,
  options: RecordingChangeEmitterOptions = {},
): Promise<RecordingChangeEmitter> {
  const plain = createChangeEmitter();
  /** Each recorded listener with the id it starts after (undefined until that is known). */
  const recorded = new Map<RecordedChangeListener, { after: number | undefined }>();
  const retryMs = options.retryMs ?? 1_000;
  let cursor = await latestId(store);
  let queue: Promise<void> = Promise.resolve();
  let pending = false;
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const deliver = async (row: StoredEvent) => {
    const event = toRecorded(row);
    if (!event) return;
    await options.onStored?.(event);
    for (const [listener, { after }] of recorded) {
      if (after === undefined || event.id <= after) continue;
      try {
        listener(event);
      } catch {
        // A faulty subscriber must not stop the others.
      }
    }
  };

  const drain = async () => {
    for (;;) {
      const rows = await store.listEvents({ afterId: cursor, limit: PAGE });
      const first = rows[0];
      if (first && cursor > 0 && first.id > cursor + 1) options.onGap?.();
      for (const row of rows) {
        if (closed) return;
        await deliver(row);
        cursor = row.id;
      }
      if (rows.length < PAGE) return;
    }
  };

  const scheduleRetry = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      signal();
    }, retryMs);
    retry.unref?.();
  };

  /** Read the log soon; signals that arrive while a read is queued share it. */
  const signal = () => {
    if (closed || pending) return;
    pending = true;
    queue = queue
      .then(() => {
        pending = false;
        return drain();
      })
      // Storage unavailable or a cache drop failed: the cursor stays, the next read resumes.
      .catch(scheduleRetry);
  };

  const unwatch = store.watchEvents(signal);

  return {
    emit(event) {
      plain.emit(event);
      signal();
    },
    subscribe: (listener) => plain.subscribe(listener),
    subscribeRecorded(listener) {
      const entry: { after: number | undefined } = { after: undefined };
      recorded.set(listener, entry);
      // Catch up first, so events stored before the subscription are not delivered to it.
      signal();
      queue = queue.then(() => {
        entry.after ??= cursor;
      });
      return () => {
        recorded.delete(listener);
      };
    },
    async list(afterId, limit) {
      if (!Number.isSafeInteger(afterId) || afterId < 0) {
        throw new RegistryError(
          'INVALID_INPUT',
          'The last event id must be a non-negative integer',
          { field: 'last_event_id' },
        );
      }
      if (!Number.isSafeInteger(limit) || limit < 1 || limit > 10_000) {
        throw new RegistryError('INVALID_INPUT', 'limit must be an integer from 1 to 10000', {
          field: 'limit',
        });
      }
      // The log also holds events that are not change events (audit entries, key changes): read
      // on until `limit` change events or the end, so a short page always means the end.
      const out: RecordedChangeEvent[] = [];
      let after = afterId;
      for (;;) {
        const rows = await store.listEvents({ afterId: after, limit });
        for (const row of rows) {
          const event = toRecorded(row);
          if (event) out.push(event);
          if (out.length === limit) return out;
        }
        const last = rows.at(-1);
        if (!last || rows.length < limit) return out;
        after = last.id;
      }
    },
    flush() {
      signal();
      return queue;
    },
    async close() {
      closed = true;
      unwatch();
      if (retry) clearTimeout(retry);
      retry = undefined;
      await queue;
    },
  };
}

/** The newest stored event id (0 when none). Retention keeps this to a few pages. */
async function latestId(store: SchemaStore): Promise<number> {
  let last = 0;
  for (;;) {
    const rows = await store.listEvents({ afterId: last, limit: 10_000 });
    last = rows.at(-1)?.id ?? last;
    if (rows.length < 10_000) return last;
  }
}

/** A stored row as a change event; undefined for a type this version does not know. */
export function toRecorded(row: StoredEvent): RecordedChangeEvent | undefined {
  const known = ['schema.registered', 'schema.deleted', 'config.changed'];
  if (!known.includes(row.type)) return undefined;
  return { ...row.payload, type: row.type, id: row.id } as RecordedChangeEvent;
}
