import { z } from 'zod';
import { optionalField } from './optional-field.js';
import { booleanField, stringField, stringOrIntegerField } from './scalar-fields.js';

/** One reason a document failed validation. */
export const ValidationIssue = z
  .object({
    path: z
      .string()
      .meta({ description: 'JSON pointer into the data; empty for the root', example: '/age' }),
    keyword: z.string().meta({ example: 'type' }),
    message: z.string(),
  })
  .meta({ id: 'ValidationIssue' });

/** Which schema to validate against, and how: shared by single and batch validation. */
export const DataSelector = {
  schema_id: optionalField(stringOrIntegerField()).meta({ description: 'Global id or guid' }),
  subject: optionalField(stringField()).meta({ description: 'With version: a subject version' }),
  version: optionalField(stringOrIntegerField()).meta({
    description: 'Version number, semver or `latest` (default latest)',
  }),
  strict: optionalField(booleanField()).meta({ description: 'Unknown properties fail' }),
  message_name: optionalField(stringField()).meta({
    description: 'Protobuf: the message to validate (default the first)',
  }),
};

/** The body of `POST /api/v1/validate/data`. */
export const ValidateDataRequest = z
  .object({
    ...DataSelector,
    data: z
      .unknown()
      .optional()
      .meta({ description: 'The document to validate', example: { name: 'Ada' } }),
  })
  .meta({
    id: 'ValidateDataRequest',
    description: 'A document and the schema to check it against',
  });

/** The body of `POST /api/v1/validate/data` as a client sends it. */
export type ValidateDataRequest = z.input<typeof ValidateDataRequest>;

/** The verdict on one document. */
export const ValidateDataResponse = z
  .object({
    valid: z.boolean(),
    schema_id: z.number().int(),
    errors: z.array(ValidationIssue),
    warnings: z.array(z.string()),
    validation_time_ms: z.number(),
  })
  .meta({ id: 'ValidateDataResponse' });

/** The verdict on one document. */
export type ValidateDataResponse = z.output<typeof ValidateDataResponse>;
