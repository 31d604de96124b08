import { isRegistryError, type Registry, type SchemaVersionView } from '@llmsr/core';

/** A subject's versions, or none for an unknown subject (other failures still throw). */
export async function listVersionsOrNone(
  registry: Registry,
  subject: string,
  options: { includeDeleted?: boolean } = {},
): Promise<SchemaVersionView[]> {
  try {
    return await registry.subjects.versions(subject, options);
  } catch (error) {
    if (isRegistryError(error) && error.code === 'SUBJECT_NOT_FOUND') return [];
    throw error;
  }
}
