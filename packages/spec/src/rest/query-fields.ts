import { z } from 'zod';

/** A repeated query key (`?limit=1&limit=2`) reads as its first value, as `c.req.query()` does. */
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** A query flag: `true` or `1` is set, anything else (or nothing) is not. */
export const flagQuery = (description: string) =>
  z
    .preprocess(first, z.string().optional())
    .transform((value) => value === 'true' || value === '1')
    .meta({ type: 'boolean', description: `${description} (true or 1)` });

/** An optional non-negative integer query parameter (up to 15 digits); empty reads as absent. */
export const integerQuery = (description: string) =>
  z
    .preprocess(
      first,
      z
        .string()
        .regex(/^(\d{1,15})?$/, { error: 'must be a non-negative integer' })
        .optional(),
    )
    .transform((value) => (value ? Number(value) : undefined))
    .meta({ type: 'integer', minimum: 0, description });

/** An optional text query parameter, refused over `max` characters; empty reads as absent. */
export const textQuery = (description: string, max = 1_000) =>
  z
    .preprocess(
      first,
      z
        .string()
        .max(max, { error: `is longer than ${max} characters` })
        .optional(),
    )
    .transform((value) => (value === '' ? undefined : value))
    .meta({ description });

/** A metadata value from the query: JSON when it parses (`1`, `true`, `"x"`), else the text itself. */
export const jsonValueQuery = (description: string) =>
  textQuery(description).transform((text): unknown => {
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  });

/**
 * A lenient paging parameter: anything but a non-negative integer reads as absent (the
 * variable-space listing never refused bad paging values; it falls back to the default).
 */
export const lenientIntegerQuery = (description: string) =>
  z
    .preprocess(first, z.string().optional())
    .transform((value) => {
      const parsed = Number(value);
      return value !== undefined && Number.isSafeInteger(parsed) && parsed >= 0
        ? parsed
        : undefined;
    })
    .meta({ type: 'integer', minimum: 0, description });
