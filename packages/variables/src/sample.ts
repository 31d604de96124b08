import { type CompiledNode, resolveDomain } from './compile-nodes.js';
import { type CompiledSpace, type Configuration, compileSpace } from './compile-space.js';
import { createRandom, type Random } from './create-random.js';
import { createReader, readNumber, readObject, readString } from './create-reader.js';
import { domainCardinality, sampleDomain } from './domain-values.js';
import { enumerateGrid } from './enumerate-grid.js';
import { LIMITS } from './limits.js';
import type { SamplingMethod, VariableSpace } from './space.js';
import { guard, VariableSpaceError } from './variable-space-error.js';

/** Options of {@link sample}. */
export interface SampleOptions {
  /** How many configurations to return (0..100,000). */
  count: number;
  /** Same seed, same configurations. Random when omitted. */
  seed?: number | string;
  /** `random` (default, or the space's `optimization.sampler`), `lhs` (Latin hypercube) or `grid`. */
  method?: SamplingMethod;
  /** Candidate draws allowed before giving up; defaults to max(1,000, 100 x count), at most 2,000,000. */
  maxDraws?: number;
}

const METHODS: SamplingMethod[] = ['random', 'lhs', 'grid'];
/** Latin hypercube keeps count x dimensions strata in memory; beyond this, use `random`. */
const LHS_CELLS = 5_000_000;
/** Draws after which a hopeless acceptance rate stops sampling early. */
const EARLY_CHECK = 10_000;
/** Redraws, inside its strata, of a rejected Latin hypercube row. */
const LHS_RETRIES = 20;

/** What {@link sampleWithReport} returns: the configurations and how they were drawn. */
export interface SampleReport {
  configurations: Configuration[];
  /** The seed used (the generated one when none was given), to reproduce the run. */
  seed: number | string;
  method: SamplingMethod;
  /** Candidates drawn (grid: configurations completed), so `configurations.length / draws` is the acceptance rate. */
  draws: number;
}

/**
 * Samples valid configurations: every result passes `validateConfiguration`. Draws violating a
 * constraint are rejected and redrawn; an infeasible space, or one whose constraints reject too
 * many draws, gives a clear error instead of a hang. `grid` enumerates in declaration order.
 *
 * @example
 * const configs = sample(space, { count: 100, seed: 42, method: 'lhs' });
 */
export function sample(space: VariableSpace, options: SampleOptions): Configuration[] {
  return sampleWithReport(space, options).configurations;
}

/**
 * Like {@link sample}, but also returns the seed, the method and the number of draws.
 *
 * @example
 * const { configurations, seed, draws } = sampleWithReport(space, { count: 100 });
 */
export function sampleWithReport(space: VariableSpace, options: SampleOptions): SampleReport {
  return guard('sample', () => {
    const compiled = compileSpace(space);
    const { count, seed, method, maxDraws } = readOptions(options, compiled.space);
    const report = (configurations: Configuration[], draws: number): SampleReport => ({
      configurations,
      seed,
      method,
      draws,
    });
    if (count === 0) return report([], 0);
    if (method === 'grid') {
      const results = enumerateGrid(compiled, { limit: count, maxSteps: maxDraws * 2 });
      if (results.length === 0) throw infeasible();
      return report(results, results.length);
    }
    const random = createRandom(seed);
    const { nodes } = compiled.compiled;
    const strata =
      method === 'lhs'
        ? latinHypercube(nodes.length, count, createRandom(`lhs:${seed}`))
        : undefined;
    const continuous = nodes.map((n) => !n.members && !isDiscrete(n));
    const results: Configuration[] = [];
    const rejections = new Map<string, number>();
    let draws = 0;
    let row = 0;
    let attempt = 0;
    while (results.length < count) {
      if (++draws > maxDraws) throw exhausted(compiled, results.length, draws - 1, rejections);
      // Fail fast when the acceptance rate seen so far cannot reach count within maxDraws.
      if (draws % 1_000 === 0 && draws >= EARLY_CHECK) {
        const projected = (draws / Math.max(results.length, 0.5)) * count;
        if (projected > maxDraws * 2) throw exhausted(compiled, results.length, draws, rejections);
      }
      const lhs = strata !== undefined && row < count;
      const r = row;
      // A Latin hypercube row rejected by a constraint is redrawn inside its continuous strata
      // (discrete values anew); a row that still fails is given up for later rows or random draws.
      const unit = !lhs
        ? random
        : attempt === 0
          ? (dim: number) => strata[dim]![r]!
          : attempt <= LHS_RETRIES
            ? (dim: number) =>
                continuous[dim]
                  ? (Math.floor(strata[dim]![r]! * count) + random()) / count
                  : random()
            : random;
      const result = compiled.validate(drawCandidate(compiled, unit));
      if (result.valid) results.push(result.config);
      else {
        for (const issue of result.issues) {
          const key = issue.rule ?? issue.code;
          rejections.set(key, (rejections.get(key) ?? 0) + 1);
        }
      }
      if (lhs && (result.valid || ++attempt > LHS_RETRIES)) {
        row++;
        attempt = 0;
      }
    }
    return report(results, draws);
  });
}

