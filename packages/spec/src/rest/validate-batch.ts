import { z } from 'zod';
import { ErrorBody } from './error-body.js';
import { optionalField } from './optional-field.js';
import { booleanField, stringField, stringOrIntegerField } from './scalar-fields.js';
import { DataSelector, ValidationIssue } from './validate-data.js';

/** One item of a batch without a shared selector: its own selector and document. */
export const BatchItem = z
  .object({ ...DataSelector, data: z.unknown().optional().meta({ description: 'The document' }) })
  .meta({ id: 'BatchItem' });

/**
 * The body of `POST /api/v1/validate/batch`: either a shared selector at the top with `items`
 * being the documents, or `items` of {@link BatchItem}. The item count (1 to the registry's
 * batch limit) and the items themselves are checked by the server.
 */
export const ValidateBatchRequest = z
  .object({
    schema_id: optionalField(stringOrIntegerField()),
    subject: optionalField(stringField()),
    version: optionalField(stringOrIntegerField()),
    strict: optionalField(booleanField()),
    message_name: optionalField(stringField()),
    items: z.array(z.unknown(), { error: 'must be an array' }).meta({
      description:
        'With schema_id or subject at the top: the documents. Otherwise: BatchItem objects, each with its own selector and data',
      example: [{ schema_id: 1, data: { name: 'Ada' } }],
    }),
  })
  .meta({ id: 'ValidateBatchRequest' });

/** The body of `POST /api/v1/validate/batch` as a client sends it. */
export type ValidateBatchRequest = z.input<typeof ValidateBatchRequest>;

/** The result of one batch item: a verdict, or the error that kept it from being validated. */
export const BatchItemResult = z
  .union([
    z.object({
      index: z.number().int(),
      valid: z.boolean(),
      schema_id: z.number().int(),
      errors: z.array(ValidationIssue),
      warnings: z.array(z.string()),
    }),
    z.object({ index: z.number().int(), valid: z.literal(false), error: ErrorBody }),
  ])
  .meta({ id: 'BatchItemResult' });

/** Counts and per-item results of a batch. */
export const ValidateBatchResponse = z
  .object({
    total: z.number().int(),
    valid: z.number().int(),
    invalid: z.number().int(),
    failed: z
      .number()
      .int()
      .meta({ description: 'Items that could not be validated (unknown schema...)' }),
    validation_time_ms: z.number(),
    results: z.array(BatchItemResult),
  })
  .meta({ id: 'ValidateBatchResponse' });

/** Counts and per-item results of a batch. */
export type ValidateBatchResponse = z.output<typeof ValidateBatchResponse>;
