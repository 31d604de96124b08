import type { SchemaReference } from '@llmsr/storage';
import type { ResolvedReference } from '@llmsr/validation';

/**
 * Pin `latest` (-1) references to the version they resolved to, so the stored schema never
 * changes meaning when the referenced subject evolves.
 */
export function pinReferences(
  references: SchemaReference[],
  resolved: ResolvedReference[],
): SchemaReference[] {
  return references.map((ref, index) => ({
    ...ref,
    version: resolved[index]?.version ?? ref.version,
  }));
}
