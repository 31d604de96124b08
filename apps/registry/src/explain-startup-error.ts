import { dirname } from 'node:path';
import { StartupError } from './startup-error.js';

interface CodedError {
  code?: unknown;
  message?: unknown;
  details?: Record<string, unknown>;
}

function fields(error: unknown): CodedError {
  return error !== null && typeof error === 'object' ? (error as CodedError) : {};
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? '';
}

/** The PostgreSQL database a `postgres://` URL names, if it parses. */
function databaseName(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url).pathname.slice(1)) || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Word a failure to open storage as a {@link StartupError} on `STORAGE_URL`: an unsupported
 * URL, a PostgreSQL database that does not exist (with the `createdb` command), an unreachable
 * PostgreSQL, or a SQLite file whose directory cannot be written.
 */
export function explainStorageError(error: unknown, storageUrl: string): StartupError {
  const { code, message, details = {} } = fields(error);
  const text = firstLine(String(message ?? error));
  const options = { cause: error };
  if (code === 'INVALID_URL' || (code === 'INVALID_INPUT' && /storage url|sqlite:/i.test(text))) {
    return new StartupError(
      'STORAGE_URL',
      `STORAGE_URL is not usable: ${text} (for example STORAGE_URL=sqlite:./data/registry.db)`,
      options,
    );
  }
  const isPostgres = /^postgres(ql)?:/i.test(storageUrl);
  if (isPostgres && (details.cause === '3D000' || /database .* does not exist/i.test(text))) {
    const name = databaseName(storageUrl) ?? '<name>';
    return new StartupError(
      'STORAGE_URL',
      `the PostgreSQL database "${name}" in STORAGE_URL does not exist: create it with \`createdb ${name}\` or point STORAGE_URL at an existing database`,
      options,
    );
  }
  if (isPostgres) {
    return new StartupError(
      'STORAGE_URL',
      `cannot use the PostgreSQL server in STORAGE_URL (${text}): check that it runs and that STORAGE_URL's host, port, user and password are right`,
      options,
    );
  }
  if (typeof details.filename === 'string') {
    const directory = dirname(details.filename);
    // The storage message repeats the file name; keep only the reason.
    const reason = text.replace(/^Cannot open SQLite database .*?: (?:\w*Error: )?/, '');
    return new StartupError(
      'STORAGE_URL',
      `cannot open the SQLite database ${details.filename} from STORAGE_URL (${reason}): make ${directory} writable or set STORAGE_URL=sqlite:<writable path>`,
      options,
    );
  }
  return new StartupError('STORAGE_URL', `cannot open storage from STORAGE_URL: ${text}`, options);
}

/**
 * Word a failure to listen as a {@link StartupError} on the port's variable (`PORT` or
 * `CONNECT_PORT`), or on `HOST` when the address is not this machine's.
 */
export function explainListenError(
  error: unknown,
  listen: { setting: 'PORT' | 'CONNECT_PORT'; port: number; host: string },
): StartupError {
  const { code, message } = fields(error);
  const options = { cause: error };
  const { setting, port, host } = listen;
  if (code === 'EADDRINUSE') {
    return new StartupError(
      setting,
      `port ${port} (${setting}) is already in use: stop the process using it or set ${setting} to a free port`,
      options,
    );
  }
  if (code === 'EACCES') {
    return new StartupError(
      setting,
      `not allowed to listen on port ${port} (${setting}): use a port above 1023 or run with the needed privileges`,
      options,
    );
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    return new StartupError(
      'HOST',
      `cannot listen on HOST=${host}: use an address of this machine, such as 0.0.0.0 or 127.0.0.1`,
      options,
    );
  }
  return new StartupError(
    setting,
    `cannot listen on ${host}:${port} (${setting}): ${firstLine(String(message ?? error))}`,
    options,
  );
}

/**
 * The one line printed when the registry fails to start: a {@link StartupError}'s message, a
 * configuration error naming its variable, or the first line of anything else.
 */
export function describeStartupError(error: unknown): string {
  if (error instanceof StartupError) return error.message;
  const { code, message, details = {} } = fields(error);
  const text = firstLine(String(message ?? error));
  if (code === 'INVALID_INPUT' && typeof details.field === 'string') {
    return `invalid setting: ${text}`;
  }
  return `failed to start: ${text}`;
}
