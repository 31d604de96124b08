import type { SchemaStore, StoredEvent } from '@llmsr/storage';
import { type ChangeEmitter, type ChangeEvent, createChangeEmitter } from './change-events.js';
import { RegistryError } from './registry-error.js';

/** A change event as stored: with the increasing id a client resumes from. */
export type RecordedChangeEvent = ChangeEvent & { id: number };

/** Listener of recorded change events. */
export type RecordedChangeListener = (event: RecordedChangeEvent) => void;

/** A {@link ChangeEmitter} that also appends every event to storage, in emission order. */
export interface RecordingChangeEmitter extends ChangeEmitter {
  /** Listen to events once stored (they carry their id). */
  subscribeRecorded(listener: RecordedChangeListener): () => void;
  /** Stored events after `afterId` (0: from the oldest retained), oldest first. */
  list(afterId: number, limit: number): Promise<RecordedChangeEvent[]>;
  /** Resolves once every event emitted so far is stored (or failed to be). */
  flush(): Promise<void>;
}

/**
 * Create a {@link RecordingChangeEmitter}. Plain listeners are called synchronously as before;
 * storing is chained so ids follow emission order. When storage fails the event is still
 * delivered to plain listeners but has no id, so recorded listeners and replays miss it.
 */
export function createRecordingChangeEmitter(
  store: SchemaStore,
  options: { retain?: number } = {},
): RecordingChangeEmitter {
  const plain = createChangeEmitter();
  const recorded = new Set<RecordedChangeListener>();
  let chain: Promise<void> = Promise.resolve();
  const retain = options.retain ?? 10_000;

  return {
    emit(event) {
      plain.emit(event);
      const { type, ...payload } = event;
      chain = chain
        .then(() => store.appendEvent({ type, payload }, { retain }))
        .then(
          (stored) => {
            const withId = toRecorded(stored);
            if (!withId) return;
            for (const listener of recorded) {
              try {
                listener(withId);
              } catch {
                // A faulty subscriber must not stop the others.
              }
            }
          },
          () => {
            // Storage unavailable: the write that emitted the event already succeeded.
          },
        );
    },
    subscribe: (listener) => plain.subscribe(listener),
    subscribeRecorded(listener) {
      recorded.add(listener);
      return () => recorded.delete(listener);
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
      await chain;
      const rows = await store.listEvents({ afterId, limit });
      return rows.flatMap((row) => toRecorded(row) ?? []);
    },
    flush: () => chain,
  };
}

/** A stored row as a change event; undefined for a type this version does not know. */
export function toRecorded(row: StoredEvent): RecordedChangeEvent | undefined {
  const known = ['schema.registered', 'schema.deleted', 'config.changed'];
  if (!known.includes(row.type)) return undefined;
  return { ...row.payload, type: row.type, id: row.id } as RecordedChangeEvent;
}
