import type { Clock } from './clock.js';
import { executeStage, type StagePlan } from './execute-stage.js';
import { toErrorInfo } from './orchestration-error.js';
import type { RunEvent } from './run-event.js';
import type { RunRecord, StageRecord } from './run-record.js';
import type { RunStore } from './run-store.js';
import type { SchemaResolver } from './schema-resolver.js';
import type { StageGraph } from './stage-graph.js';

/** What {@link scheduleStages} needs from the run around it. */
export interface ScheduleContext {
  run: RunRecord;
  graph: StageGraph;
  plans: StagePlan[];
  store: RunStore;
  clock: Clock;
  resolver: SchemaResolver;
  signal: AbortSignal;
  /** Stops the run (aborting stages in flight) because a stage failed and the mode is not `continue`. */
  stop: (error: unknown) => void;
  emit: (event: RunEvent) => void;
}

/**
 * Runs the stages that are not finished yet, in topological order, at most `concurrency` at a
 * time (1 for sequential): a stage becomes ready when every stage it connects from has
 * succeeded. Each transition is written to the store before the run goes on. Resolves with the
 * indexes of stages that failed; rejects only when the store fails (the run is then left as
 * the store last saw it, to be resumed).
 */
export function scheduleStages(ctx: ScheduleContext): Promise<number[]> {
  const { run, graph, plans, store, clock, signal } = ctx;
  const records = run.stages;
  const mode = run.pipeline.error_handling;
  const concurrency = run.pipeline.concurrency;
  const waiting = new Int32Array(records.length);
  for (let i = 0; i < records.length; i++) {
    for (const p of graph.predecessors[i]!) if (records[p]!.status !== 'succeeded') waiting[i]!++;
  }
  const ready: number[] = [];
  for (const i of graph.order) if (isOpen(records[i]!) && waiting[i] === 0) ready.push(i);
  const failed: number[] = [];
  let head = 0;
  let running = 0;
  let stopped = false;

  function inputOf(i: number): unknown {
    const preds = graph.predecessors[i]!;
    if (preds.length === 0) return run.input;
    if (preds.length === 1) return records[preds[0]!]!.output;
    const merged: Record<string, unknown> = {};
    for (const p of preds) merged[graph.ids[p]!] = records[p]!.output;
    return merged;
  }

  async function runOne(i: number): Promise<void> {
    const rec = records[i]!;
    const stageId = rec.id;
    const outcome = await executeStage(plans[i]!, inputOf(i), {
      runId: run.runId,
      signal,
      clock,
      resolver: ctx.resolver,
      previousAttempts: rec.attempts,
      onAttempt: async (attempt) => {
        rec.status = 'running';
        rec.attempts = attempt;
        rec.startedAt ??= clock.now();
        await store.updateStage(run.runId, rec);
        ctx.emit({
          type: 'stage_started',
          runId: run.runId,
          stageId,
          attempt,
          timestamp: clock.now(),
        });
      },
      onRetry: async (attempt, delayMs, error) => {
        rec.error = toErrorInfo(error);
        await store.updateStage(run.runId, rec);
        ctx.emit({
          type: 'stage_retried',
          runId: run.runId,
          stageId,
          attempt,
          delayMs,
          error: rec.error,
          timestamp: clock.now(),
        });
      },
    });
    rec.finishedAt = clock.now();
    if (outcome.ok) {
      rec.status = 'succeeded';
      rec.output = outcome.output;
      rec.error = undefined;
      if (outcome.usedFallback) rec.usedFallback = true;
      await store.updateStage(run.runId, rec);
      ctx.emit({
        type: 'stage_succeeded',
        runId: run.runId,
        stageId,
        attempt: outcome.attempt,
        usedFallback: outcome.usedFallback,
        timestamp: rec.finishedAt,
      });
      for (const s of graph.successors[i]!)
        if (--waiting[s]! === 0 && isOpen(records[s]!)) ready.push(s);
      return;
    }
    rec.status = 'failed';
    rec.error = toErrorInfo(outcome.error);
    await store.updateStage(run.runId, rec);
    ctx.emit({
      type: 'stage_failed',
      runId: run.runId,
      stageId,
      attempt: outcome.attempt,
      error: rec.error,
      timestamp: rec.finishedAt,
    });
    failed.push(i);
    if (signal.aborted) {
      // The run is already over (timeout, cancellation, another stage's stop): not this stage's fault.
      stopped = true;
    } else if (mode === 'continue') {
      await skipDependants(i);
    } else if (!stopped) {
      stopped = true;
      ctx.stop(outcome.error);
    }
  }

  /** Marks every stage downstream of `from` skipped: they can never get their input. */
  async function skipDependants(from: number): Promise<void> {
    const stack = [...graph.successors[from]!];
    while (stack.length > 0) {
      const s = stack.pop()!;
      const rec = records[s]!;
      if (rec.status === 'skipped') continue;
      rec.status = 'skipped';
      await store.updateStage(run.runId, rec);
      ctx.emit({
        type: 'stage_skipped',
        runId: run.runId,
        stageId: rec.id,
        because: records[from]!.id,
        timestamp: clock.now(),
      });
      stack.push(...graph.successors[s]!);
    }
  }

  return new Promise((resolve, reject) => {
    const pump = () => {
      while (!stopped && running < concurrency && head < ready.length) {
        if (signal.aborted) {
          stopped = true;
          break;
        }
        const i = ready[head++]!;
        running++;
        runOne(i).then(
          () => {
            running--;
            pump();
          },
          (error) => {
            stopped = true;
            reject(error);
          },
        );
      }
      if (running === 0 && (stopped || head >= ready.length)) resolve(failed);
    };
    pump();
  });
}

function isOpen(rec: StageRecord): boolean {
  return rec.status === 'pending' || rec.status === 'running';
}
