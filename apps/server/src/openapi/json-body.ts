import type { MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { readJsonBody } from '../read-json-body.js';
import { invalidInput } from './invalid-input.js';

/**
 * Read the JSON body within `limit` bytes (413 above, 400 for malformed JSON; any content type,
 * as the API always accepted `curl -d`) and validate it with `schema`; the handler reads the
 * result with `c.req.valid('json')`.
 */
export function jsonBody(schema: z.ZodType, limit: number): MiddlewareHandler {
  return async (c, next) => {
    const result = schema.safeParse(await readJsonBody(c, limit));
    if (!result.success) throw invalidInput(result.error);
    c.req.addValidatedData('json', result.data as object);
    await next();
  };
}
