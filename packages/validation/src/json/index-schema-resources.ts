import type { JsonDraft } from './detect-json-draft.js';
import { escapePointerSegment } from './json-pointer.js';

/**
 * Base URI given to a document without `$id`, so that relative refs and reference names
 * resolve against one another the way ajv matches them (both relative to nothing).
 */
export const PLACEHOLDER_BASE = 'https://llmsr.invalid/schema.json';

/** Keywords holding one subschema. */
export const SINGLE_SCHEMA_KEYWORDS = [
  'not',
  'if',
  'then',
  'else',
  'items',
  'additionalItems',
  'additionalProperties',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contains',
  'propertyNames',
  'contentSchema',
] as const;
/** Keywords holding a list of subschemas. */
export const LIST_SCHEMA_KEYWORDS = ['allOf', 'anyOf', 'oneOf', 'items', 'prefixItems'] as const;
/** Keywords holding subschemas by name. */
export const MAP_SCHEMA_KEYWORDS = [
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
  'dependencies',
] as const;

/** Where a subschema is: its base URI (for resolving its refs) and a label for messages. */
export interface SchemaNodeInfo {
  /** Absolute URI without fragment that the node's refs resolve against. */
  base: string;
  /** `#/json/pointer` in the root schema, `name#/json/pointer` in a reference. */
  label: string;
}

/** Every subschema of a set of documents, and the resources and anchors refs can name. */
export interface SchemaIndex {
  /** Known subschemas (objects only: a boolean subschema applies nothing further). */
  nodes: Map<object, SchemaNodeInfo>;
  /** Schema resources by absolute URI without fragment. */
  resources: Map<string, { node: unknown; label: string }>;
  /** Anchored subschemas by absolute URI with `#anchor`. */
  anchors: Map<string, object>;
  /** The root document's subschemas in document order. */
  rootNodes: object[];
}

/** A document to index: the root schema or one Confluent reference. */
export interface IndexedDocument {
  schema: unknown;
  /** Names the document is addressed by (relative names resolve against the placeholder). */
  names: readonly string[];
  /** Label prefix: `''` for the root, the reference name otherwise. */
  label: string;
}

/** Resolves `ref` against `base`; `undefined` when it is not a URI reference at all. */
export function resolveUri(ref: string, base: string): string | undefined {
  try {
    return new URL(ref, base).href;
  } catch {
    return undefined;
  }
}

/**
 * Walks every subschema of every document (iteratively: depth is bounded by the parser,
 * size only by the container limit) and records its base URI, its label, the resources
 * (`$id`, or `id` in draft-04) and the anchors (`$anchor`, `$dynamicAnchor`, and the draft-06/07
 * `"$id": "#name"` form) that refs can name. Data keywords (`enum`, `const`, `default`) are
 * never entered.
 */
export function indexSchemaResources(
  documents: readonly IndexedDocument[],
  draft: JsonDraft,
): SchemaIndex {
  const index: SchemaIndex = {
    nodes: new Map(),
    resources: new Map(),
    anchors: new Map(),
    rootNodes: [],
  };
  const idKeyword = draft === 'draft-04' ? 'id' : '$id';
  for (const [position, document] of documents.entries()) {
    let base = PLACEHOLDER_BASE;
    for (const name of document.names) {
      const uri = resolveUri(name, PLACEHOLDER_BASE)?.split('#')[0];
      if (uri === undefined) continue;
      if (base === PLACEHOLDER_BASE) base = uri;
      if (!index.resources.has(uri)) {
        index.resources.set(uri, { node: document.schema, label: `${document.label}#` });
      }
    }
    if (document.names.length === 0 && !index.resources.has(base)) {
      index.resources.set(base, { node: document.schema, label: `${document.label}#` });
    }
    const stack: { value: unknown; base: string; label: string }[] = [
      { value: document.schema, base, label: `${document.label}#` },
    ];
    while (stack.length > 0) {
      const frame = stack.pop()!;
      const node = frame.value;
      if (typeof node !== 'object' || node === null || Array.isArray(node)) continue;
      if (index.nodes.has(node)) continue;
      const record = node as Record<string, unknown>;
      let nodeBase = frame.base;
      const id = Object.hasOwn(record, idKeyword) ? record[idKeyword] : undefined;
      if (typeof id === 'string' && id.startsWith('#')) {
        index.anchors.set(`${nodeBase}${id}`, node);
      } else if (typeof id === 'string') {
        const resolved = resolveUri(id, nodeBase)?.split('#')[0];
        if (resolved !== undefined) {
          nodeBase = resolved;
          index.resources.set(resolved, { node, label: frame.label });
        }
      }
      for (const keyword of ['$anchor', '$dynamicAnchor']) {
        const anchor = Object.hasOwn(record, keyword) ? record[keyword] : undefined;
        if (typeof anchor === 'string') index.anchors.set(`${nodeBase}#${anchor}`, node);
      }
      index.nodes.set(node, { base: nodeBase, label: frame.label });
      if (position === 0) index.rootNodes.push(node);
      pushSubschemas(record, nodeBase, frame.label, stack);
    }
  }
  return index;
}

function pushSubschemas(
  record: Record<string, unknown>,
  base: string,
  label: string,
  stack: { value: unknown; base: string; label: string }[],
): void {
  const children: { value: unknown; base: string; label: string }[] = [];
  const at = (...segments: (string | number)[]): string =>
    `${label}${segments.map((segment) => `/${escapePointerSegment(segment)}`).join('')}`;
  for (const keyword of SINGLE_SCHEMA_KEYWORDS) {
    const value = Object.hasOwn(record, keyword) ? record[keyword] : undefined;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      children.push({ value, base, label: at(keyword) });
    }
  }
  for (const keyword of LIST_SCHEMA_KEYWORDS) {
    const value = Object.hasOwn(record, keyword) ? record[keyword] : undefined;
    if (!Array.isArray(value)) continue;
    for (const [i, item] of value.entries()) {
      children.push({ value: item, base, label: at(keyword, i) });
    }
  }
  for (const keyword of MAP_SCHEMA_KEYWORDS) {
    const value = Object.hasOwn(record, keyword) ? record[keyword] : undefined;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
    for (const [name, child] of Object.entries(value)) {
      children.push({ value: child, base, label: at(keyword, name) });
    }
  }
  // Reversed so that the stack pops children in document order.
  for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
}
