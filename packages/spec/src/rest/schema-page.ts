import { z } from 'zod';
import { SchemaVersionBody } from './schema-version-body.js';

/** A page of subject versions (`GET /api/v1/schemas`). */
export const SchemaPage = z
  .object({
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    items: z.array(SchemaVersionBody),
  })
  .meta({ id: 'SchemaPage' });

/** A page of subject versions. */
export type SchemaPage = z.output<typeof SchemaPage>;

/** A search hit: a version and its relevance. */
export const SearchHit = SchemaVersionBody.extend({ score: z.number() }).meta({ id: 'SearchHit' });

/** A page of search hits (`GET /api/v1/search`). */
export const SearchPage = z
  .object({
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    items: z.array(SearchHit),
  })
  .meta({ id: 'SearchPage' });

/** A page of search hits. */
export type SearchPage = z.output<typeof SearchPage>;

/** A schema this schema references, resolved to its id. */
export const SchemaDependency = z
  .object({
    name: z.string(),
    subject: z.string(),
    version: z.number().int(),
    schema_id: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'null when the referenced version was deleted permanently' }),
  })
  .meta({ id: 'SchemaDependency' });

/** A subject version whose schema references this schema. */
export const SchemaDependent = z
  .object({
    subject: z.string(),
    version: z.number().int(),
    schema_id: z.number().int(),
    references: z
      .object({ subject: z.string(), version: z.number().int() })
      .meta({ description: 'Which version of the schema asked about it references' }),
  })
  .meta({ id: 'SchemaDependent' });
