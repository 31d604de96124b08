import type { RegistryContext } from './registry-context.js';
import { RegistryError } from './registry-error.js';
import { toVersionView } from './to-version-view.js';
import type { SchemaVersionView } from './types.js';

/** Versions of a subject, oldest first. */
export async function listVersions(
  context: RegistryContext,
  subject: string,
  options: { includeDeleted?: boolean } = {},
): Promise<SchemaVersionView[]> {
  const rows = await context.store.listVersions(subject, options);
  if (rows.length === 0) {
    throw new RegistryError('SUBJECT_NOT_FOUND', `Subject '${subject}' not found`, { subject });
  }
  return rows.map(toVersionView);
}
