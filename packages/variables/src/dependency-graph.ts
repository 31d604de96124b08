import type { Condition } from './condition.js';
import type { VariableSpace } from './space.js';
import type { Variable } from './variable.js';
import { VariableSpaceError, type VariableSpaceIssue } from './variable-space-error.js';

/** One variable of a space, found by its dotted path. */
export interface VariableNode {
  path: string;
  variable: Variable;
  parent: string | undefined;
}

/** Every variable (composites and their members) in declaration order, keyed by dotted path. */
export function indexVariables(
  variables: readonly Variable[],
  prefix = '',
  parent?: string,
  out = new Map<string, VariableNode>(),
): Map<string, VariableNode> {
  for (const variable of variables) {
    const path = prefix ? `${prefix}.${variable.name}` : variable.name;
    out.set(path, { path, variable, parent });
    if (variable.kind === 'composite') indexVariables(variable.variables, path, path, out);
  }
  return out;
}

/** Adds every variable path a condition mentions to `refs`. */
export function conditionRefs(condition: Condition, refs: Set<string> = new Set()): Set<string> {
  if ('var' in condition) {
    refs.add(condition.var);
    for (const value of Object.values(condition)) {
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) refs.add(value.var);
    }
  } else if ('all' in condition) for (const c of condition.all) conditionRefs(c, refs);
  else if ('any' in condition) for (const c of condition.any) conditionRefs(c, refs);
  else if ('not' in condition) conditionRefs(condition.not, refs);
  else {
    conditionRefs(condition.when, refs);
    conditionRefs(condition.then, refs);
  }
  return refs;
}

/** The variable paths a variable's own conditions (activeWhen, conditional cases) read. */
export function variableRefs(variable: Variable): Set<string> {
  const refs = new Set<string>();
  if (variable.activeWhen) conditionRefs(variable.activeWhen, refs);
  if (variable.kind === 'conditional') for (const c of variable.cases) conditionRefs(c.when, refs);
  return refs;
}

/** The resolved dependency graph of a space. */
export interface DependencyGraph {
  nodes: Map<string, VariableNode>;
  /** Path -> paths that must be settled first (explicit dependencies, condition reads, parent). */
  before: Map<string, string[]>;
  /** Path -> declared dependencies only; the node is inactive when one of them is. */
  declared: Map<string, string[]>;
  /** Paths in an order where every node comes after what it depends on. */
  order: string[];
}

/**
 * Resolves a space's dependencies: explicit ones, the variables read by `activeWhen` and
 * conditional cases, and parent composites. Throws `cyclic_dependency` with the cycle's path.
 */
export function buildDependencyGraph(
  space: Pick<VariableSpace, 'variables' | 'dependencies'>,
): DependencyGraph {
  const nodes = indexVariables(space.variables);
  const before = new Map<string, string[]>();
  const declared = new Map<string, string[]>();
  const expand = (target: string): string[] =>
    [...nodes.keys()].filter((p) => p === target || p.startsWith(`${target}.`));
  for (const [path, node] of nodes) {
    const edges = new Set<string>();
    if (node.parent) edges.add(node.parent);
    for (const ref of variableRefs(node.variable)) edges.add(ref);
    const deps = Object.hasOwn(space.dependencies, path) ? space.dependencies[path]! : [];
    for (const dep of deps.flatMap(expand)) edges.add(dep);
    declared.set(path, [...deps]);
    before.set(path, [...edges]);
  }
  return { nodes, before, declared, order: topologicalOrder(nodes, before) };
}

function topologicalOrder(
  nodes: Map<string, VariableNode>,
  before: Map<string, string[]>,
): string[] {
  const state = new Map<string, 1 | 2>();
  const order: string[] = [];
  const stack: string[] = [];
  const visit = (path: string): void => {
    const seen = state.get(path);
    if (seen === 2) return;
    if (seen === 1) {
      const cycle = [...stack.slice(stack.indexOf(path)), path];
      const issue: VariableSpaceIssue = {
        code: 'cyclic_dependency',
        path,
        message: `cyclic dependency: ${cycle.join(' -> ')}`,
        rule: 'acyclic dependencies',
      };
      throw new VariableSpaceError([issue]);
    }
    state.set(path, 1);
    stack.push(path);
    for (const dep of before.get(path) ?? []) if (nodes.has(dep)) visit(dep);
    stack.pop();
    state.set(path, 2);
    order.push(path);
  };
  for (const path of nodes.keys()) visit(path);
  return order;
}
