import { RegistryError } from '@llmsr/core';
import type { z } from 'zod';

/** `['items', 3, 'schema_id']` -> `items[3].schema_id`, the field naming the API always used. */
function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    out += typeof key === 'number' ? `[${key}]` : `${out === '' ? '' : '.'}${String(key)}`;
  }
  return out;
}

/**
 * The `INVALID_INPUT` error of a request the REST schemas refused: the first issue, as
 * `'field' <message>` with `details.field` naming it (`items[3].schema_id`). A body that is not
 * an object at all reads as before: "The request body must be a JSON object".
 */
export function invalidInput(error: z.ZodError): RegistryError {
  const issue = error.issues[0];
  if (!issue || issue.path.length === 0) {
    return new RegistryError('INVALID_INPUT', 'The request body must be a JSON object', {});
  }
  const field = fieldPath(issue.path);
  return new RegistryError('INVALID_INPUT', `'${field}' ${issue.message}`, { field });
}
