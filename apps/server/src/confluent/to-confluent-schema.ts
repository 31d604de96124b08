import type { SchemaVersionView } from '@llmsr/core';
import type { RegisterRequest } from './read-register-request.js';

/** Version metadata keys under which Confluent's `metadata` and `ruleSet` are stored. */
export const METADATA_KEY = 'confluent:metadata';
/** See {@link METADATA_KEY}. */
export const RULE_SET_KEY = 'confluent:ruleSet';

/** The version metadata to store for a register request (null when it carries neither field). */
export function toStoredMetadata(
  request: Pick<RegisterRequest, 'metadata' | 'ruleSet'>,
): Record<string, unknown> | null {
  if (!request.metadata && !request.ruleSet) return null;
  return {
    ...(request.metadata ? { [METADATA_KEY]: request.metadata } : {}),
    ...(request.ruleSet ? { [RULE_SET_KEY]: request.ruleSet } : {}),
  };
}

/** Confluent's `metadata` and `ruleSet` of a stored version, as they were given. */
export function confluentDataContract(
  stored: Record<string, unknown> | null | undefined,
): Record<string, unknown> {
  const metadata = stored?.[METADATA_KEY];
  const ruleSet = stored?.[RULE_SET_KEY];
  return {
    ...(metadata === undefined ? {} : { metadata }),
    ...(ruleSet === undefined ? {} : { ruleSet }),
  };
}

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
