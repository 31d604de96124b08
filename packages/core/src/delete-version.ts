import { StorageError } from '@llmsr/storage';
import { type ChangeEvent, toNewEvent } from './change-events.js';
import { forgetSchema } from './drop-stale-caches.js';
import { findVersionOrThrow } from './find-version.js';
import type { RegistryContext } from './registry-context.js';
import { RegistryError } from './registry-error.js';
import { toVersionView } from './to-version-view.js';
import type { SchemaVersionView } from './types.js';

/**
 * Soft delete a live version, or permanently delete a soft-deleted one (Confluent's order:
 * a version must be soft-deleted before it can be permanently deleted).
 */
export async function deleteVersion(
  context: RegistryContext,
  subject: string,
  version: string | number,
  options: { permanent?: boolean } = {},
): Promise<SchemaVersionView> {
  const row = await findVersionOrThrow(context, subject, version, {
    includeDeleted: options.permanent === true,
  });
  const event: ChangeEvent = {
    type: 'schema.deleted',
    subject,
    version: row.version,
    schemaId: row.schemaId,
    permanent: options.permanent === true,
    at: new Date().toISOString(),
  };
  // The outbox: the store appends the event in the transaction of the delete.
  const mutation = { event: toNewEvent(event) };
  let changed: boolean;
  if (options.permanent) {
    if (row.deletedAt === null) {
      throw new RegistryError(
        'NOT_SOFT_DELETED',
        `Version ${row.version} of subject '${subject}' must be soft-deleted before it is permanently deleted`,
        { subject, version: row.version },
      );
    }
    try {
      changed = await context.store.hardDeleteVersion(subject, row.version, mutation);
    } catch (error) {
      if (error instanceof StorageError && error.code === 'REFERENCED') {
        throw new RegistryError(
          'REFERENCED',
          `Version ${row.version} of subject '${subject}' is referenced by other schemas`,
          { subject, version: row.version, ...error.details },
        );
      }
      throw error;
    }
    // Forget it here at once; other nodes (and this one again) drop theirs from the event.
    forgetSchema(context, row.schemaId);
  } else {
    changed = await context.store.softDeleteVersion(subject, row.version, mutation);
    context.views.delete(row.schemaId);
  }
  // A racing delete of the same version did it first: its event is the one stored.
  if (changed) context.events.emit(event);
  return toVersionView(row);
}
