import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The Swagger UI files the docs page loads, with their content types. */
const DOCS_ASSETS: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

const loaded = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();

/**
 * One of the docs page's static files from the installed `swagger-ui-dist` package, read on
 * first use (not at start-up) and kept in memory; `undefined` for any name not on the allow-list,
 * so the route can never be used to read other files.
 */
export function readDocsAsset(
  name: string,
): { body: Promise<Uint8Array<ArrayBuffer>>; contentType: string } | undefined {
  const contentType = Object.hasOwn(DOCS_ASSETS, name) ? DOCS_ASSETS[name] : undefined;
  if (contentType === undefined) return undefined;
  let body = loaded.get(name);
  if (!body) {
    // absolute-path.js is the package's documented way to find its files without loading the
    // 1.5 MB bundle into Node.
    const require = createRequire(import.meta.url);
    const directory = (require('swagger-ui-dist/absolute-path.js') as () => string)();
    body = readFile(join(directory, name)) as Promise<Uint8Array<ArrayBuffer>>;
    body.catch(() => loaded.delete(name));
    loaded.set(name, body);
  }
  return { body, contentType };
}
