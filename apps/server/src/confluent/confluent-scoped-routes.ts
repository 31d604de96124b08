import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  CONFLUENT_TAG,
  confluentErrors,
  confluentRequestBody,
  confluentResponse,
  flagQuery,
  SubjectParam,
} from './confluent-openapi.js';

/** What {@link confluentScopedRoutes} varies between `/config` and `/mode`. */
export interface ScopedRouteSpec<
  Body extends z.ZodType,
  Shown extends z.ZodType,
  Set extends z.ZodType,
  PutQuery extends z.ZodObject | undefined,
> {
  /** The operationId suffix: `confluentGet{Scope}{resource}`. */
  resource: 'Config' | 'Mode';
  /** What the summaries name, e.g. `mode`: `The global mode`, `Set the subject mode`. */
  setting: string;
  /** The body of PUT. */
  body: Body;
  /** The answer of GET and DELETE. */
  shown: Shown;
  /** The answer of PUT, and its description. */
  set: Set;
  setDescription: string;
  /** The query of PUT, if any. */
  putQuery?: PutQuery;
}

/** The GET, PUT and DELETE operations on `/{resource}` (global) or `/{resource}/{subject}`. */
export function confluentScopedRoutes<
  Body extends z.ZodType,
  Shown extends z.ZodType,
  Set extends z.ZodType,
  PutQuery extends z.ZodObject | undefined = undefined,
>(path: '/' | '/{subject}', spec: ScopedRouteSpec<Body, Shown, Set, PutQuery>) {
  const scope = path === '/' ? 'Global' : 'Subject';
  const lower = scope.toLowerCase();
  const noun = spec.resource.toLowerCase();
  const params = path === '/' ? {} : { params: z.object({ subject: SubjectParam }) };
  const putQuery = spec.putQuery ? { query: spec.putQuery } : {};
  return {
    get: createRoute({
      method: 'get',
      path,
      operationId: `confluentGet${scope}${spec.resource}`,
      tags: [CONFLUENT_TAG],
      summary: `The ${lower} ${spec.setting}`,
      request: {
        ...params,
        query: z.object({ defaultToGlobal: flagQuery(`Fall back to the global ${noun}`) }),
      },
      responses: { 200: confluentResponse(`The ${noun}`, spec.shown), ...confluentErrors(404) },
    }),
    put: createRoute({
      method: 'put',
      path,
      operationId: `confluentSet${scope}${spec.resource}`,
      tags: [CONFLUENT_TAG],
      summary: `Set the ${lower} ${spec.setting}`,
      request: { ...params, ...putQuery, body: confluentRequestBody(spec.body) },
      responses: {
        200: confluentResponse(spec.setDescription, spec.set),
        ...confluentErrors(400, 413, 422),
      },
    }),
    remove: createRoute({
      method: 'delete',
      path,
      operationId: `confluentDelete${scope}${spec.resource}`,
      tags: [CONFLUENT_TAG],
      summary: `Remove the ${lower} ${spec.setting}`,
      request: params,
      responses: {
        200: confluentResponse(`The ${noun} removed (or in force)`, spec.shown),
        ...confluentErrors(404),
      },
    }),
  };
}
