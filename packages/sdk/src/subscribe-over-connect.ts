import type { Client } from '@connectrpc/connect';
import type { SchemaRegistryService } from '@llmsr/proto';
import type { ChangeEvent } from './client-types.js';
import { errorFromConnect, isTransientError } from './error-from-connect.js';
import { fromChangeMessage } from './map-connect-messages.js';
import { RegistryClientError } from './registry-client-error.js';
import { sleep } from './sleep.js';
import type { SubscribeOptions } from './subscribe-to-changes.js';

function eventIdOf(id: string): bigint {
  if (!/^\d{1,16}$/.test(id)) {
    throw new RegistryClientError(
      'INVALID_ARGUMENT',
      `lastEventId must be a non-negative integer event id over transport 'connect', got ${JSON.stringify(id.slice(0, 50))}`,
      undefined,
      { field: 'lastEventId' },
    );
  }
  return BigInt(id);
}

/**
 * Follow `StreamSchemaChanges` as an async iterator of the same {@link ChangeEvent}s the SSE
 * stream gives. After a dropped stream it reconnects with `after_event_id` set to the last id
 * seen, so no event is lost or repeated while the server keeps its history; breaking out of the
 * loop or aborting `signal` cancels the call.
 */
export async function* subscribeOverConnect(
  client: Client<typeof SchemaRegistryService>,
  options: SubscribeOptions = {},
): AsyncGenerator<ChangeEvent, void, undefined> {
  const { signal } = options;
  let lastId = options.lastEventId === undefined ? undefined : eventIdOf(options.lastEventId);
  const delay = options.reconnectDelayMs ?? 1_000;
  while (!signal?.aborted) {
    // One controller per stream: leaving the loop early cancels the request in `finally`.
    const controller = new AbortController();
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const stream = client.streamSchemaChanges(
        lastId === undefined ? {} : { afterEventId: lastId },
        { signal: controller.signal },
      );
      for await (const message of stream) {
        lastId = message.id;
        yield fromChangeMessage(message);
      }
    } catch (error) {
      if (signal?.aborted) return;
      const failure = errorFromConnect(error, { method: 'StreamSchemaChanges', signal });
      if (options.reconnect === false || !isTransientError(failure)) throw failure;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      controller.abort();
    }
    if (options.reconnect === false) return;
    try {
      await sleep(delay, signal);
    } catch {
      return;
    }
  }
}
