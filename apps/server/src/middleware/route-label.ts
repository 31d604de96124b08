import type { Context } from 'hono';
import { routePath } from 'hono/route';

/**
 * The route pattern that answered (`/api/v1/schemas/:id`), or `unmatched`: a bounded label for
 * metrics and logs, never the raw path (which would let clients create unlimited series).
 */
export function routeLabel(c: Context): string {
  const pattern = routePath(c);
  return pattern === '' || pattern === '*' || pattern === '/*' ? 'unmatched' : pattern;
}
