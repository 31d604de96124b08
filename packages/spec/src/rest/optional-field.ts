import type { z } from 'zod';

/**
 * An optional body field: absent or `null` both read as `undefined` (clients often send
 * `null` for "not set"), so handlers pass it straight to the registry.
 */
export function optionalField<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((value) => value ?? undefined);
}
