import { z } from 'zod';

/** The body of every native API error: a stable code, a message and structured details. */
export const ErrorBody = z
  .object({
    error_code: z.string().meta({
      description: 'Stable error code (see the error code table)',
      example: 'SUBJECT_NOT_FOUND',
    }),
    message: z.string().meta({ description: 'Human-readable explanation' }),
    details: z.record(z.string(), z.unknown()).meta({
      description: 'Structured context, e.g. `field` naming the refused request field',
      example: { field: 'subject' },
    }),
  })
  .meta({ id: 'Error', description: 'An error with a stable error_code' });

/** The body of every native API error. */
export type ErrorBody = z.output<typeof ErrorBody>;
