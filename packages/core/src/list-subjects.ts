import type { RegistryContext } from './registry-context.js';

/** Subject names, by name; soft-deleted subjects only with `includeDeleted`; `prefix` filters. */
export async function listSubjects(
  context: RegistryContext,
  options: { includeDeleted?: boolean; prefix?: string } = {},
): Promise<string[]> {
  const subjects = await context.store.listSubjects(options);
  const { prefix } = options;
  return prefix ? subjects.filter((subject) => subject.startsWith(prefix)) : subjects;
}
