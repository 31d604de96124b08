import { type ConditionFn, compileCondition } from './compile-condition.js';
import { compileDomain, type DomainCheck } from './compile-domain.js';
import { buildDependencyGraph, conditionRefs } from './dependency-graph.js';
import type { VariableSpace } from './space.js';
import type { Domain, Variable } from './variable.js';

/** A domain ready for checking, sampling and enumeration. */
export interface CompiledDomain {
  domain: Domain | Extract<Variable, { kind: 'module' }>;
  check: DomainCheck;
}

/** One variable, ready for the validator and the sampler. */
export interface CompiledNode {
  index: number;
  path: string;
  /** Name inside the parent object. */
  key: string;
  /** Index of the parent composite, or -1 at the root. */
  parent: number;
  variable: Variable;
  activeWhen: ConditionFn | undefined;
  /** Indexes of declared dependencies; the node is inactive when any of them is. */
  deps: number[];
  /** Non-composite variables: the fixed domain, or the cases of a conditional one. */
  domain: CompiledDomain | undefined;
  cases: { when: ConditionFn; domain: CompiledDomain }[];
  /** Composite variables: the names of their members. */
  members: Set<string> | undefined;
}

/** A cross-variable constraint ready for evaluation. */
export interface CompiledConstraint {
  name: string;
  test: ConditionFn;
  /** Node indexes the rule reads; it only applies when all are active and valid. */
  reads: number[];
  /** Path of the first variable the rule reads, for issues. */
  path: string;
  message: string;
}

/** The shared compiled form of a space. */
export interface CompiledNodes {
  /** In dependency order: every node after its parent and what it depends on. */
  nodes: CompiledNode[];
  constraints: CompiledConstraint[];
  rootMembers: Set<string>;
}

/** Compiles a parsed space's variables, conditions and constraints into closures. */
export function compileNodes(space: VariableSpace): CompiledNodes {
  const graph = buildDependencyGraph(space);
  const indexOf = new Map(graph.order.map((path, i) => [path, i]));
  const nodes = graph.order.map((path, index): CompiledNode => {
    const { variable, parent } = graph.nodes.get(path)!;
    const node: CompiledNode = {
      index,
      path,
      key: variable.name,
      parent: parent === undefined ? -1 : indexOf.get(parent)!,
      variable,
      activeWhen: variable.activeWhen && compileCondition(variable.activeWhen),
      deps: (graph.declared.get(path) ?? []).map((p) => indexOf.get(p)!),
      domain: undefined,
      cases: [],
      members: undefined,
    };
    if (variable.kind === 'composite')
      node.members = new Set(variable.variables.map((v) => v.name));
    else if (variable.kind === 'conditional') {
      node.cases = variable.cases.map((c) => ({
        when: compileCondition(c.when),
        domain: compiled(c.domain),
      }));
      node.domain = compiled(variable.fallback);
    } else node.domain = compiled(variable);
    return node;
  });
  const constraints = space.constraints.map(
    (c): CompiledConstraint => ({
      name: c.name,
      test: compileCondition(c.rule),
      reads: [...conditionRefs(c.rule)].map((p) => indexOf.get(p)!),
      path: [...conditionRefs(c.rule)][0] ?? '',
      message: `violates constraint "${c.name}"${c.description ? `: ${c.description}` : ''}`,
    }),
  );
  return { nodes, constraints, rootMembers: new Set(space.variables.map((v) => v.name)) };
}

function compiled(domain: CompiledDomain['domain']): CompiledDomain {
  return { domain, check: compileDomain(domain) };
}

/** The domain that applies to a node given the values settled so far (first matching case). */
export function resolveDomain(node: CompiledNode, config: Record<string, unknown>): CompiledDomain {
  for (const c of node.cases) if (c.when(config)) return c.domain;
  return node.domain!;
}
