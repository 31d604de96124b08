import type { Registry } from '@llmsr/core';
import { ConfluentError } from './confluent-error.js';

/**
 * Refuse a delete while the subject is read-only (42205), as Confluent does; registration
 * checks the mode in the registry itself.
 */
export async function assertWritable(registry: Registry, subject: string): Promise<void> {
  const mode = await registry.config.resolveMode(subject);
  if (mode === 'READONLY' || mode === 'READONLY_OVERRIDE') {
    throw new ConfluentError(42205, `Subject '${subject}' is in read-only mode`);
  }
}

/** Refuse to delete a version other schemas still reference (42206). */
export async function assertNotReferenced(
  registry: Registry,
  subject: string,
  version: number,
): Promise<void> {
  const ids = await registry.subjects.referencedBy(subject, version);
  if (ids.length > 0) {
    throw new ConfluentError(
      42206,
      `One or more references exist to the schema {subject=${subject},version=${version}} (schema ids ${ids.join(', ')})`,
    );
  }
}
