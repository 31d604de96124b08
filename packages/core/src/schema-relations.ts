import { findVersionOrThrow } from './find-version.js';
import { getSchemaOrThrow } from './read-operations.js';
import type { RegistryContext } from './registry-context.js';
import { RegistryError } from './registry-error.js';
import { toVersionView } from './to-version-view.js';
import type { SchemaDependency, SchemaDependent, SchemaVersionView } from './types.js';
import { parseVersionSpec } from './version-spec.js';

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

/**
 * The version of a subject that uses a schema, by version number or semver. With several
 * subjects sharing the content, `subject` picks one; otherwise the first by subject wins.
 * @throws RegistryError `VERSION_NOT_FOUND` when no version using the schema matches.
 */
export async function getSchemaVersion(
  context: RegistryContext,
  idOrGuid: number | string,
  version: string | number,
  options: { subject?: string | undefined; includeDeleted?: boolean } = {},
): Promise<SchemaVersionView> {
  const spec = parseVersionSpec(version);
  const versions = await listSchemaVersions(context, idOrGuid, options);
  const candidates = versions.filter(
    (v) => options.subject === undefined || v.subject === options.subject,
  );
  const found =
    spec.kind === 'latest'
      ? candidates.at(-1)
      : candidates.find((v) =>
          spec.kind === 'number' ? v.version === spec.version : v.semver === spec.semver,
        );
  if (!found) {
    const shown = String(version).slice(0, 100);
    throw new RegistryError(
      'VERSION_NOT_FOUND',
      `No version ${shown} uses schema '${String(idOrGuid).slice(0, 100)}'`,
      { id: String(idOrGuid).slice(0, 100), version: shown },
    );
  }
  return found;
}

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

function notFound(idOrGuid: number | string): RegistryError {
  const shown = String(idOrGuid).slice(0, 100);
  return new RegistryError('SCHEMA_NOT_FOUND', `Schema '${shown}' not found`, { id: shown });
}
