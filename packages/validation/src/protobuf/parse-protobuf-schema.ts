import { createHash } from 'node:crypto';
import protobuf from 'protobufjs';
import type { ParsedSchema, ResolvedReference, SchemaProblem } from '../schema-format.js';
import { checkProtobufDefinitions } from './check-protobuf-definitions.js';
import { printProtobufSchema } from './print-protobuf-schema.js';
import { confluentFileSource } from './protobuf-confluent-files.js';
import { type ProtobufFileInfo, setProtobufFileInfo } from './protobuf-file-info.js';
import { ensureProtobufLongSupport } from './protobuf-long-support.js';
import { failProtobuf, problemAt, problemFromProtobufError } from './protobuf-parse-error.js';
import { locateToken, nestingExceeds } from './protobuf-source-location.js';
import { wellKnownFile } from './protobuf-well-known-files.js';
import { rewriteProtobufOptionLists } from './rewrite-protobuf-option-lists.js';

/** Deepest `{`/`[`/`(` nesting accepted in a `.proto` text. */
export const MAX_PROTOBUF_NESTING = 64;
/**
 * The `filename` protobufjs stamps on the objects of the schema's own file, distinct from any
 * import path (imported files' objects carry their import path).
 */
export const PROTOBUF_MAIN_FILE = '\u0000schema.proto';
const SYNTAXES = new Set(['proto2', 'proto3', '2023', '2024']);
// protobufjs stamps `filename` on every object it parses from this (undeclared) static.
const parser = protobuf.parse as typeof protobuf.parse & { filename: string | null };

function parseInto(root: protobuf.Root, source: string, file?: string): protobuf.IParserResult {
  if (typeof source !== 'string')
    failProtobuf([problemAt('schema must be a string', undefined, file)]);
  if (nestingExceeds(source, MAX_PROTOBUF_NESTING)) {
    failProtobuf([
      problemAt(`schema nests deeper than ${MAX_PROTOBUF_NESTING} levels`, undefined, file),
    ]);
  }
  const prototypeName = locateToken(source, '__proto__');
  if (prototypeName !== undefined) {
    // protobufjs keeps definitions in plain objects, where `__proto__` silently vanishes.
    failProtobuf([problemAt('the name "__proto__" is not supported', prototypeName, file)]);
  }
  parser.filename = file ?? PROTOBUF_MAIN_FILE;
  try {
    // protobufjs line numbers stay valid: the rewrite keeps every line break in place.
    return protobuf.parse(rewriteProtobufOptionLists(source), root, { keepCase: true });
  } catch (error) {
    return failProtobuf([problemFromProtobufError(error, source, file, true)]);
  } finally {
    parser.filename = null;
  }
}

function readSyntax(source: string): {
  syntax: string;
  isEdition: boolean;
  problem?: SchemaProblem;
} {
  const tokens = protobuf.tokenize(source, false);
  const keyword = tokens.peek();
  if (keyword !== 'syntax' && keyword !== 'edition') return { syntax: 'proto2', isEdition: false };
  tokens.next();
  tokens.next(); // '='
  tokens.next(); // opening quote
  const syntax = tokens.next() ?? '';
  const isEdition = keyword === 'edition';
  if (SYNTAXES.has(syntax) && isEdition === /^\d+$/.test(syntax)) return { syntax, isEdition };
  const position = locateToken(source, keyword);
  return { syntax, isEdition, problem: problemAt(`unsupported ${keyword} "${syntax}"`, position) };
}

function referencesByName(
  references: readonly ResolvedReference[],
): Map<string, ResolvedReference> {
  const byName = new Map<string, ResolvedReference>();
  const visit = (list: readonly ResolvedReference[], depth: number) => {
    if (depth > 64) return;
    for (const reference of list) {
      if (byName.has(reference.name)) continue;
      byName.set(reference.name, reference);
      visit(reference.references ?? [], depth + 1);
    }
  };
  visit(references, 0);
  return byName;
}

