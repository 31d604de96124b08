import type { ConfigProblem, StageHandler } from '../handler-registry.js';
import { HandlerError } from './handler-error.js';

/**
 * Attaches a `checkConfig` to a handler from the same readers it uses at run time, so the checks
 * at definition time and at run time cannot disagree: `read` throws the handler's
 * `INVALID_INPUT` error for the first problem, which becomes a {@link ConfigProblem}.
 */
export function withConfigCheck(
  handler: StageHandler,
  read: (config: Record<string, unknown>) => void,
): StageHandler {
  handler.checkConfig = (config) => {
    try {
      read(config);
      return [];
    } catch (error) {
      if (!(error instanceof HandlerError) || error.code !== 'INVALID_INPUT') throw error;
      const path =
        typeof error.details.path === 'string' ? error.details.path.replace(/^\/config/, '') : '';
      return [{ path, message: error.message }];
    }
  };
  return handler;
}

/** Keeps `ConfigProblem` importable beside the helper. */
export type { ConfigProblem };
