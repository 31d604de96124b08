import { z } from 'zod';

/** A reference from one schema to a subject version (an import, a `$ref`, a named type). */
export const SchemaReference = z
  .object({
    name: z.string().meta({ description: 'Name the schema uses for it (import path, $ref URL)' }),
    subject: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'SchemaReference' });

/** A reference from one schema to a subject version. */
export type SchemaReference = z.output<typeof SchemaReference>;
