import { OpenAPIHono } from '@hono/zod-openapi';
import { validationHook } from './validation-hook.js';

/**
 * A REST sub-app whose routes are declared with `createRoute` (documented in `/openapi.json`)
 * and whose request validation failures answer `INVALID_INPUT`.
 */
export function createRouteApp(): OpenAPIHono {
  return new OpenAPIHono({ defaultHook: validationHook });
}
