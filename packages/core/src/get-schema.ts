import { loadSchemaRecord } from './load-parsed-schema.js';
import type { RegistryContext } from './registry-context.js';
import { RegistryError } from './registry-error.js';
import { toVersionView } from './to-version-view.js';
import type { SchemaVersionView, SchemaView } from './types.js';

/** A schema by global integer id (number or digits) or guid, with the versions using it. */
export async function getSchema(
  context: RegistryContext,
  idOrGuid: number | string,
): Promise<SchemaView | undefined> {
  const numeric = typeof idOrGuid === 'number' || /^\d{1,15}$/.test(idOrGuid);
  if (numeric) {
    const cached = context.views.get(Number(idOrGuid));
    if (cached) return cached;
  }
  const record = numeric
    ? await loadSchemaRecord(context, Number(idOrGuid))
    : await context.store.getSchemaByGuid(idOrGuid);
  if (!record) return undefined;
  const versions = await context.store.listVersionsBySchemaId(record.id, { includeDeleted: true });
  const firstLive = versions.find((row) => row.deletedAt === null);
  let firstVersion: SchemaVersionView | undefined;
  if (firstLive) {
    firstVersion = toVersionView({ ...firstLive, schemaRecord: record });
  }
  const view: SchemaView = {
    id: record.id,
    guid: record.guid,
    schemaType: record.schemaType,
    schema: record.schema,
    fingerprint: record.fingerprint,
    references: record.references,
    createdAt: record.createdAt,
    firstVersion,
    versions: versions.map((row) => ({
      subject: row.subject,
      version: row.version,
      deleted: row.deletedAt !== null,
    })),
  };
  context.views.set(record.id, view);
  return view;
}

/** {@link getSchema} that throws `SCHEMA_NOT_FOUND`. */
export async function getSchemaOrThrow(
  context: RegistryContext,
  idOrGuid: number | string,
): Promise<SchemaView> {
  const view = await getSchema(context, idOrGuid);
  if (!view) {
    const shown = String(idOrGuid).slice(0, 100);
    throw new RegistryError('SCHEMA_NOT_FOUND', `Schema '${shown}' not found`, { id: shown });
  }
  return view;
}
