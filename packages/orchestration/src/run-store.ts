import { OrchestrationError } from './orchestration-error.js';
import type { RunPatch, RunRecord, RunStatus, StageRecord } from './run-record.js';

/** Filters and paging of {@link RunStore.listRuns}. */
export interface ListRunsFilter {
  status?: RunStatus;
  pipelineId?: string;
  /** At most this many (default 100). */
  limit?: number;
  /** Runs created after this run id's position (paging cursor). */
  after?: string;
}

/**
 * Where runs are checkpointed. The runner writes the run when it starts, each stage on every
 * transition (started, retried, succeeded, failed, skipped) and the run when it ends, awaiting
 * each write before going on, so what the store holds is never ahead of what happened. Writes are
 * per stage so a durable backend writes one row, not the whole run.
 */
export interface RunStore {
  createRun(run: RunRecord): Promise<void>;
  updateRun(runId: string, patch: RunPatch): Promise<void>;
  updateStage(runId: string, stage: StageRecord): Promise<void>;
  getRun(runId: string): Promise<RunRecord | undefined>;
  listRuns(filter?: ListRunsFilter): Promise<RunRecord[]>;
}

/**
 * A {@link RunStore} in memory, copying on every write and read, so it holds snapshots exactly
 * as a durable store would. Survives a runner that is abandoned or crashes: a new runner over
 * the same store resumes the run.
 *
 * @example
 * ```ts
 * const store = createInMemoryRunStore();
 * const runner = createRunner({ handlers, store });
 * ```
 */
export function createInMemoryRunStore(): RunStore {
  const runs = new Map<string, { run: RunRecord; stageIndex: Map<string, number> }>();

  function entryOrThrow(runId: string) {
    const entry = runs.get(runId);
    if (!entry) throw new OrchestrationError('RESOURCE_NOT_FOUND', `no run ${runId}`, { runId });
    return entry;
  }

  return {
    async createRun(run) {
      if (runs.has(run.runId))
        throw new OrchestrationError('CONFLICT', `run ${run.runId} already exists`, {
          runId: run.runId,
        });
      const copy = structuredClone(run);
      runs.set(run.runId, { run: copy, stageIndex: new Map(copy.stages.map((s, i) => [s.id, i])) });
    },
    async updateRun(runId, patch) {
      Object.assign(entryOrThrow(runId).run, structuredClone(patch));
    },
    async updateStage(runId, stage) {
      const entry = entryOrThrow(runId);
      const index = entry.stageIndex.get(stage.id);
      if (index === undefined)
        throw new OrchestrationError(
          'RESOURCE_NOT_FOUND',
          `run ${runId} has no stage ${stage.id}`,
          { runId, stageId: stage.id },
        );
      entry.run.stages[index] = copyStage(stage);
    },
    async getRun(runId) {
      const entry = runs.get(runId);
      return entry ? structuredClone(entry.run) : undefined;
    },
    async listRuns(filter = {}) {
      const limit = Math.min(Math.max(filter.limit ?? 100, 1), 1_000);
      const all = [...runs.values()].map((e) => e.run);
      let start = 0;
      if (filter.after !== undefined) {
        start = all.findIndex((r) => r.runId === filter.after) + 1;
        if (start === 0) {
          throw new OrchestrationError(
            'INVALID_INPUT',
            `paging cursor ${filter.after} is not a run`,
            { path: '/after' },
          );
        }
      }
      const out: RunRecord[] = [];
      for (let i = start; i < all.length && out.length < limit; i++) {
        const run = all[i]!;
        if (filter.status && run.status !== filter.status) continue;
        if (filter.pipelineId && run.pipelineId !== filter.pipelineId) continue;
        out.push(structuredClone(run));
      }
      return out;
    },
  };
}

/** Copies a stage record; outputs are copied only when they are objects (primitives are immutable). */
function copyStage(stage: StageRecord): StageRecord {
  const copy = { ...stage };
  if (copy.output !== null && typeof copy.output === 'object')
    copy.output = structuredClone(copy.output);
  if (copy.error) copy.error = structuredClone(copy.error);
  return copy;
}
