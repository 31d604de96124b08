import { deleteVersion } from './delete-version.js';
import type { RegistryContext } from './registry-context.js';
import { RegistryError } from './registry-error.js';

/** Delete every version of a subject (soft, or permanent for soft-deleted ones). */
export async function deleteSubject(
  context: RegistryContext,
  subject: string,
  options: { permanent?: boolean } = {},
): Promise<number[]> {
  const rows = await context.store.listVersions(subject, { includeDeleted: true });
  if (rows.length === 0) {
    throw new RegistryError('SUBJECT_NOT_FOUND', `Subject '${subject}' not found`, { subject });
  }
  const targets = options.permanent ? rows : rows.filter((row) => row.deletedAt === null);
  if (options.permanent && rows.some((row) => row.deletedAt === null)) {
    throw new RegistryError(
      'NOT_SOFT_DELETED',
      `Subject '${subject}' must be soft-deleted before it is permanently deleted`,
      { subject },
    );
  }
  if (!options.permanent && targets.length === 0) {
    throw new RegistryError('SUBJECT_NOT_FOUND', `Subject '${subject}' was already deleted`, {
      subject,
      softDeleted: true,
    });
  }
  for (const row of targets) {
    await deleteVersion(context, subject, row.version, options);
  }
  return targets.map((row) => row.version);
}
