import { RegistryClientError } from '@llmsr/sdk';
import { endpointHeaders, type RegistryEndpoint } from './registry-endpoint.js';

/** Per-request time limit of raw calls, in milliseconds. */
const TIMEOUT_MS = 30_000;

/**
 * Send one JSON request to the native API, for the calls the SDK does not expose (registering
 * with a chosen id and version in IMPORT mode, deleting a config). Failures are
 * {@link RegistryClientError}s like the SDK's, so they are reported the same way.
 */
export async function sendJsonRequest(
  endpoint: RegistryEndpoint,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<unknown> {
  const url = `${endpoint.url.replace(/\/+$/, '')}${path}`;
  const headers = await endpointHeaders(
    endpoint,
    body === undefined ? {} : { 'content-type': 'application/json' },
  );
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const timeout = (error as Error).name === 'TimeoutError';
    throw new RegistryClientError(
      timeout ? 'TIMEOUT' : 'NETWORK_ERROR',
      timeout
        ? `${method} ${path} timed out`
        : `${method} ${path} failed: ${(error as Error).message}`,
      undefined,
      {},
      { cause: error },
    );
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!response.ok) {
    const error = (parsed ?? {}) as { error_code?: unknown; message?: unknown; details?: unknown };
    throw new RegistryClientError(
      typeof error.error_code === 'string' ? error.error_code : 'HTTP_ERROR',
      typeof error.message === 'string'
        ? error.message
        : `${method} ${path} answered ${response.status}`,
      response.status,
      typeof error.details === 'object' && error.details !== null
        ? (error.details as Record<string, unknown>)
        : {},
    );
  }
  return parsed;
}
