import type { RecordedChangeEvent } from '@llmsr/core';

/** The snake_case JSON of a change event, as both stream transports send it. */
export function toChangeBody(event: RecordedChangeEvent): Record<string, unknown> {
  switch (event.type) {
    case 'schema.registered':
      return {
        id: event.id,
        type: event.type,
        subject: event.subject,
        version: event.version,
        schema_id: event.schemaId,
        at: event.at,
      };
    case 'schema.deleted':
      return {
        id: event.id,
        type: event.type,
        subject: event.subject,
        version: event.version,
        permanent: event.permanent,
        at: event.at,
      };
    case 'config.changed':
      return { id: event.id, type: event.type, subject: event.subject, at: event.at };
  }
}
