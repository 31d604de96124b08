import type { ParsedSchema, ResolvedReference } from '@llmsr/validation';
import { draftOf, type JsonDraftName } from './json-draft.js';
import { ASSERTION_KEYWORDS, isJsonObject } from './json-keywords.js';
import { unescapePointerToken } from './json-pointer.js';
import { indexSchemaDocument, resolveUrl, type SchemaDocument } from './schema-document.js';

/** The outcome of following `$ref`s from a schema node. @internal */
export type Dereferenced = { ok: true; node: unknown } | { ok: false; ref: string };

/** Follows `$ref` (local pointers, anchors, embedded ids and Confluent references). @internal */
export interface SchemaResolver {
  readonly root: unknown;
  /** The draft the schema is read under (`undefined`: every draft's spelling is accepted). */
  readonly draft: JsonDraftName | undefined;
  /**
   * The draft a node is read under: its document's (a referenced document may name another
   * draft in its `$schema`), else the schema's.
   */
  draftAt(node: unknown): JsonDraftName | undefined;
  deref(node: unknown): Dereferenced;
}

const MAX_REF_HOPS = 64;
const MAX_REFERENCE_DEPTH = 32;
const REF_KEYWORDS = ['$ref', '$dynamicRef', '$recursiveRef'] as const;

/** Options of {@link createSchemaResolver}. @internal */
export interface SchemaResolverOptions {
  /** Schemas a `$ref` may name by id without being a reference (see `JsonSchemaCompatibilityOptions`). */
  knownSchemas?: Readonly<Record<string, unknown>> | undefined;
}

/** A resolver over a parsed JSON schema and its resolved references. @internal */
export function createSchemaResolver(
  parsed: ParsedSchema,
  options: SchemaResolverOptions = {},
): SchemaResolver {
  const owner = new WeakMap<object, SchemaDocument>();
  const draft = draftOf(parsed);
  // Indexed on the first `$ref`: schemas without references never pay for the walk.
  let indexedRoot: SchemaDocument | undefined;
  const root = (): SchemaDocument => {
    indexedRoot ??= indexSchemaDocument(parsed.native, owner, draft);
    return indexedRoot;
  };
  const withSiblings = new WeakMap<object, unknown>();
  let external: Map<string, SchemaDocument> | undefined;

  const externalDocuments = (): Map<string, SchemaDocument> => {
    if (external) return external;
    external = new Map();
    for (const reference of flattenReferences(parsed.references)) {
      let root: unknown;
      try {
        root = JSON.parse(reference.schema);
      } catch {
        continue; // An unparsable reference simply does not resolve.
      }
      const document = indexSchemaDocument(root, owner, draft);
      if (!external.has(reference.name)) external.set(reference.name, document);
      for (const [id, node] of document.ids)
        if (node === root && !external.has(id)) external.set(id, document);
    }
    // After the references, which win a name they share with a known schema (as in validation).
    for (const [id, root] of Object.entries(options.knownSchemas ?? {})) {
      if (!external.has(id)) external.set(id, indexSchemaDocument(root, owner, draft));
    }
    return external;
  };

  const findBase = (base: string, from: SchemaDocument): unknown => {
    const rootDocument = root();
    const candidates = [base, resolveUrl(base, from.baseId), resolveUrl(base, rootDocument.baseId)];
    const documents = [from, rootDocument, ...externalDocuments().values()];
    for (const candidate of candidates) {
      if (candidate === undefined) continue;
      const document = externalDocuments().get(candidate);
      if (document) return document.root;
      for (const each of documents) {
        const embedded = each.ids.get(candidate);
        if (embedded !== undefined) return embedded;
      }
      if (from.baseId === candidate) return from.root;
      if (rootDocument.baseId === candidate) return rootDocument.root;
    }
    return undefined;
  };

  const resolveRef = (ref: string, from: SchemaDocument): unknown => {
    const hash = ref.indexOf('#');
    const base = hash < 0 ? ref : ref.slice(0, hash);
    const fragment = hash < 0 ? '' : ref.slice(hash + 1);
    const start = base === '' ? from.root : findBase(base, from);
    if (start === undefined || fragment === '') return start;
    if (fragment.startsWith('/')) return walkPointer(start, fragment);
    const document = (typeof start === 'object' && start !== null && owner.get(start)) || from;
    return document.anchors.get(unescapePointerToken(fragment));
  };

  return {
    root: parsed.native,
    draft,
    draftAt(node: unknown): JsonDraftName | undefined {
      if (typeof node !== 'object' || node === null) return draft;
      return owner.get(node)?.draft ?? draft;
    },
    deref(node: unknown): Dereferenced {
      let current = node;
      const seen = new Set<unknown>();
      for (let hop = 0; hop < MAX_REF_HOPS; hop++) {
        const ref = refOf(current);
        if (ref === undefined) return { ok: true, node: current };
        // A chain of pure `$ref`s that loops constrains nothing.
        if (seen.has(current)) return { ok: true, node: true };
        seen.add(current);
        const rootDocument = root();
        const from = owner.get(current as object) ?? rootDocument;
        const target = resolveRef(ref, from);
        if (target === undefined) return { ok: false, ref };
        if (hasSiblingAssertions(current as Record<string, unknown>)) {
          return {
            ok: true,
            node: combineWithSiblings(current as Record<string, unknown>, target, withSiblings),
          };
        }
        current = target;
      }
      return { ok: true, node: true };
    },
  };
}

function refOf(node: unknown): string | undefined {
  if (!isJsonObject(node)) return undefined;
  for (const keyword of REF_KEYWORDS) {
    const value = node[keyword];
    if (typeof value === 'string') return value;
  }
  return undefined;
}

function hasSiblingAssertions(node: Record<string, unknown>): boolean {
  for (const key in node) {
    if (ASSERTION_KEYWORDS.has(key) && !(REF_KEYWORDS as readonly string[]).includes(key))
      return true;
  }
  return false;
}

/** `{ $ref, ...more }` means "the target and the rest"; cached so the pair memo sees one identity. */
function combineWithSiblings(
  node: Record<string, unknown>,
  target: unknown,
  cache: WeakMap<object, unknown>,
): unknown {
  const cached = cache.get(node);
  if (cached !== undefined) return cached;
  const rest: Record<string, unknown> = {};
  for (const key in node)
    if (!(REF_KEYWORDS as readonly string[]).includes(key)) rest[key] = node[key];
  const combined = { allOf: [target, rest] };
  cache.set(node, combined);
  return combined;
}

function walkPointer(start: unknown, fragment: string): unknown {
  let current = start;
  for (const raw of fragment.split('/').slice(1)) {
    const token = unescapePointerToken(raw);
    if (Array.isArray(current)) current = /^\d+$/.test(token) ? current[Number(token)] : undefined;
    else if (isJsonObject(current) && Object.hasOwn(current, token)) current = current[token];
    else return undefined;
  }
  return current;
}

function flattenReferences(references: readonly ResolvedReference[]): ResolvedReference[] {
  const out: ResolvedReference[] = [];
  const seen = new Set<string>();
  const visit = (list: readonly ResolvedReference[], depth: number): void => {
    if (depth > MAX_REFERENCE_DEPTH) return;
    for (const reference of list) {
      const key = `${reference.name}\u0000${reference.subject}\u0000${reference.version}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(reference);
      visit(reference.references ?? [], depth + 1);
    }
  };
  visit(references, 0);
  return out;
}
