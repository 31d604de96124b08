import { z } from 'zod';
import { optionalField } from './optional-field.js';
import { stringField } from './scalar-fields.js';

/** The body of `POST /api/v1/validate/schema`. */
export const ValidateSchemaRequest = z
  .object({
    schema: z
      .unknown()
      .optional()
      .meta({ description: 'The schema to check (JSON value or text)' }),
    schema_type: optionalField(stringField()).meta({
      description: 'JSON (default), AVRO or PROTOBUF',
    }),
    references: z.unknown().optional().meta({ description: 'Array of { name, subject, version }' }),
  })
  .meta({ id: 'ValidateSchemaRequest' });

/** The body of `POST /api/v1/validate/schema` as a client sends it. */
export type ValidateSchemaRequest = z.input<typeof ValidateSchemaRequest>;

/** Is the schema well-formed: the problems with their locations, or its canonical form. */
export const ValidateSchemaResponse = z
  .object({
    valid: z.boolean(),
    problems: z.array(
      z.object({
        path: z.string(),
        message: z.string(),
        line: z.number().int().optional(),
        column: z.number().int().optional(),
      }),
    ),
    fingerprint: z.string().optional(),
    canonical: z.string().optional(),
  })
  .meta({ id: 'ValidateSchemaResponse' });

/** The verdict on a schema. */
export type ValidateSchemaResponse = z.output<typeof ValidateSchemaResponse>;
