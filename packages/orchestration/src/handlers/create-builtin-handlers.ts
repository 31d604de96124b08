import type { StageHandler } from '../handler-registry.js';
import { createHttpRequestHandler, type HttpRequestHandlerOptions } from './http-request.js';
import { createJsonTransformHandler } from './json-transform.js';
import { createLlmChatHandler, type LlmChatHandlerOptions } from './llm-chat.js';
import { createSchemaValidateHandler } from './schema-validate.js';

/** Options of {@link createBuiltinHandlers}. */
export interface BuiltinHandlerOptions {
  http?: HttpRequestHandlerOptions;
  llm?: LlmChatHandlerOptions;
}

/**
 * The built-in handlers, by name: `json.transform`, `schema.validate`, `http.request` and
 * `llm.chat`.
 *
 * @example
 * ```ts
 * const handlers = createHandlerRegistry(createBuiltinHandlers({ llm: { baseUrl, model: 'gpt-4o-mini' } }));
 * ```
 */
export function createBuiltinHandlers(
  options: BuiltinHandlerOptions = {},
): Record<string, StageHandler> {
  return {
    'json.transform': createJsonTransformHandler(),
    'schema.validate': createSchemaValidateHandler(),
    'http.request': createHttpRequestHandler(options.http),
    'llm.chat': createLlmChatHandler(options.llm),
  };
}
