import type { ParsedSchema, SchemaType } from '@llmsr/validation';
import { CompatibilityCheckError } from './compatibility-check-error.js';
import { type CompatibilityCheckers, defaultCheckers } from './default-checkers.js';
import type { SchemaDiff } from './types.js';

/**
 * The structural diff from `previous` to `next` (added, removed, changed; annotation-only
 * changes flagged), using the format's checker. Schemas of two types (allowed under NONE) differ
 * as a whole: one `breaking` change at the root.
 *
 * @throws {CompatibilityCheckError} `NO_CHECKER` when no checker handles the schema type.
 * @example
 * ```ts
 * const diff = diffSchemas('JSON', v1, v2);
 * const bump = semverBump({ diff, compatible: true });
 * ```
 */
export function diffSchemas(
  schemaType: SchemaType,
  previous: ParsedSchema,
  next: ParsedSchema,
  checkers: CompatibilityCheckers = defaultCheckers,
): SchemaDiff {
  if (previous.schemaType !== next.schemaType) {
    return {
      changes: [
        {
          kind: 'changed',
          path: '#',
          annotationOnly: false,
          breaking: true,
          message: `The schema type changed from ${previous.schemaType} to ${next.schemaType}`,
        },
      ],
    };
  }
  const checker = checkers[schemaType] ?? defaultCheckers[schemaType];
  if (!checker) {
    throw new CompatibilityCheckError(
      'NO_CHECKER',
      `No compatibility checker for schema type '${schemaType}'`,
    );
  }
  return checker.diff(previous, next);
}
