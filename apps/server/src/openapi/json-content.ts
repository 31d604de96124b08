/** `{ 'application/json': { schema } }`: the content entry of a JSON request or response. */
export function jsonContent<T>(schema: T): { 'application/json': { schema: T } } {
  return { 'application/json': { schema } };
}
