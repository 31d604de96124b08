import { z } from 'zod';
import { SchemaReference } from './schema-reference.js';
import { Metadata, SchemaContent } from './schema-version-body.js';
import { SchemaTypeEnum } from './vocabulary-enums.js';

/** A schema by id: its content, its first live version and every subject version using it. */
export const SchemaBody = z
  .object({
    id: z.number().int(),
    guid: z.string(),
    subject: z.string().nullable().meta({ description: 'Subject of the first live version' }),
    version: z.number().int().nullable(),
    semver: z.string().nullable(),
    schema_type: SchemaTypeEnum,
    schema: SchemaContent,
    fingerprint: z.string(),
    references: z.array(SchemaReference),
    metadata: Metadata.nullable(),
    created_at: z.string().meta({ format: 'date-time' }),
    versions: z.array(
      z.object({ subject: z.string(), version: z.number().int(), deleted: z.boolean() }),
    ),
  })
  .meta({ id: 'Schema', description: 'A schema by global id or guid' });

/** A schema by id. */
export type SchemaBody = z.output<typeof SchemaBody>;
