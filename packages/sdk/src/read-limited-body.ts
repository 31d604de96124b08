import { RegistryClientError } from './registry-client-error.js';

/**
 * Read a response body as UTF-8 text, giving up with `RESPONSE_TOO_LARGE` past `limit` bytes
 * (declared or streamed), so a runaway server cannot exhaust the client's memory.
 */
export async function readLimitedBody(response: Response, limit: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge(limit);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function tooLarge(limit: number): RegistryClientError {
  return new RegistryClientError(
    'RESPONSE_TOO_LARGE',
    `The server's response is larger than ${limit} bytes (maxResponseBytes)`,
    undefined,
    { limit },
  );
}
