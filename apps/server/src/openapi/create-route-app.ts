import { type Hook, OpenAPIHono } from '@hono/zod-openapi';
import type { Env } from 'hono';
import { validationHook } from './validation-hook.js';

/**
 * A REST sub-app whose routes are declared with `createRoute` and mounted with `addRoute`
 * (documented in `/openapi.json`). Request validation failures go to `defaultHook`: by default
 * {@link validationHook}, which throws `INVALID_INPUT` naming the field; the Confluent API
 * passes its own (throwing its numeric codes).
 */
export function createRouteApp<E extends Env = Env>(
  defaultHook: Hook<unknown, E, string, unknown> = validationHook,
): OpenAPIHono<E> {
  return new OpenAPIHono<E>({ defaultHook });
}
