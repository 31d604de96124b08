import type { ConfigProblem } from './handler-registry.js';
import { OrchestrationError } from './orchestration-error.js';
import {
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
import { checkChain, readConnections } from './validate-connections.js';
import { readStage } from './validate-stage.js';

/** Options of {@link validatePipeline}. */
export interface ValidatePipelineOptions {
  /** When given, stage and fallback handlers must be names it knows. */
  isKnownHandler?: (name: string) => boolean;
  /** When given, each stage's (and fallback's) config is checked; paths are under `config`. */
  checkHandlerConfig?: (handler: string, config: Record<string, unknown>) => ConfigProblem[];
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
    const stage = readStage(raw, `/stages/${i}`, problems, options);
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

/** Stage readers push freely; the report is cut at the cap so a hostile definition stays small. */
function capped(problems: PipelineProblem[]): PipelineProblem[] {
  return problems.length > PIPELINE_LIMITS.maxProblems
    ? problems.slice(0, PIPELINE_LIMITS.maxProblems)
    : problems;
}
