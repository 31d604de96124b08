import { compileSpace } from './compile-space.js';
import { domainCardinality } from './domain-values.js';
import type { VariableSpace } from './space.js';
import { guard } from './variable-space-error.js';

/** Size facts about a space. */
export interface SpaceFacts {
  /** Non-composite variables. */
  variables: number;
  /** Variables with finitely many values (choice, module, integer, stepped float). */
  discreteDimensions: number;
  /** Floats without a step (in any branch of a conditional variable). */
  continuousDimensions: number;
  /**
   * Combinations of the discrete variables' values, before activity and constraints (a
   * conditional variable counts its largest branch); `Infinity` past 2^1024.
   */
  discreteSize: number;
  /** Variables that may be absent (`activeWhen` or dependencies). */
  conditionalVariables: number;
  constraints: number;
}

/**
 * Counts a space's dimensions and the size of its discrete part.
 *
 * @example
 * describeSpace(space); // { variables: 7, discreteDimensions: 5, continuousDimensions: 2, discreteSize: 960, ... }
 */
export function describeSpace(space: VariableSpace): SpaceFacts {
  return guard('describeSpace', () => {
    const { compiled } = compileSpace(space);
    const facts: SpaceFacts = {
      variables: 0,
      discreteDimensions: 0,
      continuousDimensions: 0,
      discreteSize: 1,
      conditionalVariables: 0,
      constraints: compiled.constraints.length,
    };
    for (const node of compiled.nodes) {
      if (node.activeWhen || node.deps.length > 0) facts.conditionalVariables++;
      if (node.members) continue;
      facts.variables++;
      const sizes = [node.domain!, ...node.cases.map((c) => c.domain)].map(domainCardinality);
      const size = Math.max(...sizes);
      if (Number.isFinite(size)) {
        facts.discreteDimensions++;
        facts.discreteSize *= size;
      } else facts.continuousDimensions++;
    }
    return facts;
  });
}
