import { findVersionOrThrow } from './find-version.js';
import { getSchemaOrThrow } from './get-schema.js';
import type { RegistryContext } from './registry-context.js';
import type { SchemaDependency } from './types.js';

/** The subject versions a schema references, with the schema id each resolves to. */
export async function getSchemaDependencies(
  context: RegistryContext,
  idOrGuid: number | string,
): Promise<SchemaDependency[]> {
  const view = await getSchemaOrThrow(context, idOrGuid);
  const references = await context.store.getDependencies(view.id);
  const dependencies: SchemaDependency[] = [];
  for (const reference of references) {
    const target = await findVersionOrThrow(context, reference.subject, reference.version, {
      includeDeleted: true,
    }).catch(() => undefined);
    dependencies.push({
      name: reference.name,
      subject: reference.subject,
      version: reference.version,
      schemaId: target?.schemaId ?? null,
    });
  }
  return dependencies;
}
