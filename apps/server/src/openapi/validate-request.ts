import type { Context } from 'hono';
import type { z } from 'zod';
import { readJsonBody } from '../read-json-body.js';

/** What a refused request part is handed to: the sub-app's `defaultHook`. */
export type InvalidRequestHook = (
  result: { target: string; success: false; error: z.ZodError },
  c: Context,
) => unknown;

/** The schemas of the request parts a route declares. */
export interface RequestSchemas {
  params?: z.ZodType | undefined;
  query?: z.ZodType | undefined;
  headers?: z.ZodType | undefined;
  /** The JSON body, read within `bodyLimit` bytes. */
  json?: z.ZodType | undefined;
  bodyLimit?: number | undefined;
}

/** The query as hono's validator presents it: one value per key, an array when repeated. */
function queryOf(c: Context): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, values] of Object.entries(c.req.queries())) {
    out[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return out;
}

/**
 * Checks a request's declared parts and records them for `c.req.valid(...)`: `undefined` when
 * they are valid, else the answer of `onInvalid`. Synchronous for routes without a body.
 */
export type RequestGuard = (c: Context) => Response | undefined | Promise<Response | undefined>;

/**
 * One synchronous check of every declared part (path params, query, headers, then the JSON
 * body) with `safeParse`; the handler reads them with `c.req.valid(...)`. It replaces
 * `@hono/zod-openapi`'s validators, which chain one async `safeParseAsync` middleware per part
 * (measurable on the hot GET and validate routes) and read bodies without a size limit; and it
 * runs inside the route's handler rather than as a middleware, which saves a dispatch step per
 * request. The body is read within `bodyLimit` (413 above, 400 for malformed JSON; any content
 * type, as the API always accepted `curl -d`). Failures go to `onInvalid`, which throws or
 * answers. `undefined` when the route declares no part.
 */
export function validateRequest(
  schemas: RequestSchemas,
  onInvalid: InvalidRequestHook,
): RequestGuard | undefined {
  const parts: [target: 'param' | 'query' | 'header', schema: z.ZodType][] = [];
  if (schemas.params) parts.push(['param', schemas.params]);
  if (schemas.query) parts.push(['query', schemas.query]);
  if (schemas.headers) parts.push(['header', schemas.headers]);
  const read = {
    param: (c: Context) => c.req.param(),
    query: queryOf,
    header: (c: Context) => c.req.header(),
  };
  const refuse = async (target: string, error: z.ZodError, c: Context) => {
    const answer = await onInvalid({ target, success: false, error }, c);
    if (answer instanceof Response) return answer;
    throw new Error('the defaultHook neither threw nor answered for an invalid request');
  };
  const checkParts = (c: Context): Promise<Response> | undefined => {
    for (const [target, schema] of parts) {
      const result = schema.safeParse(read[target](c));
      if (!result.success) return refuse(target, result.error, c);
      c.req.addValidatedData(target, result.data as object);
    }
    return undefined;
  };
  const json = schemas.json;
  if (!json) return parts.length === 0 ? undefined : checkParts;
  const bodyLimit = schemas.bodyLimit ?? Number.POSITIVE_INFINITY;
  return async (c) => {
    const refused = checkParts(c);
    if (refused) return refused;
    const result = json.safeParse(await readJsonBody(c, bodyLimit));
    if (!result.success) return refuse('json', result.error, c);
    c.req.addValidatedData('json', result.data as object);
    return undefined;
  };
}
