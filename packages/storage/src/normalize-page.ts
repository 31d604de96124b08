/** A sanitized page window: `limit` undefined means no limit. */
export interface Page {
  limit: number | undefined;
  offset: number;
}

/**
 * Clamps caller-supplied paging to non-negative integers, so negative, fractional or NaN values
 * behave the same on every backend (SQLite treats a negative LIMIT as "none", PostgreSQL fails).
 */
export function normalizePage(options: { limit?: number; offset?: number } = {}): Page {
  const limit = options.limit;
  const offset = options.offset;
  return {
    limit:
      limit === undefined || Number.isNaN(limit)
        ? undefined
        : Math.max(0, Math.floor(Math.min(limit, Number.MAX_SAFE_INTEGER))),
    offset:
      offset === undefined || !Number.isFinite(offset)
        ? 0
        : Math.max(0, Math.floor(Math.min(offset, Number.MAX_SAFE_INTEGER))),
  };
}
