/**
 * The message of a field that has the wrong type: "is required" when it is missing, else
 * "must be <what>". The server prefixes the field path (`'subject' is required`), so REST errors
 * read the same whether the schema or the registry refused the value.
 *
 * @example
 * ```ts
 * z.string({ error: fieldError('a string') });
 * ```
 */
export function fieldError(what: string): (issue: { input?: unknown }) => string {
  return (issue) => (issue.input === undefined ? 'is required' : `must be ${what}`);
}
