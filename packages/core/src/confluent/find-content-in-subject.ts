import type { SchemaType } from '@llmsr/storage';
import type { RegistryContext } from '../registry-context.js';
import { toVersionView } from '../to-version-view.js';
import type { SchemaVersionView } from '../types.js';

/**
 * The newest version of a subject whose schema has this identity (the fingerprint of its
 * canonical form), or undefined. Soft-deleted versions count only with `includeDeleted`.
 */
export async function findContentInSubject(
  context: RegistryContext,
  input: {
    subject: string;
    schemaType: SchemaType;
    fingerprint: string;
    includeDeleted?: boolean | undefined;
  },
): Promise<SchemaVersionView | undefined> {
  const record = await context.store.getSchemaByFingerprint(input.schemaType, input.fingerprint);
  if (!record) return undefined;
  const includeDeleted = input.includeDeleted === true;
  const uses = await context.store.listVersionsBySchemaId(record.id, { includeDeleted });
  const matching = uses.filter((use) => use.subject === input.subject);
  const newest = matching[matching.length - 1];
  return newest && toVersionView({ ...newest, schemaRecord: record });
}
