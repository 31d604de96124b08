import type BetterSqlite3 from 'better-sqlite3';
import type { ChangeFeed } from '../event-watchers.js';

/** Default interval of {@link openSqliteChangeFeed}, in ms. */
export const DEFAULT_SQLITE_POLL_MS = 200;

/**
 * Polls `PRAGMA data_version` on the store's own connection: it changes whenever ANOTHER
 * connection (another process, or another store on the file) commits, which is the only way
 * SQLite can tell. Commits of this connection are signalled by the store itself.
 */
export function openSqliteChangeFeed(
  database: BetterSqlite3.Database,
  signal: () => void,
  pollMs: number = DEFAULT_SQLITE_POLL_MS,
): ChangeFeed {
  const read = () => database.pragma('data_version', { simple: true }) as number;
  let last = read();
  const timer = setInterval(
    () => {
      try {
        const current = read();
        if (current !== last) {
          last = current;
          signal();
        }
      } catch {
        // The database was closed under the timer; close() is about to clear it.
      }
    },
    Math.max(1, Number.isFinite(pollMs) ? pollMs : DEFAULT_SQLITE_POLL_MS),
  );
  return {
    async close() {
      clearInterval(timer);
    },
  };
}
