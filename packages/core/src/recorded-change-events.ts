import type { SchemaStore, StoredEvent } from '@llmsr/storage';
import { type ChangeEmitter, type ChangeEvent, createChangeEmitter } from './change-events.js';
import { RegistryError } from './registry-error.js';

/** A change event as stored: with the increasing id a client resumes from. */
export type RecordedChangeEvent = ChangeEvent & { id: number };

/** Listener of recorded change events. */
export type RecordedChangeListener = (event: RecordedChangeEvent) => void;

/** A {@link ChangeEmitter} that also appends every event to storage, in emission order. */
export interface RecordingChangeEmitter extends ChangeEmitter {
  /**
   * Listen to events once stored (they carry their id), in id order, including events other
   * processes sharing the database stored (picked up by polling while anyone listens).
   */
  subscribeRecorded(listener: RecordedChangeListener): () => void;
  /** Stored events after `afterId` (0: from the oldest retained), oldest first. */
  list(afterId: number, limit: number): Promise<RecordedChangeEvent[]>;
  /** Resolves once every event emitted so far is stored and delivered (or failed to be). */
  flush(): Promise<void>;
  /** Stop polling; later events are still stored. */
  close(): void;
}

const PAGE = 1_000;

/**
 * Create a {@link RecordingChangeEmitter}. Plain listeners are called synchronously as before.
 * Storing and delivering share one queue: after each local append, and every `pollMs` while
 * recorded listeners exist (SQL backends only: another process may write), the emitter reads
 * the events after the last one it delivered, so listeners see every stored event once, in id
 * order. When storage fails the event still reaches plain listeners but has no id.
 */
export function createRecordingChangeEmitter(
  store: SchemaStore,
  options: { retain?: number; pollMs?: number } = {},
): RecordingChangeEmitter {
  const plain = createChangeEmitter();
  const recorded = new Set<RecordedChangeListener>();
  const retain = options.retain ?? 10_000;
  const pollMs = options.pollMs ?? 1_000;
  let queue: Promise<void> = Promise.resolve();
  /** The id of the last event delivered to recorded listeners; undefined while nobody listens. */
  let cursor: number | undefined;
  let poller: ReturnType<typeof setInterval> | undefined;

  const enqueue = (step: () => Promise<void>) => {
    queue = queue.then(step).catch(() => {
      // Storage unavailable: the write that emitted the event already succeeded; the next
      // append or poll catches up from the cursor.
    });
  };

  const deliverNew = async () => {
    if (recorded.size === 0 || cursor === undefined) return;
    for (;;) {
      const rows = await store.listEvents({ afterId: cursor, limit: PAGE });
      for (const row of rows) {
        cursor = row.id;
        const event = toRecorded(row);
        if (!event) continue;
        for (const listener of recorded) {
          try {
            listener(event);
          } catch {
            // A faulty subscriber must not stop the others.
          }
        }
      }
      if (rows.length < PAGE) return;
    }
  };

  return {
    emit(event) {
      plain.emit(event);
      const { type, ...payload } = event;
      enqueue(async () => {
        await store.appendEvent({ type, payload }, { retain });
        await deliverNew();
      });
    },
    subscribe: (listener) => plain.subscribe(listener),
    subscribeRecorded(listener) {
      const first = recorded.size === 0;
      recorded.add(listener);
      if (first) {
        // Start after what is stored now: a new listener gets what happens from here on.
        enqueue(async () => {
          cursor = await latestId(store);
        });
        if (store.backend !== 'memory' && pollMs > 0) {
          poller = setInterval(() => enqueue(deliverNew), pollMs);
          poller.unref?.();
        }
      }
      return () => {
        recorded.delete(listener);
        if (recorded.size === 0) {
          cursor = undefined;
          if (poller) clearInterval(poller);
          poller = undefined;
        }
      };
    },
    async list(afterId, limit) {
      if (!Number.isSafeInteger(afterId) || afterId < 0) {
        throw new RegistryError(
          'INVALID_INPUT',
          'The last event id must be a non-negative integer',
          {
            field: 'last_event_id',
          },
        );
      }
      if (!Number.isSafeInteger(limit) || limit < 1 || limit > 10_000) {
        throw new RegistryError('INVALID_INPUT', 'limit must be an integer from 1 to 10000', {
          field: 'limit',
        });
      }
      await queue;
      const rows = await store.listEvents({ afterId, limit });
      return rows.flatMap((row) => toRecorded(row) ?? []);
    },
    flush: () => queue,
    close() {
      if (poller) clearInterval(poller);
      poller = undefined;
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
