import { listSchemaVersions } from './list-schema-versions.js';
import type { RegistryContext } from './registry-context.js';
import { RegistryError } from './registry-error.js';
import type { SchemaVersionView } from './types.js';
import { parseVersionSpec } from './version-spec.js';

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
