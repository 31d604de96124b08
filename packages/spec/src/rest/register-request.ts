import { z } from 'zod';
import { optionalField } from './optional-field.js';
import { booleanField, positiveIntegerField, stringField } from './scalar-fields.js';

/**
 * The body of `POST /api/v1/schemas`. `schema`, `metadata` and `references` are checked by the
 * registry (their errors are `INVALID_SCHEMA` and friends, not `INVALID_INPUT`).
 */
export const RegisterRequest = z
  .object({
    subject: stringField().meta({ example: 'orders-value' }),
    schema: z
      .unknown()
      .optional()
      .meta({
        description: 'JSON Schema or Avro as JSON (or text); Protobuf as text',
        example: { type: 'object', properties: { id: { type: 'string' } } },
      }),
    schema_type: optionalField(stringField()).meta({
      description: 'JSON (default), AVRO or PROTOBUF',
    }),
    compatibility_level: optionalField(stringField()).meta({
      description: 'Level of a new subject; for an existing one it must equal the level in force',
    }),
    metadata: z
      .unknown()
      .optional()
      .meta({ description: 'Free-form metadata object (properties, tags...)' }),
    references: z.unknown().optional().meta({ description: 'Array of { name, subject, version }' }),
    version: optionalField(stringField()).meta({ description: 'Semantic version of this version' }),
    created_by: optionalField(stringField()).meta({
      description:
        'Author restored by an import (a registration choosing `id` or `version_number`, admin only); otherwise ignored: a version records the authenticated principal as its author',
    }),
    id: optionalField(positiveIntegerField()).meta({ description: 'Requested global id (import)' }),
    version_number: optionalField(positiveIntegerField()).meta({
      description: 'Requested version number (import)',
    }),
    normalize: optionalField(booleanField()).meta({
      description: 'Normalize the schema before looking it up',
    }),
    lint_for: optionalField(z.array(stringField()).max(8, { error: 'at most 8 providers' })).meta({
      description:
        'Lint the schema (JSON Schema only) for these LLM providers: openai, azure-openai, anthropic, gemini',
      example: ['openai'],
    }),
    lint_mode: optionalField(
      z.enum(['warn', 'enforce'], { error: 'must be warn or enforce' }),
    ).meta({
      description:
        'warn (default): lint issues come back as warnings; enforce: a lint error refuses the schema (422 PROVIDER_LINT_FAILED)',
    }),
  })
  .meta({ id: 'RegisterRequest', description: 'A schema to register under a subject' });

/** The body of `POST /api/v1/schemas` as a client sends it. */
export type RegisterRequest = z.input<typeof RegisterRequest>;
