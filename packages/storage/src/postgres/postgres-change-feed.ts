import { Socket } from 'node:net';
import pg from 'pg';
import type { ChangeFeed } from '../event-watchers.js';

/** The NOTIFY channel every append signals on (`pg_notify` inside the appending transaction). */
export const EVENTS_CHANNEL = 'llmsr_events';

const MIN_BACKOFF_MS = 100;
const MAX_BACKOFF_MS = 5_000;

/**
 * LISTENs on {@link EVENTS_CHANNEL} with a dedicated client (a pooled one could be handed to a
 * query mid-LISTEN). A lost connection is re-opened with exponential backoff; after every
 * successful LISTEN the feed signals once, because notifications sent while nobody listened are
 * lost and the caller must catch up from the events table.
 */
export function openPostgresChangeFeed(connectionString: string, signal: () => void): ChangeFeed {
  let closed = false;
  let client: pg.Client | undefined;
  /**
   * The socket of the client still connecting, so close() can abort it: `client.end()` only
   * half-closes a connection that has not answered yet, which then lingers until its timeout.
   */
  let pending: Socket | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let backoff = MIN_BACKOFF_MS;
  let connecting: Promise<void> = Promise.resolve();

  const scheduleRetry = () => {
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      connecting = connect();
    }, backoff);
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
  };

  const lost = (lostClient: pg.Client) => {
    if (client !== lostClient) return;
    client = undefined;
    lostClient.end().catch(() => {});
    scheduleRetry();
  };

  const connect = async (): Promise<void> => {
    if (closed) return;
    let socket: Socket | undefined;
    const next = new pg.Client({
      connectionString,
      connectionTimeoutMillis: 10_000,
      stream: () => {
        socket = new Socket();
        return socket;
      },
    });
    // Without an 'error' listener a dropped connection would crash the process.
    next.on('error', () => lost(next));
    next.on('end', () => lost(next));
    next.on('notification', (message) => {
      if (message.channel === EVENTS_CHANNEL) signal();
    });
    try {
      const connected = next.connect();
      pending = socket;
      await connected;
      await next.query(`listen ${EVENTS_CHANNEL}`);
    } catch {
      await next.end().catch(() => {});
      scheduleRetry();
      return;
    } finally {
      pending = undefined;
    }
    if (closed) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
    backoff = MIN_BACKOFF_MS;
    signal();
  };

  connecting = connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      retryTimer = undefined;
      pending?.destroy();
      await connecting;
      const last = client;
      client = undefined;
      await last?.end().catch(() => {});
    },
  };
}
