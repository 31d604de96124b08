import { SchemaParseError } from '../schema-format.js';
import { findTooDeep } from './json-depth.js';
import { locateJsonSyntaxError } from './locate-json-syntax-error.js';

/** Deepest container nesting accepted in a schema text; ajv compiles schemas recursively. */
export const MAX_SCHEMA_DEPTH = 128;

/**
 * Parses a JSON text, throwing {@link SchemaParseError} with `line:column` for a syntax error
 * and with a JSON pointer when the value nests deeper than `maxDepth`.
 */
export function parseJsonText(
  text: string,
  options: { what?: string; maxDepth?: number } = {},
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
  const tooDeep = findTooDeep(value, maxDepth);
  if (tooDeep !== undefined) {
    const shown = tooDeep.length > 200 ? `${tooDeep.slice(0, 200)}...` : tooDeep;
    throw new SchemaParseError(`${what} nests deeper than ${maxDepth} levels at ${shown}`, [
      { path: tooDeep, message: `nesting deeper than ${maxDepth} levels` },
    ]);
  }
  return value;
}
