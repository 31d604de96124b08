import type { CompiledNode } from './compile-nodes.js';
import { resolveDomain } from './compile-nodes.js';
import type { CompiledSpace, Configuration } from './compile-space.js';
import { domainCardinality, domainValueAt } from './domain-values.js';
import { VariableSpaceError } from './variable-space-error.js';

/** Limits of one grid enumeration. */
export interface GridOptions {
  /** Stop after this many valid configurations. */
  limit: number;
  /** Give up (`too_many_rejections`) after visiting this many partial configurations. */
  maxSteps: number;
}

/**
 * Enumerates the valid configurations of a discrete space in declaration order, pruning a
 * branch as soon as a constraint whose variables are all settled fails.
 */
export function enumerateGrid(compiledSpace: CompiledSpace, options: GridOptions): Configuration[] {
  const { nodes, constraints } = compiledSpace.compiled;
  const n = nodes.length;
  for (const node of nodes) {
    if (node.members || node.variable.hints.tunable === false) continue;
    for (const d of [node.domain!, ...node.cases.map((c) => c.domain)]) {
      if (!Number.isFinite(domainCardinality(d))) {
        throw new VariableSpaceError(
          'not_discrete',
          node.path,
          'grid enumeration needs a discrete space; this float has no step (set one, or hints.tunable false)',
        );
      }
    }
  }
  const checksAt: (typeof constraints)[] = nodes.map(() => []);
  for (const c of constraints) checksAt[Math.max(...c.reads)]!.push(c);
  const active = new Uint8Array(n);
  const outs: (Record<string, unknown> | undefined)[] = new Array(n);
  const out: Configuration = {};
  const results: Configuration[] = [];
  let steps = 0;

  const settledOk = (i: number): boolean => {
    for (const c of checksAt[i]!) {
      let applies = true;
      for (const r of c.reads) if (!active[r]) applies = false;
      if (applies && !c.test(out)) return false;
    }
    return true;
  };
  const isActive = (node: CompiledNode): boolean => {
    if (node.parent >= 0 && !active[node.parent]) return false;
    for (const d of node.deps) if (!active[d]) return false;
    return node.activeWhen === undefined || node.activeWhen(out);
  };

  const visit = (i: number): void => {
    if (results.length >= options.limit) return;
    if (++steps > options.maxSteps) {
      throw new VariableSpaceError(
        'too_many_rejections',
        '',
        `grid enumeration gave up after ${options.maxSteps} steps with ${results.length} configurations found`,
      );
    }
    if (i === n) {
      const result = compiledSpace.validate(out);
      if (result.valid) results.push(result.config);
      return;
    }
    const node = nodes[i]!;
    const target = node.parent >= 0 ? outs[node.parent]! : out;
    if (!isActive(node)) {
      active[i] = 0;
      if (settledOk(i)) visit(i + 1);
      return;
    }
    active[i] = 1;
    if (node.members) {
      const child = {};
      target[node.key] = child;
      outs[i] = child;
      visit(i + 1);
      delete target[node.key];
      return;
    }
    const domain = resolveDomain(node, out);
    if (node.variable.hints.tunable === false) {
      target[node.key] = domain.domain.default;
      if (settledOk(i)) visit(i + 1);
    } else {
      const count = domainCardinality(domain);
      for (let k = 0; k < count && results.length < options.limit; k++) {
        target[node.key] = domainValueAt(domain, k);
        if (settledOk(i)) visit(i + 1);
      }
    }
    delete target[node.key];
  };

  visit(0);
  return results;
}
