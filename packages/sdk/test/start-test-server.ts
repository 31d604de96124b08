import { DEFAULT_SERVER_CONFIG, type RunningServer, startServer } from '@llmsr/server';

/** Start a real llmsr server on a free port over memory storage. */
export function startTestServer(): Promise<RunningServer> {
  return startServer({
    ...DEFAULT_SERVER_CONFIG,
    port: 0,
    host: '127.0.0.1',
    storageUrl: 'memory:',
    logLevel: 'silent',
  });
}

/** A fetch that counts calls per method and path, passing them to the real fetch. */
export function countingFetch(): { fetch: typeof fetch; calls: string[] } {
  const calls: string[] = [];
  const wrapped: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    calls.push(`${init?.method ?? 'GET'} ${url.pathname}`);
    return fetch(input, init);
  };
  return { fetch: wrapped, calls };
}

/** A small JSON Schema used across the tests. */
export const personSchema = {
  type: 'object',
  properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 0 } },
  required: ['name'],
};
