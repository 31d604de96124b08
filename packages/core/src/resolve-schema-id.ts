import { findVersionOrThrow } from './find-version.js';
import type { RegistryContext } from './registry-context.js';
import { RegistryError } from './registry-error.js';
import type { SchemaSelector } from './types.js';

/** The schema id a selector designates (id, guid, or subject + version). */
export async function resolveSchemaId(
  context: RegistryContext,
  input: SchemaSelector,
): Promise<number> {
  if (input.schemaId !== undefined) {
    if (typeof input.schemaId === 'number') return input.schemaId;
    if (/^\d{1,15}$/.test(input.schemaId)) return Number(input.schemaId);
    const record = await context.store.getSchemaByGuid(input.schemaId);
    if (!record) {
      throw new RegistryError(
        'SCHEMA_NOT_FOUND',
        `Schema '${input.schemaId.slice(0, 100)}' not found`,
        { id: input.schemaId.slice(0, 100) },
      );
    }
    return record.id;
  }
  if (typeof input.subject !== 'string') {
    throw new RegistryError('INVALID_INPUT', 'Give schema_id, or subject (and version)', {
      field: 'schema_id',
    });
  }
  const row = await findVersionOrThrow(context, input.subject, input.version ?? 'latest');
  return row.schemaId;
}
