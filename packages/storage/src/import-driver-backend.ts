import { StorageError } from './storage-error.js';

/** The optional peer dependencies of `@llmsr/storage`, one per SQL backend. */
export type StorageDriver = 'better-sqlite3' | 'pg';

const BACKEND_NAMES: Record<StorageDriver, string> = {
  'better-sqlite3': 'SQLite',
  pg: 'PostgreSQL',
};

/**
 * Runs `importer` (a dynamic import of a backend module) and turns "the driver package is not
 * installed" into {@link StorageError} `DRIVER_MISSING` naming the install command. The drivers
 * are optional peer dependencies, so a memory-only user installs neither native build; the
 * first SQL URL then explains itself instead of failing with a bare module-resolution error.
 * Any other failure is rethrown as is.
 */
export async function importDriverBackend<T>(
  driver: StorageDriver,
  importer: () => Promise<T>,
): Promise<T> {
  try {
    return await importer();
  } catch (error) {
    if (!isMissingPackage(error, driver)) throw error;
    const backend = BACKEND_NAMES[driver];
    throw new StorageError(
      'DRIVER_MISSING',
      `${backend} storage needs the ${driver} package, which is not installed: run \`pnpm add ${driver}\` (or npm install ${driver}), or use STORAGE_URL=memory:`,
      { driver, install: `pnpm add ${driver}` },
    );
  }
}

/** Node's (and Vite's) "cannot find package" errors name the package in quotes. */
function isMissingPackage(error: unknown, name: string): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  const quoted = new RegExp(`['"]${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"/]`);
  return (
    (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND' || code === undefined) &&
    /cannot find (package|module)|failed to (load|resolve)/i.test(error.message) &&
    quoted.test(error.message)
  );
}
