// Shared by the HTTP benchmarks: wait for a server's /health, and load a URL with autocannon.
import autocannon from 'autocannon';

/** Resolves once `${url}/health` answers 200 (10 s at most). */
export async function waitForHealth(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not become healthy`);
}

/** autocannon's result for `options` (url, method, headers, body...) over `connections` for `duration` s. */
export function load(options, { connections, duration }) {
  return new Promise((resolve, reject) => {
    autocannon({ connections, duration, ...options }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}
