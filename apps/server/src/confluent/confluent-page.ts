import type { Context } from 'hono';

/**
 * Apply Confluent's paging query (`offset`, default 0; `limit`, ignored unless positive) to a
 * list. Values that are not integers fall back to the defaults, as Confluent's do.
 */
export function confluentPage<T>(c: Context, items: readonly T[]): T[] {
  const offset = integerOr(c.req.query('offset'), 0);
  const limit = integerOr(c.req.query('limit'), -1);
  const start = Math.max(0, offset);
  return limit > 0 ? items.slice(start, start + limit) : items.slice(start);
}

function integerOr(value: string | undefined, fallback: number): number {
  return value !== undefined && /^-?\d{1,10}$/.test(value) ? Number(value) : fallback;
}
