import type { ErrorInfo } from './orchestration-error.js';
import type { RunStatus } from './run-record.js';

/** What observers see of a run, in order. */
export type RunEvent =
  | { type: 'run_started'; runId: string; pipelineId: string; resumed: boolean; timestamp: number }
  | { type: 'stage_started'; runId: string; stageId: string; attempt: number; timestamp: number }
  | {
      type: 'stage_succeeded';
      runId: string;
      stageId: string;
      attempt: number;
      usedFallback: boolean;
      timestamp: number;
    }
  | {
      type: 'stage_retried';
      runId: string;
      stageId: string;
      attempt: number;
      delayMs: number;
      error: ErrorInfo;
      timestamp: number;
    }
  | {
      type: 'stage_failed';
      runId: string;
      stageId: string;
      attempt: number;
      error: ErrorInfo;
      timestamp: number;
    }
  | { type: 'stage_skipped'; runId: string; stageId: string; because: string; timestamp: number }
  | {
      type: 'run_finished';
      runId: string;
      status: RunStatus;
      error?: ErrorInfo;
      timestamp: number;
    };

/** A push-to-pull queue of events: the runner pushes, any number of iterators pull. */
export interface EventChannel<T> {
  push(event: T): void;
  close(): void;
  /** An iterator over events pushed from now on, ending when the channel closes. */
  subscribe(): AsyncIterableIterator<T>;
}

/**
 * Creates an {@link EventChannel}. Each subscriber buffers what it has not read yet; events are
 * bounded by the run's stages and attempts, so the buffer is too.
 */
export function createEventChannel<T>(): EventChannel<T> {
  const subscribers = new Set<{ buffer: T[]; wake?: () => void }>();
  let closed = false;
  return {
    push(event) {
      for (const s of subscribers) {
        s.buffer.push(event);
        s.wake?.();
      }
    },
    close() {
      closed = true;
      for (const s of subscribers) s.wake?.();
    },
    subscribe() {
      const sub: { buffer: T[]; wake?: () => void } = { buffer: [] };
      subscribers.add(sub);
      let head = 0;
      const iterator: AsyncIterableIterator<T> = {
        async next() {
          while (head >= sub.buffer.length) {
            if (closed) {
              subscribers.delete(sub);
              return { done: true, value: undefined };
            }
            await new Promise<void>((resolve) => {
              sub.wake = resolve;
            });
            sub.wake = undefined;
          }
          const value = sub.buffer[head++]!;
          if (head > 1024 && head * 2 > sub.buffer.length) {
            sub.buffer = sub.buffer.slice(head);
            head = 0;
          }
          return { done: false, value };
        },
        async return() {
          subscribers.delete(sub);
          return { done: true, value: undefined };
        },
        [Symbol.asyncIterator]() {
          return iterator;
        },
      };
      return iterator;
    },
  };
}
