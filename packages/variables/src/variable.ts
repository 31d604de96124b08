import type { ChoiceValue, Condition } from './condition.js';

/** Any JSON value (metadata is free-form JSON). */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | JsonValue[]
  | { [key: string]: JsonValue };

/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue };

/** A float range; both bounds inclusive. `step` (a grid from `min`) and `precision` (rounding) exclude each other. */
export interface FloatDomain {
  kind: 'float';
  min: number;
  max: number;
  /** Values are `min + k * step`. Not allowed with `log`. */
  step?: number;
  /** Values are rounded to a multiple of this; 0.01 unless `step` or `log` is set. */
  precision?: number;
  /** Sample uniformly in log space; needs `min > 0`. */
  log: boolean;
  default: number;
}

/** An integer range; both bounds inclusive, values `min + k * step`. */
export interface IntegerDomain {
  kind: 'integer';
  min: number;
  max: number;
  /** 1 by default; must be 1 with `log`. */
  step: number;
  /** Sample uniformly in log space; needs `min >= 1`. */
  log: boolean;
  default: number;
}

/** A non-empty list of distinct string, number or boolean values. */
export interface ChoiceDomain {
  kind: 'choice';
  values: ChoiceValue[];
  default: ChoiceValue;
}

/** The value domains a conditional variable can switch between. */
export type Domain = FloatDomain | IntegerDomain | ChoiceDomain;

/** Hints for optimizers; they never change which configurations are valid. */
export interface OptimizationHints {
  /** `false` pins the variable to its default when sampling. */
  tunable?: boolean;
  /** Higher means tune earlier or more carefully. */
  priority?: number;
  /** Variables with the same group are tuned together. */
  group?: string;
}

/** Fields every variable has. */
export interface VariableCommon {
  /** Unique among siblings; letters, digits, `_` and `-`, starting with a letter or `_`. */
  name: string;
  description?: string;
  metadata: JsonObject;
  hints: OptimizationHints;
  /** The variable only exists in a configuration when this holds (Optuna-style conditional parameter). */
  activeWhen?: Condition;
}

/** A float knob such as temperature. */
export type FloatVariable = VariableCommon & FloatDomain;
/** An integer knob such as max tokens. */
export type IntegerVariable = VariableCommon & IntegerDomain;
/** A categorical knob such as provider. */
export type ChoiceVariable = VariableCommon & ChoiceDomain;

/** One named implementation a module variable can select. */
export interface ModuleImplementation {
  name: string;
  /** Behaviours (interfaces) the implementation declares. */
  behaviours: string[];
  description?: string;
  metadata: JsonObject;
}

/** A choice among named implementations, which must all declare `behaviour` when it is set. */
export interface ModuleVariable extends VariableCommon {
  kind: 'module';
  behaviour?: string;
  implementations: ModuleImplementation[];
  /** An implementation name. */
  default: string;
}

/** A named group of nested variables; its value is an object. */
export interface CompositeVariable extends VariableCommon {
  kind: 'composite';
  variables: Variable[];
}

/** One branch of a conditional variable. */
export interface ConditionalCase {
  when: Condition;
  domain: Domain;
}

/** A variable whose domain (range, default) depends on other variables: first matching case wins. */
export interface ConditionalVariable extends VariableCommon {
  kind: 'conditional';
  cases: ConditionalCase[];
  fallback: Domain;
}

/** Any variable. */
export type Variable =
  | FloatVariable
  | IntegerVariable
  | ChoiceVariable
  | ModuleVariable
  | CompositeVariable
  | ConditionalVariable;

/** The kinds of variable. */
export type VariableKind = Variable['kind'];
