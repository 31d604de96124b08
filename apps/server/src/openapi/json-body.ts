import type { Context, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { readJsonBody } from '../read-json-body.js';

/** What a failed body validation is handed to: the sub-app's `defaultHook`. */
export type InvalidBodyHook = (
  result: { target: 'json'; success: false; error: z.ZodError },
  c: Context,
) => unknown;

/**
 * Read the JSON body within `limit` bytes (413 above, 400 for malformed JSON; any content type,
 * as the API always accepted `curl -d`) and validate it with `schema`; the handler reads the
 * result with `c.req.valid('json')`. A refused body goes to `onInvalid` (the app's
 * `defaultHook`), which throws or answers.
 */
export function jsonBody(
  schema: z.ZodType,
  limit: number,
  onInvalid: InvalidBodyHook,
): MiddlewareHandler {
  return async (c, next) => {
    const result = schema.safeParse(await readJsonBody(c, limit));
    if (!result.success) {
      const answer = await onInvalid({ target: 'json', success: false, error: result.error }, c);
      if (answer instanceof Response) return answer;
      throw new Error('the defaultHook neither threw nor answered for an invalid body');
    }
    c.req.addValidatedData('json', result.data as object);
    await next();
  };
}
