import type { StoredEvent } from '../schema-store.js';

/** The memory backend's bounded event log. */
export class MemoryEvents {
  readonly #events: StoredEvent[] = [];
  #lastId = 0;

  append(event: { type: string; payload: Record<string, unknown> }, retain: number): StoredEvent {
    this.#lastId += 1;
    const stored: StoredEvent = {
      id: this.#lastId,
      type: event.type,
      payload: structuredClone(event.payload),
      createdAt: new Date().toISOString(),
    };
    this.#events.push(stored);
    const excess = this.#events.length - Math.max(1, retain);
    if (excess > 0) this.#events.splice(0, excess);
    return structuredClone(stored);
  }

  list(afterId: number, limit: number): StoredEvent[] {
    const start = this.#events.findIndex((event) => event.id > afterId);
    if (start === -1 || limit <= 0) return [];
    return structuredClone(this.#events.slice(start, start + limit));
  }
}
