import { getSchemaOrThrow } from './get-schema.js';
import type { RegistryContext } from './registry-context.js';
import { RegistryError } from './registry-error.js';
import { toVersionView } from './to-version-view.js';
import type { SchemaVersionView } from './types.js';

/** Every subject version that uses a schema (by id or guid), oldest first. */
export async function listSchemaVersions(
  context: RegistryContext,
  idOrGuid: number | string,
  options: { includeDeleted?: boolean } = {},
): Promise<SchemaVersionView[]> {
  const view = await getSchemaOrThrow(context, idOrGuid);
  const record = await context.store.getSchemaById(view.id);
  if (!record) throw notFound(idOrGuid);
  const rows = await context.store.listVersionsBySchemaId(view.id, options);
  return rows.map((row) => toVersionView({ ...row, schemaRecord: record }));
}

function notFound(idOrGuid: number | string): RegistryError {
  const shown = String(idOrGuid).slice(0, 100);
  return new RegistryError('SCHEMA_NOT_FOUND', `Schema '${shown}' not found`, { id: shown });
}