function loadImports(
  root: protobuf.Root,
  importer: { source: string; file?: string; imports: string[] },
  byName: Map<string, ResolvedReference>,
  loaded: Set<string>,
): void {
  for (const path of importer.imports) {
    if (loaded.has(path)) continue;
    loaded.add(path);
    const reference = byName.get(path);
    // A reference named like a built-in file wins over it, as for the google ones.
    const text =
      reference === undefined
        ? confluentFileSource(path)
        : reference.schemaType === 'PROTOBUF'
          ? reference.schema
          : undefined;
    if (text !== undefined) {
      const result = parseInto(root, text, path);
      const imports = [...(result.imports ?? []), ...(result.weakImports ?? [])];
      loadImports(root, { source: text, file: path, imports }, byName, loaded);
      continue;
    }
    const wellKnown = reference === undefined ? wellKnownFile(path) : undefined;
    if (wellKnown?.nested !== undefined) {
      try {
        root.addJSON(wellKnown.nested);
      } catch (error) {
        failProtobuf([
          problemAt(`cannot load "${path}": ${(error as Error).message}`, undefined, importer.file),
        ]);
      }
      continue;
    }
    const why =
      reference === undefined
        ? 'is not among the references'
        : `is a ${reference.schemaType} schema`;
    const position =
      locateToken(importer.source, `"${path}"`) ?? locateToken(importer.source, `'${path}'`);
    failProtobuf([problemAt(`import "${path}" ${why}`, position, importer.file)]);
  }
}

function isPublicImport(source: string, path: string): boolean {
  const quoted = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\bimport\\s+public\\s+["']${quoted}["']`).test(source);
}

function declaredOptions(object: protobuf.ReflectionObject): Array<Record<string, unknown>> {
  const parsed = (object as { parsedOptions?: Array<Record<string, unknown>> | null })
    .parsedOptions;
  return Array.isArray(parsed) ? parsed.map((option) => structuredClone(option)) : [];
}

function fileInfo(
  root: protobuf.Root,
  result: protobuf.IParserResult,
  source: string,
): ProtobufFileInfo {
  const scope =
    result.package === undefined ? root : (root.lookup(result.package) as protobuf.Namespace);
  const { syntax, isEdition, problem } = readSyntax(source);
  if (problem !== undefined) failProtobuf([problem]);
  return {
    syntax,
    isEdition,
    package: result.package,
    imports: [...(result.imports ?? [])],
    publicImports: (result.imports ?? []).filter((path) => isPublicImport(source, path)),
    weakImports: [...(result.weakImports ?? [])],
    options: { ...(root.options ?? {}), ...(scope.options ?? {}) },
    // Options written before the `package` statement land on the root, the others on the package.
    parsedOptions: [...(scope === root ? [] : declaredOptions(root)), ...declaredOptions(scope)],
    topLevel: scope.nestedArray.filter((object) => object.filename === PROTOBUF_MAIN_FILE),
    source,
  };
}

/**
 * Parses a `.proto` text with its imports resolved from `references` (by import path,
 * transitively), protobufjs's bundled google/protobuf files or the built-in Confluent ones
 * (`confluent/meta.proto`, `confluent/type/decimal.proto`), resolves every type, checks
 * field numbers and enums, and returns the normalized printing and its SHA-256 fingerprint.
 * Throws {@link SchemaParseError} with `line:column` paths.
 */
export function parseProtobufSchema(
  source: string,
  references: readonly ResolvedReference[] = [],
): ParsedSchema {
  ensureProtobufLongSupport();
  const root = new protobuf.Root();
  const result = parseInto(root, source);
  const info = fileInfo(root, result, source);
  const imports = [...info.imports, ...info.weakImports];
  loadImports(root, { source, imports }, referencesByName(references), new Set());
  try {
    root.resolveAll();
  } catch (error) {
    failProtobuf([problemFromProtobufError(error, source)]);
  }
  const problems = checkProtobufDefinitions(info);
  if (problems.length > 0) failProtobuf(problems);
  setProtobufFileInfo(root, info);
  const canonical = printProtobufSchema(info);
  return {
    schemaType: 'PROTOBUF',
    canonical,
    fingerprint: createHash('sha256').update(canonical).digest('hex'),
    native: root,
    references: [...references],
  };
}
