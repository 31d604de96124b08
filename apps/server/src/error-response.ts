import { isRegistryError } from '@llmsr/core';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ERROR_STATUS } from './error-status.js';
import { internalError } from './internal-error.js';

/** The JSON body of every native API error. */
export interface ErrorBody {
  error_code: string;
  message: string;
  details: Record<string, unknown>;
}

/**
 * Turn anything thrown by a route into `{ error_code, message, details }` with its status; an
 * internal error answers only its request id (see {@link internalError}).
 */
export function errorResponse(c: Context, error: unknown): Response {
  // Only unexpected failures reach the log with their stack; expected ones are the client's.
  const registryError =
    isRegistryError(error) && error.code !== 'INTERNAL' ? error : internalError(c, error, 'native');
  const body: ErrorBody = {
    error_code: registryError.code,
    message: registryError.message,
    details: registryError.details,
  };
  return c.json(body, ERROR_STATUS[registryError.code] as ContentfulStatusCode);
}
