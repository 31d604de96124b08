import { OrchestrationError } from './orchestration-error.js';
import {
  type Connection,
  ERROR_HANDLING_MODES,
  type ErrorHandlingMode,
  EXECUTION_STRATEGIES,
  type ExecutionStrategy,
  PIPELINE_LIMITS,
  type PipelineDefinition,
} from './pipeline-definition.js';
import { idMessage, isPipelineId } from './pipeline-id.js';
import type { PipelineProblem } from './pipeline-problem.js';
import { readRetryPolicy } from './retry-policy.js';
import { buildStageGraph, type StageGraph } from './stage-graph.js';
import { readStage } from './validate-stage.js';

/** Options of {@link validatePipeline}. */
export interface ValidatePipelineOptions {
  /** When given, stage and fallback handlers must be names it knows. */
  isKnownHandler?: (name: string) => boolean;
}

/** The outcome of {@link validatePipeline}. */
export type PipelineValidation =
  | { ok: true; pipeline: PipelineDefinition; graph: StageGraph }
  | { ok: false; problems: PipelineProblem[] };

const TOP_KEYS = new Set([
  'id',
  'version',
  'stages',
  'connections',
  'strategy',
  'concurrency',
  'error_handling',
  'timeout_ms',
  'retry',
]);

/**
 * Validates a pipeline definition given as JSON data and reports every problem with its JSON
 * Pointer and stage id: malformed fields, duplicate stage ids, dangling connections, cycles
 * (with the stage ids around them), unknown handlers, bad retry policies and timeouts. Work is
 * linear in the definition's size and refused outright past {@link PIPELINE_LIMITS}.
 *
 * @example
 * ```ts
 * const result = validatePipeline({
 *   id: 'answer',
 *   stages: [{ id: 'prompt', handler: 'json.transform', config: { expression: '{"q": question}' } },
 *            { id: 'call', handler: 'llm.chat' }],
 *   connections: [{ from: 'prompt', to: 'call' }],
 * });
 * if (!result.ok) console.log(result.problems); // [{ rule, path, message, stageId? }]
 * ```
 */
