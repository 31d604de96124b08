import type { Condition } from './condition.js';
import type { JsonObject, Variable } from './variable.js';

/** A named cross-variable rule every valid configuration satisfies. */
export interface SpaceConstraint {
  name: string;
  description?: string;
  rule: Condition;
}

/** Whether larger or smaller values of a metric are better. */
export type Direction = 'maximize' | 'minimize';

/** One optimisation objective. */
export interface Objective {
  metric: string;
  direction: Direction;
  /** Weight in the composite score; 1 by default. */
  weight?: number;
}

/** How configurations are sampled. */
export type SamplingMethod = 'random' | 'lhs' | 'grid';

/** How an optimiser should use the space. */
export interface OptimizationConfig {
  objectives: Objective[];
  /** Number of trials the optimiser may run. */
  budget?: number;
  sampler?: SamplingMethod;
}

/**
 * A parsed, normalised and frozen variable space: the unit that is validated, sampled,
 * exported and stored.
 */
export interface VariableSpace {
  id: string;
  name: string;
  description?: string;
  variables: Variable[];
  /** Variable path -> the variable paths it depends on (acyclic). */
  dependencies: Record<string, string[]>;
  constraints: SpaceConstraint[];
  metadata: JsonObject;
  optimization: OptimizationConfig;
}
