import { OrchestrationError } from './orchestration-error.js';

/** The kinds of process the orchestrator tracks. */
export const PROCESS_TYPES = Object.freeze([
  'program',
  'pipeline',
  'optimization',
  'evaluation',
] as const);
/** A process kind, see {@link PROCESS_TYPES}. */
export type ProcessType = (typeof PROCESS_TYPES)[number];

/** Lifecycle statuses of a process. */
export const PROCESS_STATUSES = Object.freeze([
  'starting',
  'running',
  'paused',
  'completed',
  'failed',
] as const);
/** A process status, see {@link PROCESS_STATUSES}. */
export type ProcessStatus = (typeof PROCESS_STATUSES)[number];

/**
 * The transition table. `completed` is final; `failed -> starting` is the only way back, so a
 * restart is an explicit, versioned step rather than a silent status rewrite.
 */
export const PROCESS_TRANSITIONS: Readonly<Record<ProcessStatus, readonly ProcessStatus[]>> =
  Object.freeze({
    starting: Object.freeze(['running', 'failed'] as const),
    running: Object.freeze(['paused', 'completed', 'failed'] as const),
    paused: Object.freeze(['running', 'completed', 'failed'] as const),
    failed: Object.freeze(['starting'] as const),
    completed: Object.freeze([] as const),
  });

/** A tracked process. `version` starts at 1 and grows by one on every transition. */
export interface Process {
  id: string;
  type: ProcessType;
  status: ProcessStatus;
  state: Record<string, unknown>;
  metadata: Record<string, unknown>;
  /** Epoch milliseconds of the last change. */
  updatedAt: number;
  version: number;
}

/** A requested transition: the target and the version the caller last saw. */
export interface TransitionRequest {
  to: ProcessStatus;
  expectedVersion: number;
  /** Replaces the state data when given. */
  state?: Record<string, unknown>;
}

/** True when `value` is a {@link ProcessStatus}. */
export function isProcessStatus(value: unknown): value is ProcessStatus {
  return typeof value === 'string' && (PROCESS_STATUSES as readonly string[]).includes(value);
}

/** True when `value` is a {@link ProcessType}. */
export function isProcessType(value: unknown): value is ProcessType {
  return typeof value === 'string' && (PROCESS_TYPES as readonly string[]).includes(value);
}

/**
 * Applies a transition and returns the new process (the input is not changed). A stale
 * `expectedVersion` throws `CONFLICT`; a transition the table forbids throws
 * `ILLEGAL_TRANSITION` naming the allowed targets.
 *
 * @example
 * ```ts
 * const next = transitionProcess(p, { to: 'running', expectedVersion: p.version }, Date.now());
 * next.version === p.version + 1; // true
 * ```
 */
export function transitionProcess(
  process: Process,
  request: TransitionRequest,
  now: number,
): Process {
  if (!isProcessStatus(request.to)) {
    throw new OrchestrationError('INVALID_INPUT', `unknown status ${JSON.stringify(request.to)}`, {
      path: '/to',
      allowed: [...PROCESS_STATUSES],
    });
  }
  if (request.expectedVersion !== process.version) {
    throw new OrchestrationError(
      'CONFLICT',
      `process ${process.id} is at version ${process.version}, not ${request.expectedVersion}`,
      {
        processId: process.id,
        currentVersion: process.version,
        expectedVersion: request.expectedVersion,
      },
    );
  }
  const allowed = PROCESS_TRANSITIONS[process.status];
  if (!allowed.includes(request.to)) {
    const list = allowed.length ? allowed.join(', ') : 'none (completed is final)';
    throw new OrchestrationError(
      'ILLEGAL_TRANSITION',
      `process ${process.id} cannot go from ${process.status} to ${request.to}; allowed: ${list}`,
      { processId: process.id, from: process.status, to: request.to, allowed: [...allowed] },
    );
  }
  return {
    ...process,
    status: request.to,
    state: request.state ?? process.state,
    updatedAt: now,
    version: process.version + 1,
  };
}
