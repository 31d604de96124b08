import type { RegistryContext } from './registry-context.js';

/** Global ids of the schemas whose references point at a subject version, ascending. */
export async function listReferencingSchemaIds(
  context: RegistryContext,
  subject: string,
  version: number,
  options: { includeDeleted?: boolean } = {},
): Promise<number[]> {
  const dependents = await context.store.getDependents(subject, version, options);
  return [...new Set(dependents.map((row) => row.schemaId))].sort((a, b) => a - b);
}
