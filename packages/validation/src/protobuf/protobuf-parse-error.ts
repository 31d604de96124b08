import { SchemaParseError, type SchemaProblem } from '../schema-format.js';
import { locateToken, positionAt, type SourcePosition } from './protobuf-source-location.js';

/** A problem at a position, its path written `line:column` (prefixed by the file for imports). */
export function problemAt(
  message: string,
  position: SourcePosition | undefined,
  file?: string,
): SchemaProblem {
  const prefix = file === undefined ? '' : `${file}:`;
  if (position === undefined) return { path: file ?? '', message };
  return { path: `${prefix}${position.line}:${position.column}`, message, ...position };
}

/**
 * Turns a protobufjs error (`illegal token 'x' (file, line 3)`, `duplicate name 'x' in Type A`,
 * `no such type: ...`) into a problem with line and column, found by locating the quoted token.
 */
export function problemFromProtobufError(
  error: unknown,
  source: string,
  file?: string,
  parsing = false,
): SchemaProblem {
  if (error instanceof RangeError) return problemAt('schema nests too deeply', undefined, file);
  if (parsing && error instanceof TypeError) {
    // protobufjs's parser dereferences the missing token when the text ends mid-statement.
    return problemAt('unexpected end of input', positionAt(source, source.length), file);
  }
  const raw = error instanceof Error ? error.message : String(error);
  const lineMatch = /\s*\((?:[^()]*, )?line (\d+)\)$/.exec(raw);
  const message = lineMatch === null ? raw : raw.slice(0, lineMatch.index);
  const line = lineMatch === null ? undefined : Number(lineMatch[1]);
  const token = /'([^']+)'/.exec(message)?.[1];
  // A duplicate is reported where it is declared the second time.
  const occurrence = message.startsWith('duplicate name') ? 2 : 1;
  let position = token === undefined ? undefined : locateToken(source, token, line, occurrence);
  if (line !== undefined && position?.line !== line) position = { line, column: 1 };
  return problemAt(message, position, file);
}

/** Throws a {@link SchemaParseError} for the given problems, summarised by the first. */
export function failProtobuf(problems: SchemaProblem[]): never {
  const first = problems[0]!;
  const where = first.path === '' ? '' : ` at ${first.path}`;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  throw new SchemaParseError(`Invalid Protobuf schema${where}: ${first.message}${more}`, problems);
}
