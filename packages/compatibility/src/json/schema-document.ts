import { declaredDraftOf, type JsonDraftName, schemaIdOf } from './json-draft.js';
import { isJsonObject } from './json-keywords.js';

/** One JSON Schema document (the root schema or a referenced one) with its anchors and ids. @internal */
export interface SchemaDocument {
  readonly root: unknown;
  /** The draft its nodes are read under: the root's `$schema`, else the draft it was indexed with. */
  readonly draft: JsonDraftName | undefined;
  /** Absolute `$id` of the root, when it has one that parses as a URL. */
  readonly baseId: string | undefined;
  /** `$anchor`, `$dynamicAnchor` and draft-4..7 `"$id": "#name"` (draft-4: `"id"`) targets. */
  readonly anchors: Map<string, unknown>;
  /** Embedded `$id` values (as written and resolved against the base) to their schema. */
  readonly ids: Map<string, unknown>;
}

const NODE_BUDGET = 2_000_000;

/** Resolve `reference` against `base` as a URL, or `undefined` when either does not parse. @internal */
export function resolveUrl(reference: string, base: string | undefined): string | undefined {
  try {
    return new URL(reference, base).href;
  } catch {
    return undefined;
  }
}

/**
 * Walk a document once (iteratively: hostile nesting cannot overflow the stack) recording its
 * anchors and ids, and which document every schema object belongs to (refs resolve against it).
 * @internal
 */
export function indexSchemaDocument(
  root: unknown,
  owner: WeakMap<object, SchemaDocument>,
  inheritedDraft?: JsonDraftName,
): SchemaDocument {
  const draft = declaredDraftOf(root) ?? inheritedDraft;
  const rootId = isJsonObject(root) ? schemaIdOf(root, draft) : undefined;
  const baseId = rootId === undefined ? undefined : resolveUrl(rootId, undefined);
  const document: SchemaDocument = { root, draft, baseId, anchors: new Map(), ids: new Map() };
  const stack: unknown[] = [root];
  let budget = NODE_BUDGET;
  while (stack.length > 0 && budget-- > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null || owner.has(node)) continue;
    owner.set(node, document);
    if (Array.isArray(node)) {
      for (const child of node) if (typeof child === 'object' && child !== null) stack.push(child);
      continue;
    }
    recordIdentifiers(document, node as Record<string, unknown>, draft);
    for (const key in node) {
      const child = (node as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null) stack.push(child);
    }
  }
  return document;
}

function recordIdentifiers(
  document: SchemaDocument,
  node: Record<string, unknown>,
  draft: JsonDraftName | undefined,
): void {
  for (const keyword of ['$anchor', '$dynamicAnchor'] as const) {
    const anchor = node[keyword];
    if (typeof anchor === 'string' && !document.anchors.has(anchor))
      document.anchors.set(anchor, node);
  }
  const id = schemaIdOf(node, draft);
  if (id === undefined) return;
  if (id.startsWith('#')) {
    document.anchors.set(id.slice(1), node);
    return;
  }
  document.ids.set(id, node);
  const absolute = resolveUrl(id, document.baseId);
  if (absolute !== undefined) document.ids.set(absolute, node);
}