export function validatePipeline(
  value: unknown,
  options: ValidatePipelineOptions = {},
): PipelineValidation {
  const problems: PipelineProblem[] = [];
  const add = (
    rule: string,
    path: string,
    message: string,
    extra: Partial<PipelineProblem> = {},
  ) => {
    if (problems.length < PIPELINE_LIMITS.maxProblems)
      problems.push({ rule, path, message, ...extra });
  };
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      problems: [
        { rule: 'type', path: '', message: 'a pipeline definition must be a JSON object' },
      ],
    };
  }
  const v = value as Record<string, unknown>;
  for (const key of Object.keys(v)) {
    if (!TOP_KEYS.has(key))
      add('unknown_field', `/${key}`, `unknown field; allowed: ${[...TOP_KEYS].join(', ')}`);
  }
  if (!isPipelineId(v.id)) add('invalid_id', '/id', idMessage('pipeline id'));
  const version = v.version ?? 1;
  if (!Number.isInteger(version) || (version as number) < 1)
    add('type', '/version', 'version must be an integer >= 1');

  const strategy = (v.strategy ?? 'sequential') as ExecutionStrategy;
  if (!EXECUTION_STRATEGIES.includes(strategy))
    add('type', '/strategy', `strategy must be one of ${EXECUTION_STRATEGIES.join(', ')}`);
  const concurrency = v.concurrency ?? (strategy === 'parallel' ? 4 : 1);
  if (
    !Number.isInteger(concurrency) ||
    (concurrency as number) < 1 ||
    (concurrency as number) > PIPELINE_LIMITS.maxConcurrency
  ) {
    add(
      'type',
      '/concurrency',
      `concurrency must be an integer from 1 to ${PIPELINE_LIMITS.maxConcurrency}`,
    );
  } else if (strategy !== 'parallel' && concurrency !== 1) {
    add('type', '/concurrency', 'concurrency applies to the parallel strategy only');
  }
  const errorHandling = (v.error_handling ?? 'stop') as ErrorHandlingMode;
  if (!ERROR_HANDLING_MODES.includes(errorHandling)) {
    add(
      'type',
      '/error_handling',
      `error_handling must be one of ${ERROR_HANDLING_MODES.join(', ')}`,
    );
  }
  const timeout = v.timeout_ms ?? PIPELINE_LIMITS.defaultTimeoutMs;
  if (
    !Number.isInteger(timeout) ||
    (timeout as number) < PIPELINE_LIMITS.minTimeoutMs ||
    (timeout as number) > PIPELINE_LIMITS.maxTimeoutMs
  ) {
    add(
      'invalid_timeout',
      '/timeout_ms',
      `timeout_ms must be an integer from ${PIPELINE_LIMITS.minTimeoutMs} (1 s) to ${PIPELINE_LIMITS.maxTimeoutMs}`,
    );
  }
  const retry = v.retry === undefined ? undefined : readRetryPolicy(v.retry, '/retry', problems);

  if (!Array.isArray(v.stages) || v.stages.length === 0) {
    add('type', '/stages', 'stages must be a non-empty array');
    return { ok: false, problems };
  }
  if (v.stages.length > PIPELINE_LIMITS.maxStages) {
    add(
      'too_large',
      '/stages',
      `at most ${PIPELINE_LIMITS.maxStages} stages (got ${v.stages.length})`,
    );
    return { ok: false, problems };
  }
  const stages = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < v.stages.length && problems.length < PIPELINE_LIMITS.maxProblems; i++) {
    const raw = v.stages[i] as { id?: unknown } | null;
    const rawId = raw && typeof raw === 'object' && isPipelineId(raw.id) ? raw.id : undefined;
    // Ids are registered even for stages with other problems, so connections to them are not
    // also reported as dangling.
    if (rawId !== undefined) {
      const first = seen.get(rawId);
      if (first !== undefined) {
        add(
          'duplicate_stage',
          `/stages/${i}/id`,
          `stage id ${rawId} is already used by /stages/${first}`,
          { stageId: rawId },
        );
        continue;
      }
      seen.set(rawId, i);
    }
    const stage = readStage(raw, `/stages/${i}`, problems, options.isKnownHandler);
    if (!stage) continue;
    if (
      stage.timeout_ms !== undefined &&
      Number.isInteger(timeout) &&
      stage.timeout_ms > (timeout as number)
    ) {
      add(
        'invalid_timeout',
        `/stages/${i}/timeout_ms`,
        'a stage timeout cannot exceed the pipeline timeout',
        { stageId: stage.id },
      );
    }
    stages.push(stage);
  }

  const connections = readConnections(v.connections, seen, add);
  if (problems.length > 0 || !connections) return { ok: false, problems: capped(problems) };

  const graph = buildStageGraph(
    stages.map((s) => s.id),
    connections,
    PIPELINE_LIMITS.maxCyclesReported,
  );
  for (const cycle of graph.cycles) {
    add(
      'cycle',
      `/stages/${seen.get(cycle[0]!)}`,
      `connections form a cycle: ${cycle.join(' -> ')}`,
      { stageId: cycle[0], cycle },
    );
  }
  if (strategy === 'streaming' && graph.cycles.length === 0) checkChain(graph, add);
  if (problems.length > 0) return { ok: false, problems };

  const pipeline: PipelineDefinition = {
    id: v.id as string,
    version: version as number,
    stages,
    connections,
    strategy,
    concurrency: concurrency as number,
    error_handling: errorHandling,
    timeout_ms: timeout as number,
  };
  if (retry) pipeline.retry = retry;
  return { ok: true, pipeline, graph };
}

/**
 * Like {@link validatePipeline} but returns the pipeline or throws `INVALID_PIPELINE` with every
 * problem in `details.problems`.
 */
