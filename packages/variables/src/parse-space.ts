import {
  at,
  clip,
  createReader,
  type Reader,
  readArray,
  readMetadata,
  readName,
  readNumber,
  readObject,
  readString,
} from './create-reader.js';
import { deepFreeze } from './deep-freeze.js';
import { buildDependencyGraph, indexVariables } from './dependency-graph.js';
import { LIMITS } from './limits.js';
import { parseCondition } from './parse-condition.js';
import { parseVariables, type VariableReadContext } from './parse-variable.js';
import type {
  Objective,
  OptimizationConfig,
  SamplingMethod,
  SpaceConstraint,
  VariableSpace,
} from './space.js';
import { guard } from './variable-space-error.js';

const SPACE_FIELDS = new Set([
  'id',
  'name',
  'description',
  'variables',
  'dependencies',
  'constraints',
  'metadata',
  'optimization',
]);
const ID = /^[A-Za-z0-9_.:-]+$/;
const SAMPLERS: SamplingMethod[] = ['random', 'lhs', 'grid'];
/** Spaces produced by parseSpace (deeply frozen), so they are not re-validated on every call. */
const PARSED = new WeakSet<object>();

/**
 * Validates an untrusted JSON space definition and returns it normalised and deeply frozen.
 * Throws a {@link VariableSpaceError} listing every problem found.
 *
 * @example
 * const space = parseSpace({
 *   id: 'chat', name: 'Chat bot',
 *   variables: [
 *     { name: 'provider', kind: 'choice', values: ['openai', 'groq'] },
 *     { name: 'temperature', kind: 'float', min: 0, max: 2, default: 0.7 },
 *   ],
 *   constraints: [{ name: 'groq-cool', rule: "provider == 'groq' => temperature <= 1" }],
 * });
 */
export function parseSpace(json: unknown): VariableSpace {
  return guard('parseSpace', () => {
    const r = createReader();
    const def = readObject(r, json, '', SPACE_FIELDS);
    if (!def) return r.throwIfAny() as never;
    const id = readString(r, def.id, 'id', LIMITS.name);
    if (id !== undefined && !ID.test(id))
      r.fail('invalid_name', 'id', 'id may only hold letters, digits, _ . : and -');
    const name = readString(r, def.name, 'name', LIMITS.name);
    const ctx: VariableReadContext = { r, sites: [] };
    const parsedVariables = parseVariables(ctx, def.variables, 'variables', '', 0);
    const variables = parsedVariables ?? [];
    const nodes = indexVariables(variables);
    const leafPaths = new Set(
      [...nodes].filter(([, n]) => n.variable.kind !== 'composite').map(([p]) => p),
    );
    // With broken variables every reference would look unknown, so only check them when all parsed.
    if (parsedVariables)
      for (const site of ctx.sites) checkRefs(r, site.refs, site.path, leafPaths);
    const dependencies = readDependencies(r, def.dependencies, new Set(nodes.keys()));
    const constraints = readConstraints(r, def.constraints, leafPaths);
    const metadata = readMetadata(r, def.metadata, 'metadata');
    const optimization = readOptimization(r, def.optimization);
    let description: string | undefined;
    if (def.description !== undefined)
      description = readString(r, def.description, 'description', LIMITS.text);
    r.throwIfAny();
    const space: VariableSpace = {
      id: id!,
      name: name!,
      variables,
      dependencies,
      constraints,
      metadata,
      optimization,
    };
    if (description !== undefined) space.description = description;
    buildDependencyGraph(space);
    PARSED.add(deepFreeze(space));
    return space;
  });
}

function checkRefs(r: Reader, refs: Set<string>, path: string, leaves: Set<string>): void {
  for (const ref of refs) {
    if (!leaves.has(ref))
      r.fail(
        'unknown_variable',
        path,
        `condition refers to "${clip(ref)}", which is not a (non-composite) variable`,
      );
  }
}

function readDependencies(r: Reader, value: unknown, paths: Set<string>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (value === undefined) return out;
  const def = readObject(r, value, 'dependencies');
  if (!def) return out;
  for (const key of Object.keys(def)) {
    const path = at('dependencies', key);
    if (!paths.has(key)) {
      r.fail('unknown_variable', path, `"${clip(key)}" is not a variable`);
      continue;
    }
    const list = readArray(r, def[key], path, LIMITS.variables);
    if (!list) continue;
    const targets: string[] = [];
    for (let i = 0; i < list.length; i++) {
      const target = readString(r, list[i], at(path, i), LIMITS.name * LIMITS.compositeDepth);
      if (target === undefined) continue;
      if (!paths.has(target))
        r.fail(
          'unknown_variable',
          at(path, i),
          `dependency target "${clip(target)}" is not a variable`,
          'targets exist',
        );
      else if (!targets.includes(target)) targets.push(target);
    }
    out[key] = targets;
  }
  return out;
}

