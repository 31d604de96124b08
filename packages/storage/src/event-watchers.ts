/** A running source of "events may have changed" signals from other processes. */
export interface ChangeFeed {
  /** Stops the feed; resolves once its timers and sockets are gone. */
  close(): Promise<void>;
}

/** Starts a {@link ChangeFeed} that calls `signal` whenever another process may have appended. */
export type OpenChangeFeed = (signal: () => void) => ChangeFeed;

/**
 * The listeners of `SchemaStore.watchEvents`: signals from this process (after its own appends
 * commit) and from an optional cross-process feed, which runs only while someone listens.
 * Signals arriving in one tick reach each listener once.
 */
export class EventWatchers {
  readonly #listeners = new Set<() => void>();
  readonly #openFeed: OpenChangeFeed | undefined;
  #feed: ChangeFeed | undefined;
  /** Feeds being closed; `close()` waits for them so no socket or timer outlives the store. */
  readonly #closing = new Set<Promise<void>>();
  #scheduled = false;
  #closed = false;

  constructor(openFeed?: OpenChangeFeed) {
    this.#openFeed = openFeed;
  }

  /** Adds a listener; returns its unsubscribe (idempotent). */
  watch(listener: () => void): () => void {
    if (this.#closed) return () => {};
    // Wrapped, so the same function subscribed twice gets two independent subscriptions.
    const entry = () => listener();
    this.#listeners.add(entry);
    if (this.#listeners.size === 1 && this.#openFeed && !this.#feed) {
      this.#feed = this.#openFeed(() => this.signal());
    }
    return () => {
      if (!this.#listeners.delete(entry) || this.#listeners.size > 0) return;
      this.#stopFeed();
    };
  }

  /** Tells every listener (once per tick, asynchronously) that events may have been appended. */
  signal(): void {
    if (this.#scheduled || this.#listeners.size === 0) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      for (const listener of [...this.#listeners]) {
        try {
          listener();
        } catch {
          // A listener's failure must not stop the others nor surface as an unhandled error.
        }
      }
    });
  }

  /** Drops every listener and stops the feed. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#listeners.clear();
    this.#stopFeed();
    await Promise.all(this.#closing);
  }

  #stopFeed(): void {
    const feed = this.#feed;
    this.#feed = undefined;
    if (!feed) return;
    const closing = feed.close().catch(() => {});
    this.#closing.add(closing);
    void closing.then(() => this.#closing.delete(closing));
  }
}
