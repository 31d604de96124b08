import type { JsonDraft } from './detect-json-draft.js';
import {
  type IndexedDocument,
  indexSchemaResources,
  resolveUri,
  type SchemaIndex,
} from './index-schema-resources.js';

/** A `$ref` loop that applies schemas to the same value forever. */
export interface RefCycle {
  /** Labels of the subschemas on the loop, first one repeated at the end (`#/$defs/a -> ...`). */
  labels: string[];
  /** JSON pointer of a `$ref` on the loop, in the root schema when one is there. */
  pointer: string;
}

/** The state of a subschema whose every path has been followed without finding a loop. */
const DONE = -1;

/** Most labels shown for one cycle; longer loops are shortened in the middle. */
const MAX_LABELS = 12;

interface Edge {
  target: object;
  /** The keyword followed (`$ref`, `allOf`, ...). */
  keyword: string;
}

interface Frame {
  node: object;
  edges: Edge[];
  next: number;
}

/**
 * Finds a loop of subschemas that apply to the same value without ever reading into it:
 * `$ref`, `allOf`/`anyOf`/`oneOf`, `not`, `if`/`then`/`else` (draft-07 and later),
 * `dependentSchemas` (2019-09 and later) and the schema form of `dependencies` all apply
 * their subschema to the value they are given, so a loop made only of them never ends, and
 * every validation would recurse until the stack overflows. A loop that passes through
 * `properties`, `items`, `additionalProperties` or any keyword that moves into a part of the
 * value is legitimate recursion (a tree) and ends with the data. Refs that cannot be resolved
 * statically (`$dynamicRef`, `$recursiveRef`, unknown URIs) are left out: the check only ever
 * refuses a loop it has proven. Each subschema is visited once, so the time is linear in the
 * size of the schema and its references.
 */
export function findRefCycle(
  documents: readonly IndexedDocument[],
  draft: JsonDraft,
): RefCycle | undefined {
  const index = indexSchemaResources(documents, draft);
  const inPlace = inPlaceKeywords(draft);
  // A node on the current path maps to its stack position; a finished node to DONE.
  const state = new Map<object, number>();
  for (const start of index.rootNodes) {
    if (state.has(start)) continue;
    const edges = edgesOf(start, index, inPlace);
    state.set(start, edges.length === 0 ? DONE : 0);
    if (edges.length === 0) continue; // Most subschemas: no frame needed.
    const stack: Frame[] = [{ node: start, edges, next: 0 }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const edge = frame.edges[frame.next++];
      if (!edge) {
        state.set(frame.node, DONE);
        stack.pop();
        continue;
      }
      const seen = state.get(edge.target);
      if (seen === DONE) continue;
      if (seen !== undefined) return describeCycle(stack, seen, index);
      state.set(edge.target, stack.length);
      stack.push({ node: edge.target, edges: edgesOf(edge.target, index, inPlace), next: 0 });
    }
  }
  return undefined;
}

type InPlaceShape = 'single' | 'list' | 'map';

/** The keywords that apply their subschemas to the value itself, in this draft (as ajv runs it). */
function inPlaceKeywords(draft: JsonDraft): Map<string, InPlaceShape> {
  const shapes = new Map<string, InPlaceShape>([
    ['not', 'single'],
    ['allOf', 'list'],
    ['anyOf', 'list'],
    ['oneOf', 'list'],
    ['dependencies', 'map'],
  ]);
  if (draft !== 'draft-04' && draft !== 'draft-06') {
    for (const keyword of ['if', 'then', 'else']) shapes.set(keyword, 'single');
  }
  if (draft === '2019-09' || draft === '2020-12') shapes.set('dependentSchemas', 'map');
  return shapes;
}

function edgesOf(node: object, index: SchemaIndex, inPlace: Map<string, InPlaceShape>): Edge[] {
  const record = node as Record<string, unknown>;
  const edges: Edge[] = [];
  const add = (value: unknown, keyword: string): void => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
    if (!index.nodes.has(value)) {
      const parent = index.nodes.get(node);
      index.nodes.set(value, { base: parent?.base ?? '', label: `${parent?.label}/${keyword}` });
    }
    edges.push({ target: value, keyword });
  };
  // Iterating the node's own keys (a few) is cheaper than probing every keyword.
  for (const keyword of Object.keys(record)) {
    const value = record[keyword];
    if (keyword === '$ref') {
      if (typeof value !== 'string') continue;
      const target = resolveRef(value, index.nodes.get(node)?.base ?? '', index);
      if (target) add(target.node, '$ref');
      continue;
    }
    const shape = inPlace.get(keyword);
    if (shape === undefined || typeof value !== 'object' || value === null) continue;
    if (shape === 'single') add(value, keyword);
    else if (shape === 'list' && Array.isArray(value)) for (const item of value) add(item, keyword);
    else if (shape === 'map' && !Array.isArray(value)) {
      for (const name of Object.keys(value)) add((value as Record<string, unknown>)[name], keyword);
    }
  }
  return edges;
}

/** The subschema a `$ref` names, with a label when it lies outside the indexed keywords. */
function resolveRef(ref: string, base: string, index: SchemaIndex): { node: unknown } | undefined {
  // A fragment-only ref (the common case) resolves against the base without a URL parse.
  const uri = ref.startsWith('#') ? `${base}${ref}` : resolveUri(ref, base);
  if (uri === undefined) return undefined;
  const hashAt = uri.indexOf('#');
  const documentUri = hashAt < 0 ? uri : uri.slice(0, hashAt);
  const fragment = hashAt < 0 ? '' : uri.slice(hashAt + 1);
  const resource = index.resources.get(documentUri);
  if (!resource) return undefined;
  if (fragment === '') return { node: resource.node };
  if (!fragment.startsWith('/')) {
    const anchored = index.anchors.get(`${documentUri}#${fragment}`);
    return anchored ? { node: anchored } : undefined;
  }
  let current: unknown = resource.node;
  let label = resource.label;
  for (const raw of fragment.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    } catch {
      return undefined;
    }
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[segment];
    label += `/${raw}`;
  }
  if (typeof current === 'object' && current !== null && !index.nodes.has(current)) {
    // A ref into a place no keyword holds a schema at (`#/x-library/a`): still a schema.
    index.nodes.set(current, { base: documentUri, label });
  }
  return { node: current };
}

function describeCycle(stack: Frame[], from: number, index: SchemaIndex): RefCycle {
  const loop = stack.slice(from);
  const labels = loop.map((frame) => index.nodes.get(frame.node)?.label ?? '?');
  labels.push(labels[0]!);
  let pointer = '';
  for (const frame of loop) {
    const label = index.nodes.get(frame.node)?.label ?? '';
    if (frame.edges[frame.next - 1]?.keyword !== '$ref' || !label.startsWith('#')) continue;
    pointer = `${label.slice(1)}/$ref`;
    break;
  }
  const shown =
    labels.length > MAX_LABELS
      ? [...labels.slice(0, MAX_LABELS / 2), '...', ...labels.slice(-MAX_LABELS / 2)]
      : labels;
  return { labels: shown, pointer };
}
