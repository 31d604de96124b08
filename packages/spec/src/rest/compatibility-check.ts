import { z } from 'zod';
import { optionalField } from './optional-field.js';
import { booleanField, stringField, stringOrIntegerField } from './scalar-fields.js';
import { CompatibilityLevelEnum } from './vocabulary-enums.js';

/** The body of `POST /api/v1/compatibility/check`. */
export const CompatibilityCheckRequest = z
  .object({
    subject: stringField(),
    schema: z.unknown().optional().meta({ description: 'The candidate schema' }),
    schema_type: optionalField(stringField()),
    references: z.unknown().optional().meta({ description: 'Array of { name, subject, version }' }),
    level: optionalField(stringField()).meta({
      description: "Check at this level instead of the subject's",
    }),
    version: optionalField(stringOrIntegerField()).meta({
      description: 'Compare with this version only',
    }),
    normalize: optionalField(booleanField()),
  })
  .meta({ id: 'CompatibilityCheckRequest' });

/** The body of `POST /api/v1/compatibility/check` as a client sends it. */
export type CompatibilityCheckRequest = z.input<typeof CompatibilityCheckRequest>;

/** One reason a schema is not compatible with an earlier version. */
export const CompatibilityViolation = z
  .object({
    rule: z.string().meta({ example: 'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL' }),
    path: z.string(),
    old_path: z.string().optional(),
    message: z.string(),
    severity: z.enum(['error', 'warning']),
    direction: z.enum(['backward', 'forward']),
    compared_version: z.number().int().optional(),
    fix: z.string().optional(),
  })
  .meta({ id: 'CompatibilityViolation' });

/** The verdict of a compatibility check. */
export const CompatibilityReport = z
  .object({
    compatible: z.boolean(),
    level: CompatibilityLevelEnum,
    compared_versions: z.array(z.number().int()),
    violations: z.array(CompatibilityViolation),
  })
  .meta({ id: 'CompatibilityReport' });

/** The verdict of a compatibility check. */
export type CompatibilityReport = z.output<typeof CompatibilityReport>;
