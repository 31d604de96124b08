import { z } from 'zod';

/**
 * The body of every Confluent API error: Confluent's numeric `error_code` (its first three
 * digits are the HTTP status, e.g. 40401 subject not found, 42201 invalid schema) and a message.
 */
export const ConfluentErrorBody = z
  .object({
    error_code: z.number().int().meta({
      description: "Confluent's error code; its first three digits are the HTTP status",
      example: 40401,
    }),
    message: z.string().meta({ example: "Subject 'orders-value' not found." }),
  })
  .meta({ id: 'ConfluentError', description: 'A Confluent API error' });

/** The body of every Confluent API error. */
export type ConfluentErrorBody = z.output<typeof ConfluentErrorBody>;
