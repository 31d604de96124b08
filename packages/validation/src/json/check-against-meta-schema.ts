import { SchemaParseError, type SchemaProblem } from '../schema-format.js';
import type { AjvPool } from './ajv-pool.js';
import type { JsonDraft } from './detect-json-draft.js';
import { findDuplicateEnum } from './find-duplicate-enum.js';
import { escapePointerSegment } from './json-pointer.js';

/** Most meta-schema problems reported for one schema. */
const MAX_PROBLEMS = 20;

/**
 * Validates a schema against its draft's meta-schema, throwing {@link SchemaParseError} with
 * the first problems and their JSON pointers.
 */
export function checkAgainstMetaSchema(pool: AjvPool, draft: JsonDraft, native: unknown): void {
  const meta = pool.metaValidator(draft);
  let valid: boolean;
  try {
    valid = meta(native) as boolean;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new SchemaParseError('schema is too deeply nested to check', [
      { path: '', message: error.message },
    ]);
  }
  let problems: SchemaProblem[] = [];
  if (!valid) {
    problems = (meta.errors ?? []).slice(0, MAX_PROBLEMS).map((error) => ({
      // A `propertyNames` problem (draft-07: a `patternProperties` key that is no regex) is
      // about one key: point at it, not at the object holding it.
      path:
        error.propertyName === undefined
          ? error.instancePath
          : `${error.instancePath}/${escapePointerSegment(error.propertyName)}`,
      message: `${error.message ?? error.keyword} (${error.keyword})`,
    }));
  } else if (draft === 'draft-04' || draft === 'draft-06' || draft === 'draft-07') {
    // The meta validator leaves enum uniqueness to this linear check (see ajv-pool).
    const duplicate = findDuplicateEnum(native);
    if (!duplicate) return;
    const { pointer, first, second } = duplicate;
    const message = `must NOT have duplicate items (items ## ${second} and ${first} are identical) (uniqueItems)`;
    problems = [{ path: pointer, message }];
  } else {
    return;
  }
  const first = problems[0];
  throw new SchemaParseError(
    `schema is not valid ${draft} JSON Schema: ${first?.message ?? 'invalid'} at "${first?.path ?? ''}"`,
    problems,
  );
}
