import type { SchemaStore } from '@llmsr/storage';

/** The change-event type a key revocation appends, atomically with the revocation. */
export const KEY_REVOKED_EVENT = 'auth.key.revoked';

/**
 * Follows the store's change-event log (the same outbox and `watchEvents` signal that carry
 * schema changes between nodes) and calls `onRevoked` when any node revoked a key, so every
 * node drops its cache of verified keys. If the log may have skipped events (a read failed, or
 * retention dropped some before they were read), it calls `onRevoked` too: clearing the cache
 * only costs one scrypt per key. Returns the function that stops following.
 */
export function followKeyRevocations(store: SchemaStore, onRevoked: () => void): () => void {
  let cursor: number | undefined;
  let reading: Promise<void> = Promise.resolve();
  let stopped = false;

  const read = async () => {
    if (cursor === undefined) {
      cursor = await newestId(store);
      // A revocation read into the starting cursor is never seen as an event: clear once here.
      onRevoked();
      return;
    }
    for (;;) {
      const rows = await store.listEvents({ afterId: cursor, limit: 1_000 });
      const first = rows[0];
      if (first && first.id > cursor + 1) onRevoked();
      if (rows.some((row) => row.type === KEY_REVOKED_EVENT)) onRevoked();
      const last = rows.at(-1);
      if (last) cursor = last.id;
      if (rows.length < 1_000) return;
    }
  };
  const signal = () => {
    if (stopped) return;
    reading = reading.then(read).catch(() => onRevoked());
  };
  signal();
  const unwatch = store.watchEvents(signal);
  return () => {
    stopped = true;
    unwatch();
  };
}

async function newestId(store: SchemaStore): Promise<number> {
  let after = 0;
  for (;;) {
    const rows = await store.listEvents({ afterId: after, limit: 10_000 });
    const last = rows.at(-1);
    if (!last) return after;
    after = last.id;
  }
}
