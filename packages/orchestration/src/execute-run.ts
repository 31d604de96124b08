import type { Clock } from './clock.js';
import type { HandlerRegistry } from './handler-registry.js';
import { type ErrorInfo, OrchestrationError, toErrorInfo } from './orchestration-error.js';
import { planStages } from './plan-stages.js';
import type { PreparedPipeline } from './prepare-pipeline.js';
import type { RunEvent } from './run-event.js';
import type { RunRecord } from './run-record.js';
import type { RunStore } from './run-store.js';
import { scheduleStages } from './schedule-stages.js';
import type { SchemaResolver } from './schema-resolver.js';

/** Everything one run needs. */
export interface ExecuteRunInput {
  record: RunRecord;
  prepared: PreparedPipeline;
  resumed: boolean;
  store: RunStore;
  clock: Clock;
  resolver: SchemaResolver;
  handlers: HandlerRegistry;
  emit: (event: RunEvent) => void;
  signal?: AbortSignal;
}

/**
 * Drives a run from started to finished: resolves stages, arms the run timeout and
 * cancellation, schedules the stages and writes the outcome. The run's `output` is the output of
 * its last stage, or, when several stages end the graph, their outputs merged by stage id.
 */
export async function executeRun(input: ExecuteRunInput): Promise<RunRecord> {
  const { record, prepared, store, clock, emit } = input;
  const { pipeline, graph } = prepared;
  const runId = record.runId;
  emit({
    type: 'run_started',
    runId,
    pipelineId: pipeline.id,
    resumed: input.resumed,
    timestamp: clock.now(),
  });

  const controller = new AbortController();
  let stopError: unknown;
  const timer = setTimeout(() => {
    controller.abort(
      new OrchestrationError(
        'RUN_TIMEOUT',
        `run ${runId} timed out after ${pipeline.timeout_ms} ms`,
        { runId, timeoutMs: pipeline.timeout_ms },
      ),
    );
  }, pipeline.timeout_ms);
  const onCancel = () => {
    controller.abort(
      new OrchestrationError(
        'CANCELLED',
        `run ${runId} was cancelled`,
        { runId },
        { cause: input.signal?.reason },
      ),
    );
  };
  if (input.signal?.aborted) onCancel();
  else input.signal?.addEventListener('abort', onCancel, { once: true });

  try {
    let failed: number[] = [];
    let planError: unknown;
    let plans: Awaited<ReturnType<typeof planStages>> | undefined;
    try {
      plans = await planStages(pipeline, input.handlers, input.resolver);
    } catch (error) {
      // A stage that cannot be planned (unknown handler, missing or broken schema) fails the run
      // up front, before any stage runs.
      planError = error;
    }
    if (plans) {
      // Store failures propagate: the run stays as last written, to be resumed.
      failed = await scheduleStages({
        run: record,
        graph,
        plans,
        store,
        clock,
        resolver: input.resolver,
        signal: controller.signal,
        emit,
        stop: (error) => {
          stopError = error;
          controller.abort(
            new OrchestrationError('CANCELLED', `run ${runId} stopped: a stage failed`, { runId }),
          );
        },
      });
    }

    let status: RunRecord['status'] = 'succeeded';
    let error: ErrorInfo | undefined;
    if (planError) {
      status = 'failed';
      error = toErrorInfo(planError);
    } else if (stopError !== undefined) {
      status = 'failed';
      error = toErrorInfo(stopError);
    } else if (controller.signal.aborted) {
      const reason = controller.signal.reason as OrchestrationError;
      status = reason.code === 'CANCELLED' ? 'cancelled' : 'failed';
      error = toErrorInfo(reason);
    } else if (failed.length > 0) {
      status = 'failed';
      const ids = failed.map((i) => record.stages[i]!.id);
      const first = record.stages[failed[0]!]!.error!;
      error = {
        type: first.type,
        message: `stages failed: ${ids.join(', ')}; first: ${first.message}`,
        details: { failedStages: ids },
      };
    }
    const finishedAt = clock.now();
    Object.assign(record, { status, updatedAt: finishedAt, finishedAt, error });
    if (status === 'succeeded') record.output = runOutput(record, graph.successors, graph.ids);
    await store.updateRun(runId, {
      status,
      error,
      output: record.output,
      updatedAt: finishedAt,
      finishedAt,
    });
    emit({
      type: 'run_finished',
      runId,
      status,
      ...(error ? { error } : {}),
      timestamp: finishedAt,
    });
    return record;
  } finally {
    clearTimeout(timer);
    input.signal?.removeEventListener('abort', onCancel);
  }
}

function runOutput(record: RunRecord, successors: number[][], ids: string[]): unknown {
  const sinks: number[] = [];
  for (let i = 0; i < successors.length; i++) if (successors[i]!.length === 0) sinks.push(i);
  if (sinks.length === 1) return record.stages[sinks[0]!]!.output;
  const merged: Record<string, unknown> = {};
  for (const i of sinks) merged[ids[i]!] = record.stages[i]!.output;
  return merged;
}
