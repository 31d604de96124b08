import { confluentDataContract, type SchemaReference, type SchemaVersionView } from '@llmsr/core';
import type { ConfluentSchema } from '@llmsr/spec/rest';
import type { z } from 'zod';

/** The fields every Confluent schema body shares (see `ConfluentSchema` in `@llmsr/spec/rest`). */
export type ConfluentSchemaFields = Pick<
  z.output<typeof ConfluentSchema>,
  'schemaType' | 'schema' | 'references' | 'metadata' | 'ruleSet'
>;

/** The fields every Confluent schema body shares: type, text, references, data contract. */
export function confluentSchemaFields(view: {
  schemaType: string;
  schema: string;
  references: SchemaReference[];
  metadata?: Record<string, unknown> | null;
}): ConfluentSchemaFields {
  return {
    schemaType: view.schemaType,
    schema: view.schema,
    ...(view.references.length > 0 ? { references: view.references } : {}),
    ...confluentDataContract(view.metadata),
  };
}

/** Confluent's `Schema` entity of a subject version (GET version, lookup). */
export function toConfluentSchema(view: SchemaVersionView): z.output<typeof ConfluentSchema> {
  return {
    subject: view.subject,
    version: view.version,
    id: view.id,
    guid: view.guid,
    ...confluentSchemaFields(view),
    ts: Date.parse(view.createdAt),
    ...(view.deletedAt === null ? {} : { deleted: true }),
  };
}
