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
  const state = new Map<object, 'open' | 'done'>();
  const position = new Map<object, number>();
  for (const start of index.rootNodes) {
    if (state.has(start)) continue;
    const stack: Frame[] = [{ node: start, edges: edgesOf(start, index, inPlace), next: 0 }];
    state.set(start, 'open');
    position.set(start, 0);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const edge = frame.edges[frame.next++];
      if (!edge) {
        state.set(frame.node, 'done');
        position.delete(frame.node);
        stack.pop();
        continue;
      }
      const seen = state.get(edge.target);
      if (seen === 'done') continue;
      if (seen === 'open') return describeCycle(stack, position.get(edge.target)!, index);
      state.set(edge.target, 'open');
      position.set(edge.target, stack.length);
      stack.push({ node: edge.target, edges: edgesOf(edge.target, index, inPlace), next: 0 });
    }
  }
  return undefined;
}

function inPlaceKeywords(draft: JsonDraft): { single: string[]; list: string[]; map: string[] } {
  const older = draft === 'draft-04' || draft === 'draft-06';
  const modern = draft === '2019-09' || draft === '2020-12';
  return {
    single: older ? ['not'] : ['not', 'if', 'then', 'else'],
    list: ['allOf', 'anyOf', 'oneOf'],
    map: modern ? ['dependentSchemas', 'dependencies'] : ['dependencies'],
  };
}

function edgesOf(
  node: object,
  index: SchemaIndex,
  inPlace: { single: string[]; list: string[]; map: string[] },
): Edge[] {
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
  for (const keyword of inPlace.single)
    if (Object.hasOwn(record, keyword)) add(record[keyword], keyword);
  for (const keyword of inPlace.list) {
    const value = Object.hasOwn(record, keyword) ? record[keyword] : undefined;
    if (Array.isArray(value)) for (const item of value) add(item, keyword);
  }
  for (const keyword of inPlace.map) {
    const value = Object.hasOwn(record, keyword) ? record[keyword] : undefined;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
    for (const child of Object.values(value)) add(child, keyword);
  }
  const ref = Object.hasOwn(record, '$ref') ? record.$ref : undefined;
  if (typeof ref === 'string') {
    const target = resolveRef(ref, index.nodes.get(node)?.base ?? '', index);
    if (target) add(target.node, '$ref');
  }
  return edges;
}

/** The subschema a `$ref` names, with a label when it lies outside the indexed keywords. */
function resolveRef(ref: string, base: string, index: SchemaIndex): { node: unknown } | undefined {
  const uri = resolveUri(ref, base);
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