export function validatePipelineOrThrow(value: unknown, options: ValidatePipelineOptions = {}) {
  const result = validatePipeline(value, options);
  if (result.ok) return result;
  const first = result.problems[0]!;
  const more = result.problems.length > 1 ? ` (and ${result.problems.length - 1} more)` : '';
  throw new OrchestrationError(
    'INVALID_PIPELINE',
    `invalid pipeline: ${first.path}: ${first.message}${more}`,
    {
      problems: result.problems,
    },
  );
}

type Add = (rule: string, path: string, message: string, extra?: Partial<PipelineProblem>) => void;

function readConnections(
  value: unknown,
  stages: Map<string, number>,
  add: Add,
): Connection[] | undefined {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    add('type', '/connections', 'connections must be an array of { from, to }');
    return undefined;
  }
  if (value.length > PIPELINE_LIMITS.maxConnections) {
    add(
      'too_large',
      '/connections',
      `at most ${PIPELINE_LIMITS.maxConnections} connections (got ${value.length})`,
    );
    return undefined;
  }
  const connections: Connection[] = [];
  // Pairs as numbers (from × stages + to): hashing a number is far cheaper than a joined string.
  const pairs = new Set<number>();
  const n = stages.size;
  for (let i = 0; i < value.length; i++) {
    const c: unknown = value[i];
    const path = `/connections/${i}`;
    if (!c || typeof c !== 'object' || Array.isArray(c)) {
      add('type', path, 'a connection must be { from, to }');
      continue;
    }
    const { from, to } = c as Record<string, unknown>;
    for (const key in c) {
      if (key !== 'from' && key !== 'to')
        add('unknown_field', `${path}/${key}`, 'unknown field; allowed: from, to');
    }
    const f = typeof from === 'string' ? stages.get(from) : undefined;
    const t = typeof to === 'string' ? stages.get(to) : undefined;
    if (f === undefined) danglingEnd(add, path, 'from', from);
    if (t === undefined) danglingEnd(add, path, 'to', to);
    if (f === undefined || t === undefined) continue;
    if (f === t) {
      add('cycle', path, `stage ${from} connects to itself`, {
        stageId: from as string,
        cycle: [from as string, from as string],
      });
      continue;
    }
    const key = f * n + t;
    if (pairs.has(key)) {
      add('duplicate_connection', path, `connection ${from} -> ${to} is listed twice`, {
        stageId: to as string,
      });
      continue;
    }
    pairs.add(key);
    connections.push({ from: from as string, to: to as string });
  }
  return connections;
}

function danglingEnd(add: Add, path: string, side: 'from' | 'to', id: unknown) {
  const shown = typeof id === 'string' ? JSON.stringify(id.slice(0, 200)) : typeof id;
  const extra =
    typeof id === 'string' && id.length <= PIPELINE_LIMITS.maxIdLength ? { stageId: id } : {};
  add(
    'unknown_stage',
    `${path}/${side}`,
    `connection ${side} ${shown} is not a stage of this pipeline`,
    extra,
  );
}

/** Streaming passes each item down one chain, so every stage has at most one neighbour each way. */
function checkChain(graph: StageGraph, add: Add) {
  const heads = graph.predecessors.filter((p) => p.length === 0).length;
  graph.ids.forEach((id, i) => {
    if (graph.predecessors[i]!.length > 1 || graph.successors[i]!.length > 1) {
      add(
        'streaming_needs_chain',
        `/stages/${i}`,
        `streaming pipelines are a single chain; stage ${id} branches or joins`,
        { stageId: id },
      );
    }
  });
  if (heads > 1)
    add(
      'streaming_needs_chain',
      '/connections',
      `streaming pipelines are a single chain; found ${heads} first stages`,
    );
}

/** Stage readers push freely; the report is cut at the cap so a hostile definition stays small. */
function capped(problems: PipelineProblem[]): PipelineProblem[] {
  return problems.length > PIPELINE_LIMITS.maxProblems
    ? problems.slice(0, PIPELINE_LIMITS.maxProblems)
    : problems;
}
