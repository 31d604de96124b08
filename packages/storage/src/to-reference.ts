import type { SchemaReference } from './types.js';

/** Copies only the reference fields the port defines, so stray input properties are not stored. */
export function toReference(ref: SchemaReference): SchemaReference {
  return { name: ref.name, subject: ref.subject, version: ref.version };
}
