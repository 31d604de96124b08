import type { Clock } from './clock.js';
import { executeStage, type StagePlan } from './execute-stage.js';
import type { HandlerRegistry } from './handler-registry.js';
import { OrchestrationError, toErrorInfo } from './orchestration-error.js';
import { planStages } from './plan-stages.js';
import type { PreparedPipeline } from './prepare-pipeline.js';
import type { RunEvent } from './run-event.js';
import type { SchemaResolver } from './schema-resolver.js';

/** Options of a streaming run. */
export interface StreamOptions {
  runId?: string;
  /** Ends the stream: the item in flight sees its signal abort, and iteration throws `CANCELLED`. */
  signal?: AbortSignal;
  /** Under `continue`, called for each item a stage drops because it failed. */
  /** Run-level events (`run_started`, `stage_retried`, `stage_failed`, `run_finished`); none per successful item. */
  onEvent?: (event: RunEvent) => void;
  onItemFailed?: (failure: {
    stageId: string;
    index: number;
    error: ReturnType<typeof toErrorInfo>;
  }) => void;
}

/** What {@link streamPipeline} needs. */
export interface StreamPipelineInput {
  prepared: PreparedPipeline;
  items: Iterable<unknown> | AsyncIterable<unknown>;
  handlers: HandlerRegistry;
  resolver: SchemaResolver;
  clock: Clock;
  options: StreamOptions;
}

/**
 * Streams items through a chain of stages. Each stage is an async generator pulling from the one
 * before, so one item at a time is in flight per stage and nothing is read from the source
 * faster than the consumer takes results (backpressure). Every item goes through the stage's
 * checks, retries, timeout and fallback; a failure stops the stream (`stop`, `retry`,
 * `fallback` once those are spent) or drops the item (`continue`). Items are not checkpointed:
 * a streaming run is not resumable.
 */
export async function* streamPipeline(input: StreamPipelineInput): AsyncGenerator<unknown> {
  const { pipeline, graph } = input.prepared;
  if (pipeline.strategy !== 'streaming') {
    throw new OrchestrationError(
      'INVALID_PIPELINE',
      `pipeline ${pipeline.id} has strategy ${pipeline.strategy}; stream() needs streaming`,
      {
        pipelineId: pipeline.id,
      },
    );
  }
  const plans = await planStages(pipeline, input.handlers, input.resolver);
  const runId = input.options.runId ?? crypto.randomUUID();
  const controller = new AbortController();
  const onCancel = () =>
    controller.abort(
      new OrchestrationError('CANCELLED', `stream ${runId} was cancelled`, { runId }),
    );
  if (input.options.signal?.aborted) onCancel();
  else input.options.signal?.addEventListener('abort', onCancel, { once: true });
  let source: AsyncIterable<unknown> = toAsync(input.items);
  for (const i of graph.order)
    source = stageStream(plans[i]!, source, runId, controller.signal, input);
  const emit = input.options.onEvent ?? (() => {});
  emit({
    type: 'run_started',
    runId,
    pipelineId: pipeline.id,
    resumed: false,
    timestamp: input.clock.now(),
  });
  let status: 'succeeded' | 'failed' | 'cancelled' = 'succeeded';
  let error: ReturnType<typeof toErrorInfo> | undefined;
  try {
    yield* source;
  } catch (thrown) {
    error = toErrorInfo(thrown);
    status = error.type === 'CANCELLED' ? 'cancelled' : 'failed';
    throw thrown;
  } finally {
    input.options.signal?.removeEventListener('abort', onCancel);
    emit({
      type: 'run_finished',
      runId,
      status,
      ...(error ? { error } : {}),
      timestamp: input.clock.now(),
    });
  }
}

async function* stageStream(
  plan: StagePlan,
  source: AsyncIterable<unknown>,
  runId: string,
  signal: AbortSignal,
  input: StreamPipelineInput,
): AsyncGenerator<unknown> {
  const dropOnFailure = input.prepared.pipeline.error_handling === 'continue';
  const emit = input.options.onEvent;
  const stageId = plan.stage.id;
  const now = () => input.clock.now();
  const run = {
    runId,
    signal,
    clock: input.clock,
    resolver: input.resolver,
    onRetry: emit
      ? (attempt: number, delayMs: number, error: unknown) =>
          emit({
            type: 'stage_retried',
            runId,
            stageId,
            attempt,
            delayMs,
            error: toErrorInfo(error),
            timestamp: now(),
          })
      : undefined,
  };
  let index = 0;
  for await (const item of source) {
    if (signal.aborted) throw signal.reason;
    const outcome = await executeStage(plan, item, run);
    if (outcome.ok) {
      yield outcome.output;
    } else if (signal.aborted) {
      throw signal.reason;
    } else {
      const error = toErrorInfo(outcome.error);
      emit?.({
        type: 'stage_failed',
        runId,
        stageId,
        attempt: outcome.attempt,
        error,
        timestamp: now(),
      });
      if (!dropOnFailure) throw outcome.error;
      input.options.onItemFailed?.({ stageId, index, error });
    }
    index++;
  }
}

async function* toAsync(
  items: Iterable<unknown> | AsyncIterable<unknown>,
): AsyncGenerator<unknown> {
  yield* items;
}
