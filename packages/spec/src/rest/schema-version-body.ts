import { z } from 'zod';
import { ProviderLintIssue } from './llm-provider-bodies.js';
import { SchemaReference } from './schema-reference.js';
import { CompatibilityLevelEnum, SchemaTypeEnum } from './vocabulary-enums.js';

/** The schema itself as the API shows it: a JSON value (JSON Schema, Avro) or text (Protobuf). */
export const SchemaContent = z
  .union([z.record(z.string(), z.unknown()), z.array(z.unknown()), z.string(), z.boolean()])
  .meta({
    description: 'The schema: a JSON value for JSON Schema and Avro, text for Protobuf',
    example: { type: 'object', properties: { name: { type: 'string' } } },
  });

/** Free-form metadata of a version (`properties`, `tags`, `description`...). */
export const Metadata = z
  .record(z.string(), z.unknown())
  .meta({ id: 'Metadata', example: { properties: { owner: 'team-a' }, tags: ['pii'] } });

/** One version of a subject, snake_case. */
export const SchemaVersionBody = z
  .object({
    id: z.number().int().meta({ description: 'Global integer id of the content' }),
    guid: z.string().meta({ description: 'Global unique id of the content' }),
    subject: z.string(),
    version: z.number().int().meta({ description: 'Version number within the subject' }),
    semver: z.string().meta({ example: '1.0.0' }),
    schema_type: SchemaTypeEnum,
    schema: SchemaContent,
    fingerprint: z.string(),
    references: z.array(SchemaReference),
    metadata: Metadata.nullable(),
    compatibility_level: CompatibilityLevelEnum,
    created_at: z.string().meta({ format: 'date-time' }),
    created_by: z.string().nullable(),
    deleted_at: z.string().meta({ format: 'date-time' }).nullable(),
  })
  .meta({ id: 'SchemaVersion', description: 'One version of a subject' });

/** One version of a subject. */
export type SchemaVersionBody = z.output<typeof SchemaVersionBody>;

/** The answer to a registration: the version, and whether it was new. */
export const RegisterResponse = SchemaVersionBody.extend({
  created: z.boolean().meta({ description: 'true when this call created the version' }),
  warnings: z
    .array(ProviderLintIssue.extend({ provider: z.string() }))
    .optional()
    .meta({ description: 'Issues of the provider lint asked for with lint_for' }),
}).meta({ id: 'RegisterResponse', description: 'The registered (or already registered) version' });

/** The answer to a registration. */
export type RegisterResponse = z.output<typeof RegisterResponse>;
