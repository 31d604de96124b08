import { isLocalRef, resolveLocalRef } from './resolve-ref.ts';
import {
  isSchemaObject,
  type SchemaObject,
  type SchemaWalk,
  type WalkedNode,
} from './walk-schema.ts';

/** A `$ref` met in the schema, with where it points. */
export interface SchemaRef {
  readonly from: WalkedNode;
  readonly ref: string;
  /** The walked node the reference resolves to; `undefined` when external or unresolvable. */
  readonly target: WalkedNode | undefined;
  readonly external: boolean;
  /** True when the target can reach the referring node again (a recursive schema). */
  readonly recursive: boolean;
}

/** The walked schema as a graph: document-tree edges plus `$ref` edges, with recursion marked. */
export interface SchemaGraph {
  readonly walk: SchemaWalk;
  readonly byObject: ReadonlyMap<SchemaObject, WalkedNode>;
  readonly refs: readonly SchemaRef[];
  /** Outgoing edges per node: tree children (not `$defs`, which are reached by reference) and non-recursive refs. */
  readonly edges: ReadonlyMap<WalkedNode, readonly WalkedNode[]>;
}

const DEFINITION_KEYWORDS = new Set(['$defs', 'definitions']);

/**
 * Builds the {@link SchemaGraph} of a walk. Recursion is found with Tarjan's strongly connected
 * components, run iteratively so a long reference chain cannot overflow the stack: a `$ref` is
 * recursive when its target sits in the referring node's component.
 */
export function buildSchemaGraph(root: unknown, walk: SchemaWalk): SchemaGraph {
  const byObject = new Map<SchemaObject, WalkedNode>();
  for (const node of walk.nodes) byObject.set(node.schema, node);
  const all = new Map<WalkedNode, WalkedNode[]>();
  for (const node of walk.nodes) all.set(node, []);
  for (const node of walk.nodes) {
    if (node.parent === undefined || DEFINITION_KEYWORDS.has(node.keyword ?? '')) continue;
    all.get(byObject.get(node.parent)!)?.push(node);
  }
  const pending: { from: WalkedNode; ref: string; target: WalkedNode | undefined }[] = [];
  for (const node of walk.nodes) {
    const ref = node.schema.$ref;
    if (typeof ref !== 'string') continue;
    const resolved = resolveLocalRef(root, ref);
    const target = isSchemaObject(resolved) ? byObject.get(resolved) : undefined;
    pending.push({ from: node, ref, target });
    if (target !== undefined) all.get(node)!.push(target);
  }
  const component = stronglyConnectedComponents(walk.nodes, all);
  const refs: SchemaRef[] = pending.map(({ from, ref, target }) => ({
    from,
    ref,
    target,
    external: !isLocalRef(ref),
    recursive: target !== undefined && component.get(target) === component.get(from),
  }));
  const recursiveEdges = new Set(
    refs.filter((r) => r.recursive).map((r) => `${r.from.path}\u0000${r.target!.path}`),
  );
  const edges = new Map<WalkedNode, WalkedNode[]>();
  for (const [node, targets] of all) {
    edges.set(
      node,
      targets.filter((t) => !recursiveEdges.has(`${node.path}\u0000${t.path}`)),
    );
  }
  return { walk, byObject, refs, edges };
}

/** Tarjan's algorithm with an explicit stack; returns the component index of every node. */
function stronglyConnectedComponents(
  nodes: readonly WalkedNode[],
  edges: ReadonlyMap<WalkedNode, readonly WalkedNode[]>,
): Map<WalkedNode, number> {
  const index = new Map<WalkedNode, number>();
  const low = new Map<WalkedNode, number>();
  const onStack = new Set<WalkedNode>();
  const stack: WalkedNode[] = [];
  const component = new Map<WalkedNode, number>();
  let counter = 0;
  let components = 0;
  for (const start of nodes) {
    if (index.has(start)) continue;
    const work: { node: WalkedNode; next: number }[] = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const out = edges.get(frame.node) ?? [];
      if (frame.next < out.length) {
        const child = out[frame.next++]!;
        if (!index.has(child)) {
          index.set(child, counter);
          low.set(child, counter++);
          stack.push(child);
          onStack.add(child);
          work.push({ node: child, next: 0 });
        } else if (onStack.has(child)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(child)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) {
        low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        let member: WalkedNode;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.set(member, components);
        } while (member !== frame.node);
        components++;
      }
    }
  }
  return component;
}

/** True when a schema node describes an object or an array (one nesting level). */
export function isContainerSchema(schema: SchemaObject): boolean {
  const types = typesOf(schema);
  return (
    types.includes('object') ||
    types.includes('array') ||
    (types.length === 0 &&
      (isSchemaObject(schema.properties) ||
        schema.items !== undefined ||
        schema.prefixItems !== undefined))
  );
}

/** The `type` keyword as a list (empty when absent or malformed). */
export function typesOf(schema: SchemaObject): string[] {
  const type = schema.type;
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  return [];
}

/**
 * The deepest chain of nesting levels from the root: each object or array schema on the path is
 * one level, `anyOf` branches, `$ref` hops and scalar leaves add none, and a recursive `$ref` is
 * not unrolled. Returns the level count and the document paths of the levels, root first.
 * Computed bottom-up over the acyclic graph without recursion.
 */
export function deepestNesting(graph: SchemaGraph): { levels: number; chain: string[] } {
  const root = graph.walk.nodes[0];
  if (root === undefined) return { levels: 0, chain: [] };
  const best = new Map<WalkedNode, { levels: number; next: WalkedNode | undefined }>();
  const work: { node: WalkedNode; expanded: boolean }[] = [{ node: root, expanded: false }];
  while (work.length > 0) {
    const frame = work.pop()!;
    if (best.has(frame.node)) continue;
    const children = graph.edges.get(frame.node) ?? [];
    if (!frame.expanded) {
      work.push({ node: frame.node, expanded: true });
      for (const child of children)
        if (!best.has(child)) work.push({ node: child, expanded: false });
      continue;
    }
    let levels = 0;
    let next: WalkedNode | undefined;
    for (const child of children) {
      const below = best.get(child)?.levels ?? 0;
      if (below > levels) {
        levels = below;
        next = child;
      }
    }
    best.set(frame.node, { levels: levels + (isContainerSchema(frame.node.schema) ? 1 : 0), next });
  }
  const chain: string[] = [];
  let current: WalkedNode | undefined = root;
  while (current !== undefined && chain.length <= graph.walk.nodes.length) {
    if (isContainerSchema(current.schema)) chain.push(current.path);
    current = best.get(current)?.next;
  }
  return { levels: best.get(root)?.levels ?? 0, chain };
}
