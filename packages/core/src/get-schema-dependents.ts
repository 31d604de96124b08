import { getSchemaOrThrow } from './get-schema.js';
import type { RegistryContext } from './registry-context.js';
import type { SchemaDependent } from './types.js';

/**
 * The subject versions whose schema references any version using this schema, by subject then
 * version, each once.
 */
export async function getSchemaDependents(
  context: RegistryContext,
  idOrGuid: number | string,
  options: { includeDeleted?: boolean } = {},
): Promise<SchemaDependent[]> {
  const view = await getSchemaOrThrow(context, idOrGuid);
  const uses = await context.store.listVersionsBySchemaId(view.id, { includeDeleted: true });
  const seen = new Map<string, SchemaDependent>();
  for (const use of uses) {
    for (const dependent of await context.store.getDependents(use.subject, use.version, options)) {
      const key = `${dependent.subject}\u0000${dependent.version}`;
      if (seen.has(key)) continue;
      seen.set(key, {
        subject: dependent.subject,
        version: dependent.version,
        schemaId: dependent.schemaId,
        references: { subject: use.subject, version: use.version },
      });
    }
  }
  return [...seen.values()].sort((a, b) =>
    a.subject === b.subject ? a.version - b.version : a.subject < b.subject ? -1 : 1,
  );
}
