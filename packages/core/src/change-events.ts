import type { NewEvent } from '@llmsr/storage';

/** A change in the registry, delivered to {@link ChangeEmitter} listeners. */
export type ChangeEvent =
  | { type: 'schema.registered'; subject: string; version: number; schemaId: number; at: string }
  | {
      type: 'schema.deleted';
      subject: string;
      version: number;
      /** The global id the version used (absent in events stored before it was recorded). */
      schemaId: number;
      permanent: boolean;
      at: string;
    }
  | {
      type: 'config.changed';
      subject: string | null;
      /** Which setting changed, when one was named (absent for a whole-row replace or delete). */
      setting?: 'compatibilityLevel' | 'mode';
      at: string;
    };

/** Listener of registry changes. */
export type ChangeListener = (event: ChangeEvent) => void;

/** A tiny synchronous event hub: listeners must not throw (a throwing listener is ignored). */
export interface ChangeEmitter {
  emit(event: ChangeEvent): void;
  /** Subscribe; returns the unsubscribe function. */
  subscribe(listener: ChangeListener): () => void;
}

/** Create a {@link ChangeEmitter}. */
export function createChangeEmitter(): ChangeEmitter {
  const listeners = new Set<ChangeListener>();
  return {
    emit(event) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch {
          // A faulty subscriber must never fail the write that produced the event.
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The row a mutation hands the store to append in its own transaction (the outbox). */
export function toNewEvent(event: ChangeEvent): NewEvent {
  const { type, ...payload } = event;
  return { type, payload };
}
