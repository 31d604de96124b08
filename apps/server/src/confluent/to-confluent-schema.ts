import { confluentDataContract, type SchemaVersionView } from '@llmsr/core';

/** The fields every Confluent schema body shares: type, text, references, data contract. */
export function confluentSchemaFields(view: {
  schemaType: string;
  schema: string;
  references: unknown[];
  metadata?: Record<string, unknown> | null;
}): Record<string, unknown> {
  return {
    schemaType: view.schemaType,
    schema: view.schema,
    ...(view.references.length > 0 ? { references: view.references } : {}),
    ...confluentDataContract(view.metadata),
  };
}

/** Confluent's `Schema` entity of a subject version (GET version, lookup). */
export function toConfluentSchema(view: SchemaVersionView): Record<string, unknown> {
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
