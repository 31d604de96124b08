import { RegistryClientError } from './registry-client-error.js';

/** What the SDK needs of a `@llmsr/spec/rest` schema: zod's `safeParse`. */
export interface ResponseSchema<T> {
  safeParse(value: unknown):
    | { success: true; data: T }
    | {
        success: false;
        error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] };
      };
}

/** A zod issue path as a dotted field name (`items.0.schema_type`; empty for the body itself). */
function fieldOf(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/**
 * A response body checked against the schema the server answers with (`@llmsr/spec/rest`, the
 * same schema the server's OpenAPI document is generated from). A body that does not match is an
 * `INVALID_RESPONSE` whose `details.field` is the path of the first mismatch and `details.issues`
 * lists every one.
 */
export function readResponse<T>(schema: ResponseSchema<T>, raw: unknown, what: string): T {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    field: fieldOf(issue.path),
    message: issue.message,
  }));
  const first = issues[0] ?? { field: '', message: 'does not match' };
  const where = first.field === '' ? '' : ` at '${first.field}'`;
  throw new RegistryClientError(
    'INVALID_RESPONSE',
    `The server's ${what} does not match the API schema${where}: ${first.message}`,
    undefined,
    { field: first.field, issues },
  );
}
