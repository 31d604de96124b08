import { RegistryError } from '@llmsr/core';
import type { Context } from 'hono';

/**
 * The answer to a real internal error: a generic `INTERNAL` error naming the request id, so the
 * client can quote it; the raw text (a SQL error, a stack, a path) goes only to the log, under
 * that id, because it may hold internals.
 */
export function internalError(
  c: Context,
  error: unknown,
  api: 'native' | 'Confluent',
): RegistryError {
  const requestId = (c.get('requestId' as never) as string | undefined) ?? 'unknown';
  const raw = error instanceof RegistryError ? (error.cause ?? error) : error;
  console.error(
    JSON.stringify({
      level: 'error',
      msg: api === 'native' ? 'internal error' : 'internal error (Confluent API)',
      request_id: requestId,
      method: c.req.method,
      path: c.req.path.slice(0, 500),
      error: raw instanceof Error ? (raw.stack ?? raw.message) : String(raw),
    }),
  );
  return new RegistryError('INTERNAL', `Internal error; request id ${requestId}`, {
    request_id: requestId,
  });
}
