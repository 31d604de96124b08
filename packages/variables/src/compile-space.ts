import { INVALID } from './compile-domain.js';
import { type CompiledNodes, compileNodes, resolveDomain } from './compile-nodes.js';
import { clip, typeName } from './create-reader.js';
import { LIMITS } from './limits.js';
import { asSpace } from './parse-space.js';
import type { VariableSpace } from './space.js';
import { guard, type VariableSpaceIssue } from './variable-space-error.js';

/** A configuration: variable name -> value (composites are nested objects). */
export type Configuration = Record<string, unknown>;

/** The outcome of validating a configuration. */
export type ValidationResult =
  | { valid: true; config: Configuration; issues: [] }
  | { valid: false; config?: undefined; issues: VariableSpaceIssue[] };

/** A space compiled for fast, repeated validation. */
export interface CompiledSpace {
  readonly space: VariableSpace;
  /** @internal Shared with the sampler. */
  readonly compiled: CompiledNodes;
  /** Checks a configuration, reporting all problems at once; fills defaults and normalises when valid. */
  validate(config: unknown): ValidationResult;
}

const CACHE = new WeakMap<VariableSpace, CompiledSpace>();

/**
 * Compiles a space (or validates and compiles a raw definition) into a reusable validator.
 * Parsed spaces are frozen, so the result is cached per space.
 *
 * @example
 * const validator = compileSpace(space);
 * const result = validator.validate({ provider: 'groq', temperature: 0.3 });
 * if (result.valid) use(result.config); else console.log(result.issues);
 */
export function compileSpace(space: VariableSpace | unknown): CompiledSpace {
  const parsed = asSpace(space);
  const cached = CACHE.get(parsed);
  if (cached) return cached;
  const compiled = guard('compileSpace', () => compileNodes(parsed));
  const result: CompiledSpace = { space: parsed, compiled, validate: createValidator(compiled) };
  CACHE.set(parsed, result);
  return result;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function push(issues: VariableSpaceIssue[], issue: VariableSpaceIssue): void {
  if (issues.length < LIMITS.issues) issues.push(issue);
}

function unknownKeys(
  raw: Record<string, unknown>,
  members: Set<string>,
  prefix: string,
  issues: VariableSpaceIssue[],
): void {
  for (const key in raw) {
    if (members.has(key) || !Object.hasOwn(raw, key)) continue;
    const path = prefix ? `${prefix}.${clip(key)}` : clip(key);
    push(issues, {
      code: 'unknown_variable',
      path,
      message: `"${path}" is not a variable of this space`,
      rule: 'known variables',
    });
    if (issues.length >= LIMITS.issues) return;
  }
}

function createValidator(compiled: CompiledNodes): (config: unknown) => ValidationResult {
  const { nodes, constraints, rootMembers } = compiled;
  const n = nodes.length;
  // Reused between calls: validation is synchronous and never calls back into user code.
  const active = new Uint8Array(n);
  const valid = new Uint8Array(n);
  const raws: unknown[] = new Array(n);
  const outs: (Record<string, unknown> | undefined)[] = new Array(n);

  function run(config: unknown): ValidationResult {
    const issues: VariableSpaceIssue[] = [];
    if (!isObject(config)) {
      issues.push({
        code: 'invalid_type',
        path: '',
        message: `a configuration must be an object, got ${typeName(config)}`,
        rule: 'object',
      });
      return { valid: false, issues };
    }
    unknownKeys(config, rootMembers, '', issues);
    const out: Configuration = {};
    for (let i = 0; i < n; i++) {
      const node = nodes[i]!;
      const parent = node.parent;
      // raws and outs keep stale entries from earlier calls; they are only read for active parents.
      active[i] = 0;
      valid[i] = 0;
      if (parent >= 0 && !active[parent]) continue;
      const rawParent = parent >= 0 ? raws[parent] : config;
      const raw =
        isObject(rawParent) && Object.hasOwn(rawParent, node.key) ? rawParent[node.key] : undefined;
      const target = parent >= 0 ? outs[parent]! : out;
      let depsActive = true;
      const deps = node.deps;
      for (let k = 0; k < deps.length; k++) if (!active[deps[k]!]) depsActive = false;
      if (!depsActive || (node.activeWhen !== undefined && !node.activeWhen(out))) {
        if (raw !== undefined) {
          push(
            issues,
            depsActive
              ? {
                  code: 'inactive_variable',
                  path: node.path,
                  message: 'is set but not active for this configuration',
                  rule: 'activeWhen',
                }
              : {
                  code: 'dependency_inactive',
                  path: node.path,
                  message: 'is set but a variable it depends on is inactive',
                  rule: 'dependencies',
                },
          );
        }
        continue;
      }
      active[i] = 1;
      raws[i] = raw;
      if (node.members) {
        if (raw !== undefined && !isObject(raw)) {
          push(issues, {
            code: 'invalid_type',
            path: node.path,
            message: `expected an object, got ${typeName(raw)}`,
            rule: 'object',
          });
        } else if (raw !== undefined) unknownKeys(raw, node.members, node.path, issues);
        const child: Record<string, unknown> = {};
        target[node.key] = child;
        outs[i] = child;
        valid[i] = 1;
        continue;
      }
      const domain = node.cases.length > 0 ? resolveDomain(node, out) : node.domain!;
      const value =
        raw === undefined ? domain.domain.default : domain.check(raw, issues, node.path);
      if (value === INVALID) continue;
      target[node.key] = value;
      valid[i] = 1;
    }
    for (const constraint of constraints) {
      let applies = true;
      for (const r of constraint.reads) if (!valid[r]) applies = false;
      if (applies && !constraint.test(out)) {
        push(issues, {
          code: 'constraint_violated',
          path: constraint.path,
          message: constraint.message,
          rule: constraint.name,
        });
      }
    }
    if (issues.length > 0) return { valid: false, issues };
    return { valid: true, config: out, issues: [] };
  }

  return (config) => {
    try {
      return run(config);
    } catch (error) {
      // Only hostile input gets here (throwing getters, proxies); keep the hot path closure-free.
      return guard('validateConfiguration', () => {
        throw error;
      });
    }
  };
}
