import { SchemaParseError, type SchemaProblem } from '../schema-format.js';
import { exceedsJsonDepth } from './avro-json-depth.js';

/** Deepest array/object nesting accepted in an Avro schema text (about 80 nested records). */
export const MAX_AVRO_SCHEMA_DEPTH = 256;

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return { line, column: position - before.lastIndexOf('\n') };
}

/**
 * Parses the JSON text of an Avro schema; syntax errors and hostile nesting become a
 * {@link SchemaParseError} (with line and column when the JSON parser gives a position).
 */
export function parseAvroJson(text: string, where = ''): unknown {
  if (typeof text !== 'string') {
    throw new SchemaParseError('Avro schema must be a string', [
      { path: where, message: 'not a string' },
    ]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = `invalid JSON: ${(error as Error).message}`;
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    const problem: SchemaProblem = { path: where, message };
    if (position !== undefined) Object.assign(problem, lineAndColumn(text, Number(position)));
    throw new SchemaParseError(`Invalid Avro schema: ${message}`, [problem]);
  }
  if (exceedsJsonDepth(json, MAX_AVRO_SCHEMA_DEPTH)) {
    const message = `schema nests deeper than ${MAX_AVRO_SCHEMA_DEPTH} levels`;
    throw new SchemaParseError(`Invalid Avro schema: ${message}`, [{ path: where, message }]);
  }
  return json;
}
