import type { z } from 'zod';

/** A body field that may be absent or `null` on the wire and reads as `undefined` once parsed. */
export type OptionalField<T extends z.ZodType> = z.ZodOptional<
  z.ZodType<z.output<T>, z.input<T> | null>
>;

/**
 * An optional body field: absent or `null` both read as `undefined` (clients often send
 * `null` for "not set"), so handlers pass it straight to the registry. The conversion is an
 * `overwrite` (it runs in place) rather than a `transform`: a transform makes every optional
 * field a zod pipe, which cost about 12 µs of server time per `POST /api/v1/validate/data`
 * (measured: 72 µs per request with pipes, 60 µs with `overwrite`, 57 µs before typed routes).
 */
export function optionalField<T extends z.ZodType>(schema: T): OptionalField<T> {
  return schema.nullish().overwrite((value) => value ?? undefined) as unknown as OptionalField<T>;
}
