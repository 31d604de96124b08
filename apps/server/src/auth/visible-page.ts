import type { Registry } from '@llmsr/core';
import type { Context } from 'hono';
import { principalOf } from './request-auth.js';

/**
 * The items of a page the request's principal may see. A prefix-limited page may hold fewer
 * items than its `limit`, and its `total` then counts only them (the store pages before the
 * filter; a limited key pages through the visible items of each store page).
 */
export function visiblePage<T extends { subject: string }>(
  registry: Registry,
  c: Context,
  page: { total: number; items: T[] },
): { total: number; items: T[] } {
  const principal = principalOf(c);
  const items = page.items.filter((item) => registry.access.canSee(principal, item.subject));
  return { total: items.length === page.items.length ? page.total : items.length, items };
}
