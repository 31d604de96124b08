import type { SubjectVersionWithSchema } from '@llmsr/storage';
import type { RegistryContext } from './registry-context.js';
import { RegistryError } from './registry-error.js';
import { parseVersionSpec } from './version-spec.js';

/**
 * Find a subject version by integer, semver or `latest`.
 * @throws RegistryError `INVALID_VERSION` for a malformed selector.
 */
export async function findVersion(
  context: RegistryContext,
  subject: string,
  version: string | number,
  options: { includeDeleted?: boolean } = {},
): Promise<SubjectVersionWithSchema | undefined> {
  const spec = parseVersionSpec(version);
  if (spec.kind === 'latest') return context.store.getLatestVersion(subject);
  if (spec.kind === 'number') return context.store.getVersion(subject, spec.version, options);
  const versions = await context.store.listVersions(subject, options);
  return versions.find((row) => row.semver === spec.semver);
}

/**
 * {@link findVersion} that throws `SUBJECT_NOT_FOUND` or `VERSION_NOT_FOUND`.
 */
export async function findVersionOrThrow(
  context: RegistryContext,
  subject: string,
  version: string | number,
  options: { includeDeleted?: boolean } = {},
): Promise<SubjectVersionWithSchema> {
  const row = await findVersion(context, subject, version, options);
  if (row) return row;
  const any = await context.store.listVersions(subject, { includeDeleted: true });
  if (any.length === 0) {
    throw new RegistryError('SUBJECT_NOT_FOUND', `Subject '${subject}' not found`, { subject });
  }
  throw new RegistryError(
    'VERSION_NOT_FOUND',
    `Version ${String(version)} of subject '${subject}' not found`,
    { subject, version: String(version) },
  );
}
