import type { MessageInitShape } from '@bufbuild/protobuf';
import type { RecordedChangeEvent } from '@llmsr/core';
import { ChangeType, type StreamSchemaChangesResponseSchema } from '@llmsr/proto';
import { toTimestamp } from './to-schema-message.js';

/** The `StreamSchemaChangesResponse` message of a recorded change event. */
export function toChangeMessage(
  event: RecordedChangeEvent,
): MessageInitShape<typeof StreamSchemaChangesResponseSchema> {
  const base = { id: BigInt(event.id), at: toTimestamp(event.at) };
  switch (event.type) {
    case 'schema.registered':
      return {
        ...base,
        type: ChangeType.SCHEMA_REGISTERED,
        subject: event.subject,
        version: event.version,
        schemaId: event.schemaId,
      };
    case 'schema.deleted':
      return {
        ...base,
        type: ChangeType.SCHEMA_DELETED,
        subject: event.subject,
        version: event.version,
        permanent: event.permanent,
      };
    case 'config.changed':
      return { ...base, type: ChangeType.CONFIG_CHANGED, subject: event.subject ?? '' };
  }
}
