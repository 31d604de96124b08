import { findVersion, findVersionOrThrow } from './find-version.js';
import type { RegistryContext } from './registry-context.js';
import { toVersionView } from './to-version-view.js';
import type { SchemaVersionView } from './types.js';

/** A version of a subject by integer, semver or `latest`, as the registry shows it. */
export async function getVersion(
  context: RegistryContext,
  subject: string,
  version: string | number,
  options?: { includeDeleted?: boolean },
): Promise<SchemaVersionView | undefined> {
  const row = await findVersion(context, subject, version, options);
  return row && toVersionView(row);
}

/** {@link getVersion} that throws `SUBJECT_NOT_FOUND` / `VERSION_NOT_FOUND`. */
export async function getVersionOrThrow(
  context: RegistryContext,
  subject: string,
  version: string | number,
  options?: { includeDeleted?: boolean },
): Promise<SchemaVersionView> {
  return toVersionView(await findVersionOrThrow(context, subject, version, options));
}
