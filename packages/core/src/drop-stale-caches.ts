import { dropValidators } from './get-validator.js';
import type { RecordedChangeEvent } from './recorded-change-events.js';
import type { RegistryContext } from './registry-context.js';

/** What cache invalidation needs of the registry context. */
export type SchemaCaches = Pick<
  RegistryContext,
  'store' | 'schemas' | 'parsed' | 'views' | 'validators'
>;

/**
 * Forget everything cached about a schema id: its record, parsed form, view and compiled
 * validators. After a permanent delete, reading or validating against the id must miss.
 */
export function forgetSchema(context: SchemaCaches, schemaId: number): void {
  context.schemas.delete(schemaId);
  context.parsed.delete(schemaId);
  context.views.delete(schemaId);
  dropValidators(context, schemaId);
}

/** Forget every cached schema (events were missed, so nothing cached can be trusted). */
export function forgetAll(context: SchemaCaches): void {
  context.schemas.clear();
  context.parsed.clear();
  context.views.clear();
  context.validators.clear();
}

/**
 * Drop what a stored change event (this process's or another's) makes stale:
 * a registration or soft delete changes the versions listed in the schema's view; a permanent
 * delete may remove the schema itself, so when the store no longer has it, every cache of the
 * id goes. Config is never cached (each operation reads it), so `config.changed` drops nothing.
 * Never throws: when the store cannot say whether the schema is gone, it is forgotten anyway.
 */
export async function dropStaleCaches(
  context: SchemaCaches,
  event: RecordedChangeEvent,
): Promise<void> {
  if (event.type === 'config.changed') return;
  const schemaId = (event as { schemaId?: unknown }).schemaId;
  if (typeof schemaId !== 'number') {
    // An event stored before schema ids were recorded in deletes: no id to target.
    if (event.type === 'schema.deleted') context.views.clear();
    return;
  }
  context.views.delete(schemaId);
  if (event.type !== 'schema.deleted' || !event.permanent) return;
  let gone = true;
  try {
    gone = (await context.store.getSchemaById(schemaId)) === undefined;
  } catch {
    // Unknown: forgetting costs a reload at worst, keeping could serve a deleted schema.
  }
  if (gone) forgetSchema(context, schemaId);
}