function drawCandidate(
  compiled: CompiledSpace,
  unit: Random | ((dim: number) => number),
): Configuration {
  const { nodes } = compiled.compiled;
  const active = new Uint8Array(nodes.length);
  const outs: (Record<string, unknown> | undefined)[] = new Array(nodes.length);
  const out: Configuration = {};
  for (const node of nodes) {
    if (node.parent >= 0 && !active[node.parent]) continue;
    if (node.deps.some((d) => !active[d])) continue;
    if (node.activeWhen && !node.activeWhen(out)) continue;
    active[node.index] = 1;
    const target = node.parent >= 0 ? outs[node.parent]! : out;
    if (node.members) {
      target[node.key] = outs[node.index] = {};
      continue;
    }
    const domain = resolveDomain(node, out);
    target[node.key] =
      node.variable.hints.tunable === false
        ? domain.domain.default
        : sampleDomain(domain, unit(node.index));
  }
  return out;
}

/** True when every branch of a non-composite node has finitely many values. */
export function isDiscrete(node: CompiledNode): boolean {
  return [node.domain!, ...node.cases.map((c) => c.domain)].every((d) =>
    Number.isFinite(domainCardinality(d)),
  );
}

function latinHypercube(dims: number, count: number, random: Random): Float64Array[] {
  if (dims * count > LHS_CELLS) {
    throw new VariableSpaceError(
      'invalid_options',
      'method',
      `lhs needs count x variables <= ${LHS_CELLS}; use method "random"`,
    );
  }
  const strata: Float64Array[] = [];
  for (let d = 0; d < dims; d++) {
    const column = new Float64Array(count);
    for (let i = 0; i < count; i++) column[i] = i;
    for (let i = count - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = column[i]!;
      column[i] = column[j]!;
      column[j] = t;
    }
    for (let i = 0; i < count; i++) column[i] = (column[i]! + random()) / count;
    strata.push(column);
  }
  return strata;
}

function infeasible(): VariableSpaceError {
  return new VariableSpaceError(
    'infeasible_space',
    '',
    'no configuration satisfies every constraint of this space',
  );
}

function exhausted(
  compiled: CompiledSpace,
  found: number,
  draws: number,
  rejections: Map<string, number>,
): VariableSpaceError {
  const discrete = compiled.compiled.nodes.every(
    (n) =>
      n.members ||
      [n.domain!, ...n.cases.map((c) => c.domain)].every((d) =>
        Number.isFinite(domainCardinality(d)),
      ),
  );
  if (discrete && found === 0) {
    const any = enumerateGrid(compiled, { limit: 1, maxSteps: LIMITS.sampleDraws });
    if (any.length === 0) return infeasible();
  }
  const worst = [...rejections].sort((a, b) => b[1] - a[1])[0];
  const blame = worst ? `; most rejections came from "${worst[0]}" (${worst[1]})` : '';
  return new VariableSpaceError(
    'too_many_rejections',
    '',
    `only ${found} valid configurations after ${draws} draws${blame}; the constraints may be infeasible or very tight`,
  );
}

function readOptions(
  options: SampleOptions,
  space: VariableSpace,
): Required<SampleOptions> & { seed: number | string } {
  const r = createReader();
  const def = readObject(r, options, 'options', new Set(['count', 'seed', 'method', 'maxDraws']));
  if (!def) return r.throwIfAny() as never;
  const count = readNumber(r, def.count, 'count');
  if (
    count !== undefined &&
    (!Number.isInteger(count) || count < 0 || count > LIMITS.sampleCount)
  ) {
    r.fail('invalid_options', 'count', `count must be an integer in [0, ${LIMITS.sampleCount}]`);
  }
  let seed: number | string = Math.floor(Math.random() * 0x100000000);
  if (typeof def.seed === 'string') seed = readString(r, def.seed, 'seed', LIMITS.name * 8) ?? 0;
  else if (def.seed !== undefined) seed = readNumber(r, def.seed, 'seed') ?? 0;
  const method = (def.method ?? space.optimization.sampler ?? 'random') as SamplingMethod;
  if (!METHODS.includes(method))
    r.fail('invalid_options', 'method', `method must be one of ${METHODS.join(', ')}`);
  const fallbackDraws = Math.min(LIMITS.sampleDraws, Math.max(1_000, (count ?? 0) * 100));
  const maxDraws =
    def.maxDraws === undefined ? fallbackDraws : readNumber(r, def.maxDraws, 'maxDraws');
  if (
    maxDraws !== undefined &&
    (!Number.isInteger(maxDraws) || maxDraws < 1 || maxDraws > LIMITS.sampleDraws)
  ) {
    r.fail(
      'invalid_options',
      'maxDraws',
      `maxDraws must be an integer in [1, ${LIMITS.sampleDraws}]`,
    );
  }
  r.throwIfAny();
  return { count: count!, seed, method, maxDraws: maxDraws! };
}
