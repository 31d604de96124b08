import type { ErrorInfo } from './orchestration-error.js';
import type { PipelineDefinition } from './pipeline-definition.js';

/** Statuses of a run. A run left `running` in a store after a crash is resumable. */
export type RunStatus = 'running' | 'succeeded' | 'failed' | 'cancelled';

/** Statuses of a stage within a run. */
export type StageStatus = 'pending' | 'running' | 'succeeded' | 'failed' | 'skipped';

/** A stage's state: written to the store on every transition (its checkpoint). */
export interface StageRecord {
  id: string;
  status: StageStatus;
  /** Attempts started so far, across resumes. */
  attempts: number;
  startedAt?: number;
  finishedAt?: number;
  output?: unknown;
  error?: ErrorInfo;
  /** True when the output came from the stage's fallback handler. */
  usedFallback?: boolean;
}

/** A run: its pipeline snapshot, input, outcome and every stage's state. */
export interface RunRecord {
  runId: string;
  pipelineId: string;
  /** The definition the run executes, kept so a resume needs nothing else. */
  pipeline: PipelineDefinition;
  status: RunStatus;
  input: unknown;
  output?: unknown;
  error?: ErrorInfo;
  /** In definition order. */
  stages: StageRecord[];
  createdAt: number;
  updatedAt: number;
  finishedAt?: number;
}

/** The run-level fields a checkpoint may change. */
export type RunPatch = Partial<
  Pick<RunRecord, 'status' | 'output' | 'error' | 'updatedAt' | 'finishedAt'>
>;
