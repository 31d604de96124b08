import { isRegistryError, RegistryError } from '@llmsr/core';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ERROR_STATUS } from './error-status.js';

/** The JSON body of every native API error. */
export interface ErrorBody {
  error_code: string;
  message: string;
  details: Record<string, unknown>;
}

/** Turn anything thrown by a route into `{ error_code, message, details }` with its status. */
export function errorResponse(c: Context, error: unknown): Response {
  const registryError = isRegistryError(error)
    ? error
    : new RegistryError('INTERNAL', 'Internal server error', {}, { cause: error });
  if (registryError.code === 'INTERNAL') {
    // Only unexpected failures reach the log with their stack; expected ones are the client's.
    console.error(
      JSON.stringify({
        level: 'error',
        msg: 'internal error',
        error: String(registryError.cause ?? registryError),
      }),
    );
  }
  const body: ErrorBody = {
    error_code: registryError.code,
    message: registryError.message,
    details: registryError.details,
  };
  return c.json(body, ERROR_STATUS[registryError.code] as ContentfulStatusCode);
}
