import {
  IncompatibleSchemaError,
  isAuthErrorCode,
  isRegistryClientError,
  type RegistryClientError,
} from '@llmsr/sdk';
import type { CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';
import { UsageError } from './usage-error.js';

/** Client codes that mean the registry could not be talked to, rather than that it said no. */
const CONNECTION_CODES = new Set([
  'NETWORK_ERROR',
  'TIMEOUT',
  'INVALID_RESPONSE',
  'RESPONSE_TOO_LARGE',
  'ROUTE_UNAVAILABLE',
  'RPC_ERROR',
]);

/** A 401 or 403, with the server's code or bare (from a proxy in front of the registry). */
function isRefusal(error: RegistryClientError): boolean {
  return isAuthErrorCode(error.code) || error.status === 401 || error.status === 403;
}

function codeOf(error: RegistryClientError): string {
  if (isAuthErrorCode(error.code)) return error.code;
  return error.status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN';
}

/**
 * One line saying what to do. The server's message is quoted (it names the missing role or
 * subject); the credentials themselves never appear, since the CLI never puts them in a message.
 */
function refusalMessage(error: RegistryClientError, url: string): string {
  const code = codeOf(error);
  const reason = error.message.replace(/\s+/g, ' ').slice(0, 200);
  return code === 'UNAUTHENTICATED'
    ? `the registry at ${url} needs valid credentials (${reason}); pass --api-key or --token, or set LLMSR_API_KEY or LLMSR_TOKEN (${code})`
    : `the registry at ${url} does not allow this for these credentials (${reason}) (${code})`;
}

/**
 * Print an error the way the CLI reports failures and return its exit code: 2 for usage and
 * connection errors (and server 5xx), 1 for a registry that answered no (invalid, incompatible,
 * not found), 3 for a refusal of the credentials (401) or of the rights (403).
 */
export function reportError(error: unknown, io: CliIo, json: boolean, url: string): number {
  if (error instanceof UsageError) {
    io.stderr.write(`error: ${error.message}\n`);
    return EXIT.usage;
  }
  if (isRegistryClientError(error) && isRefusal(error)) {
    const message = refusalMessage(error, url);
    if (json) {
      io.stdout.write(
        `${JSON.stringify({ error_code: codeOf(error), message, status: error.status })}\n`,
      );
    }
    io.stderr.write(`error: ${message}\n`);
    return EXIT.auth;
  }
  if (isRegistryClientError(error)) {
    const connection =
      CONNECTION_CODES.has(error.code) || (error.status !== undefined && error.status >= 500);
    const message = connection
      ? `cannot reach the registry at ${url}: ${error.message}`
      : error.message;
    if (json) {
      io.stdout.write(
        `${JSON.stringify({ error_code: error.code, message, status: error.status, details: error.details })}\n`,
      );
    }
    io.stderr.write(`error: ${message} (${error.code})\n`);
    if (error instanceof IncompatibleSchemaError) {
      for (const violation of error.violations) {
        io.stderr.write(`  - ${describeViolation(violation)}\n`);
      }
    } else if (!connection) {
      const where = describeDetails(error.details);
      if (where) io.stderr.write(`  ${where}\n`);
    }
    return connection ? EXIT.usage : EXIT.failed;
  }
  io.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  return EXIT.usage;
}

/** One violation as a line: its message, rule and path when present. */
export function describeViolation(violation: unknown): string {
  if (typeof violation !== 'object' || violation === null) return String(violation);
  const record = violation as Record<string, unknown>;
  const parts = [String(record.message ?? record.description ?? JSON.stringify(record))];
  const rule = record.rule ?? record.type;
  if (typeof rule === 'string') parts.push(`[${rule}]`);
  const path = record.path ?? record.location;
  if (typeof path === 'string' && path !== '') parts.push(`at ${path}`);
  return parts.join(' ');
}

function describeDetails(details: unknown): string | undefined {
  if (typeof details !== 'object' || details === null) return undefined;
  const entries = Object.entries(details as Record<string, unknown>).filter(
    ([, value]) => typeof value !== 'object' || value === null,
  );
  return entries.length === 0
    ? undefined
    : entries.map(([key, value]) => `${key}: ${String(value)}`).join(', ');
}