function readConstraints(r: Reader, value: unknown, leaves: Set<string>): SpaceConstraint[] {
  if (value === undefined) return [];
  const list = readArray(r, value, 'constraints', LIMITS.constraints);
  if (!list) return [];
  const out: SpaceConstraint[] = [];
  const names = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const path = at('constraints', i);
    const def = readObject(r, list[i], path, new Set(['name', 'description', 'rule']));
    if (!def) continue;
    const name = readName(r, def.name, at(path, 'name'));
    const refs = new Set<string>();
    const rule = parseCondition(r, def.rule, at(path, 'rule'), refs);
    checkRefs(r, refs, at(path, 'rule'), leaves);
    if (name === undefined || rule === undefined) continue;
    if (names.has(name))
      r.fail(
        'duplicate_name',
        at(path, 'name'),
        `constraint "${name}" is declared twice`,
        'unique names',
      );
    names.add(name);
    const constraint: SpaceConstraint = { name, rule };
    if (def.description !== undefined) {
      const description = readString(r, def.description, at(path, 'description'), LIMITS.text);
      if (description !== undefined) constraint.description = description;
    }
    out.push(constraint);
  }
  return out;
}

function readOptimization(r: Reader, value: unknown): OptimizationConfig {
  const out: OptimizationConfig = { objectives: [] };
  if (value === undefined) return out;
  const def = readObject(r, value, 'optimization', new Set(['objectives', 'budget', 'sampler']));
  if (!def) return out;
  if (def.objectives !== undefined)
    out.objectives = readObjectives(r, def.objectives, 'optimization.objectives') ?? [];
  if (def.budget !== undefined) {
    const budget = readNumber(r, def.budget, 'optimization.budget');
    if (budget !== undefined && (!Number.isSafeInteger(budget) || budget < 1)) {
      r.fail('invalid_value', 'optimization.budget', 'budget must be a positive integer');
    } else if (budget !== undefined) out.budget = budget;
  }
  if (def.sampler !== undefined) {
    if (!SAMPLERS.includes(def.sampler as SamplingMethod)) {
      r.fail(
        'invalid_value',
        'optimization.sampler',
        `sampler must be one of ${SAMPLERS.join(', ')}`,
      );
    } else out.sampler = def.sampler as SamplingMethod;
  }
  return out;
}

/** Reads objectives: distinct metric names, a direction, an optional non-negative weight. */
export function readObjectives(r: Reader, value: unknown, path: string): Objective[] | undefined {
  const list = readArray(r, value, path, 100);
  if (!list) return undefined;
  const out: Objective[] = [];
  for (let i = 0; i < list.length; i++) {
    const itemPath = at(path, i);
    const def = readObject(r, list[i], itemPath, new Set(['metric', 'direction', 'weight']));
    if (!def) continue;
    const metric = readString(r, def.metric, at(itemPath, 'metric'), LIMITS.name);
    if (def.direction !== 'maximize' && def.direction !== 'minimize') {
      r.fail(
        'invalid_value',
        at(itemPath, 'direction'),
        'direction must be "maximize" or "minimize"',
      );
      continue;
    }
    if (metric === undefined) continue;
    if (out.some((o) => o.metric === metric)) {
      r.fail('duplicate_name', at(itemPath, 'metric'), `metric "${clip(metric)}" is listed twice`);
      continue;
    }
    const objective: Objective = { metric, direction: def.direction };
    if (def.weight !== undefined) {
      const weight = readNumber(r, def.weight, at(itemPath, 'weight'));
      if (weight !== undefined && weight < 0)
        r.fail('invalid_value', at(itemPath, 'weight'), 'weight must not be negative');
      else if (weight !== undefined) objective.weight = weight;
    }
    out.push(objective);
  }
  return out;
}

/** Throws unless `value` is a space (parsing it when it is a plain definition). */
export function asSpace(value: unknown): VariableSpace {
  if (typeof value === 'object' && value !== null && PARSED.has(value))
    return value as VariableSpace;
  return parseSpace(value);
}
