import type { MessageInitShape } from '@bufbuild/protobuf';
import { type Timestamp, timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { SchemaVersionView, SchemaView } from '@llmsr/core';
import type { SchemaSchema } from '@llmsr/proto';
import { toProtoLevel } from './map-compatibility-level.js';
import { toProtoSchemaType } from './map-schema-type.js';

type SchemaInit = MessageInitShape<typeof SchemaSchema>;

/** The `Schema` message of a subject version. */
export function toSchemaMessage(view: SchemaVersionView): SchemaInit {
  return {
    id: view.id,
    guid: view.guid,
    subject: view.subject,
    version: view.version,
    semver: view.semver,
    schemaType: toProtoSchemaType(view.schemaType),
    schema: view.schema,
    fingerprint: view.fingerprint,
    references: view.references.map((r) => ({ ...r })),
    ...(view.metadata ? { metadata: toJsonObject(view.metadata) } : {}),
    createdAt: toTimestamp(view.createdAt),
    compatibilityLevel: toProtoLevel(view.compatibilityLevel),
    deletedAt: toTimestamp(view.deletedAt),
    createdBy: view.createdBy ?? '',
  };
}

/**
 * The `Schema` message of a schema fetched by id: its oldest live version when there is one,
 * else the content alone (no subject, version 0).
 */
export function toSchemaMessageById(view: SchemaView): SchemaInit {
  if (view.firstVersion) return toSchemaMessage(view.firstVersion);
  return {
    id: view.id,
    guid: view.guid,
    schemaType: toProtoSchemaType(view.schemaType),
    schema: view.schema,
    fingerprint: view.fingerprint,
    references: view.references.map((r) => ({ ...r })),
    createdAt: toTimestamp(view.createdAt),
  };
}

/** A Timestamp of an ISO date; `undefined` for null or an unparsable date. */
export function toTimestamp(iso: string | null): Timestamp | undefined {
  if (iso === null) return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : timestampFromDate(date);
}

function toJsonObject(metadata: Record<string, unknown>) {
  // Metadata is stored as JSON, so it round-trips; the cast only narrows unknown.
  return JSON.parse(JSON.stringify(metadata)) as NonNullable<SchemaInit['metadata']>;
}
