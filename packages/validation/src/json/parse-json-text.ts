import { SchemaParseError } from '../schema-format.js';
import { checkJsonShape } from './json-depth.js';
import { locateJsonSyntaxError } from './locate-json-syntax-error.js';

/** Deepest container nesting accepted in a schema text; ajv compiles schemas recursively. */
export const MAX_SCHEMA_DEPTH = 128;
/**
 * Most objects and arrays accepted in a schema text. Ajv's compile time grows with the
 * number of subschemas (about 0.1-0.3 ms each on a busy 2-core machine), so this bounds
 * registration to seconds rather than minutes.
 */
export const MAX_SCHEMA_CONTAINERS = 50_000;

/**
 * Parses a JSON text, throwing {@link SchemaParseError} with `line:column` for a syntax error
 * and with a JSON pointer when the value nests deeper than `maxDepth`.
 */
export function parseJsonText(
  text: string,
  options: { what?: string; maxDepth?: number; maxContainers?: number } = {},
): unknown {
  const what = options.what ?? 'schema';
  if (typeof text !== 'string') {
    throw new SchemaParseError(`${what} must be a string of JSON`, [
      { path: '', message: `expected a string, got ${text === null ? 'null' : typeof text}` },
    ]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const located = locateJsonSyntaxError(text);
    const message = located?.message ?? (error as Error).message;
    const line = located?.line ?? 1;
    const column = located?.column ?? 1;
    throw new SchemaParseError(`${what} is not valid JSON: ${message} at ${line}:${column}`, [
      { path: `${line}:${column}`, message, line, column },
    ]);
  }
  const maxDepth = options.maxDepth ?? MAX_SCHEMA_DEPTH;
  const maxContainers = options.maxContainers ?? MAX_SCHEMA_CONTAINERS;
  const problem = checkJsonShape(value, { maxDepth, maxContainers });
  if (problem?.kind === 'depth') {
    const shown =
      problem.pointer.length > 200 ? `${problem.pointer.slice(0, 200)}...` : problem.pointer;
    throw new SchemaParseError(`${what} nests deeper than ${maxDepth} levels at ${shown}`, [
      { path: problem.pointer, message: `nesting deeper than ${maxDepth} levels` },
    ]);
  }
  if (problem?.kind === 'size') {
    throw new SchemaParseError(`${what} has more than ${maxContainers} objects and arrays`, [
      { path: '', message: `more than ${maxContainers} objects and arrays` },
    ]);
  }
  return value;
}
