import { describe, expect, it } from 'vitest';
import { pipeline, recordingHandlers } from '../test/fixtures.js';
import { createVirtualClock } from './clock.js';
import { createRunner } from './create-runner.js';
import type { RunEvent } from './run-event.js';

function flaky(failures: number, error: () => Error = () => new Error('flaky')) {
  let left = failures;
  return (input: unknown) => {
    if (left-- > 0) throw error();
    return input;
  };
}

describe('error handling', () => {
  it('stop: fails the run at the first failing stage and runs nothing after it', async () => {
    const { handlers, calls } = recordingHandlers();
    const runner = createRunner({ handlers });
    const run = await runner.run(
      pipeline(
        [
          { id: 'a', handler: 'echo' },
          { id: 'b', handler: 'fail' },
          { id: 'c', handler: 'echo' },
        ],
        [
          ['a', 'b'],
          ['b', 'c'],
        ],
      ),
      1,
    );
    expect(calls).toEqual(['a:1', 'b:1']);
    expect(run.status).toBe('failed');
    expect(run.error).toMatchObject({ type: 'BoomError', message: 'boom' });
    expect(run.stages.map((s) => s.status)).toEqual(['succeeded', 'failed', 'pending']);
  });

  it('stop under parallel: aborts the stages still in flight', async () => {
    const { handlers } = recordingHandlers();
    const runner = createRunner({ handlers });
    const run = await runner.run(
      pipeline(
        [
          { id: 'slow', handler: 'hang' },
          { id: 'bad', handler: 'fail' },
        ],
        [],
        { strategy: 'parallel', concurrency: 2 },
      ),
      1,
    );
    expect(run.status).toBe('failed');
    expect(run.error?.type).toBe('BoomError');
    expect(run.stages[0]).toMatchObject({ status: 'failed', error: { type: 'CANCELLED' } });
  });

  it('continue: marks the stage failed, skips its dependants and runs the rest', async () => {
    const { handlers, calls } = recordingHandlers();
    const events: RunEvent[] = [];
    const runner = createRunner({ handlers });
    const run = await runner.run(
      pipeline(
        [
          { id: 'bad', handler: 'fail' },
          { id: 'child', handler: 'echo' },
          { id: 'grandchild', handler: 'echo' },
          { id: 'other', handler: 'add' },
        ],
        [
          ['bad', 'child'],
          ['child', 'grandchild'],
        ],
        { error_handling: 'continue' },
      ),
      1,
      { onEvent: (e) => events.push(e) },
    );
    expect(calls).toEqual(['bad:1', 'other:1']);
    expect(run.stages.map((s) => [s.id, s.status])).toEqual([
      ['bad', 'failed'],
      ['child', 'skipped'],
      ['grandchild', 'skipped'],
      ['other', 'succeeded'],
    ]);
    expect(run.status).toBe('failed');
    expect(run.error).toMatchObject({ details: { failedStages: ['bad'] } });
    expect(events.filter((e) => e.type === 'stage_skipped')).toEqual([
      expect.objectContaining({ stageId: 'child', because: 'bad' }),
      expect.objectContaining({ stageId: 'grandchild', because: 'bad' }),
    ]);
  });

  it('continue under parallel: a join whose one input failed is skipped, the other branch finishes', async () => {
    const { handlers, calls } = recordingHandlers();
    const runner = createRunner({ handlers });
    const run = await runner.run(
      pipeline(
        [
          { id: 'left', handler: 'fail' },
          { id: 'right', handler: 'add' },
          { id: 'join', handler: 'echo' },
          { id: 'after-right', handler: 'add' },
        ],
        [
          ['left', 'join'],
          ['right', 'join'],
          ['right', 'after-right'],
        ],
        { strategy: 'parallel', concurrency: 2, error_handling: 'continue' },
      ),
      1,
    );
    expect(calls.sort()).toEqual(['after-right:1', 'left:1', 'right:1']);
    expect(Object.fromEntries(run.stages.map((s) => [s.id, s.status]))).toEqual({
      left: 'failed',
      right: 'succeeded',
      join: 'skipped',
      'after-right': 'succeeded',
    });
    expect(run.stages[3]!.output).toBe(3);
  });

  it('retry: follows the policy with exponential backoff on the injected clock', async () => {
    const clock = createVirtualClock(1_000);
    const { handlers, calls } = recordingHandlers({ flaky: flaky(3) });
    const events: RunEvent[] = [];
    const runner = createRunner({ handlers, clock });
    const run = await runner.run(
      pipeline([{ id: 'a', handler: 'flaky' }], [], {
        error_handling: 'retry',
        retry: {
          maxAttempts: 5,
          initialIntervalMs: 1_000,
          backoffCoefficient: 2,
          maximumIntervalMs: 3_000,
        },
      }),
      'x',
      { onEvent: (e) => events.push(e) },
    );
    expect(run).toMatchObject({ status: 'succeeded', output: 'x' });
    expect(calls).toEqual(['a:1', 'a:2', 'a:3', 'a:4']);
    expect(clock.sleeps).toEqual([1_000, 2_000, 3_000]);
    expect(
      events
        .filter((e) => e.type === 'stage_retried')
        .map((e) => (e as { delayMs: number }).delayMs),
    ).toEqual([1_000, 2_000, 3_000]);
    expect(run.stages[0]).toMatchObject({ attempts: 4, startedAt: 1_000, finishedAt: 7_000 });
    expect(run.stages[0]!.error).toBeUndefined();
  });

  it('retry: unlimited attempts (maxAttempts 0) end at the run timeout, even on a virtual clock', async () => {
    const { handlers, calls } = recordingHandlers();
    const runner = createRunner({ handlers, clock: createVirtualClock() });
    const run = await runner.run(
      pipeline(
        [{ id: 'a', handler: 'fail', retry: { maxAttempts: 0, initialIntervalMs: 1 } }],
        [],
        { timeout_ms: 1_000 },
      ),
      1,
    );
    expect(run).toMatchObject({ status: 'failed', error: { type: 'RUN_TIMEOUT' } });
    expect(calls.length).toBeGreaterThan(1);
  });

  it('retry: gives up after maxAttempts and fails with the last error', async () => {
    const clock = createVirtualClock();
    const { handlers, calls } = recordingHandlers();
    const runner = createRunner({ handlers, clock });
    const run = await runner.run(
      pipeline([{ id: 'a', handler: 'fail', retry: { maxAttempts: 3, initialIntervalMs: 10 } }]),
      1,
    );
    expect(calls).toEqual(['a:1', 'a:2', 'a:3']);
    expect(clock.sleeps).toEqual([10, 20]);
    expect(run.stages[0]).toMatchObject({
      status: 'failed',
      attempts: 3,
      error: { type: 'BoomError' },
    });
  });

  it('retry: never retries an error type the policy names, matched exactly', async () => {
    const clock = createVirtualClock();
    const { handlers, calls } = recordingHandlers();
    const runner = createRunner({ handlers, clock });
    const run = await runner.run(
      pipeline([
        {
          id: 'a',
          handler: 'fail',
          retry: { maxAttempts: 5, nonRetryableErrorTypes: ['BoomError'] },
        },
      ]),
      1,
    );
    expect(calls).toEqual(['a:1']);
    expect(run.status).toBe('failed');
    const partial = await runner.run(
      pipeline([
        { id: 'a', handler: 'fail', retry: { maxAttempts: 2, nonRetryableErrorTypes: ['Boom'] } },
      ]),
      1,
    );
    expect(partial.stages[0]!.attempts).toBe(2);
  });

  it('fallback: runs the fallback handler with its own config once retries are spent', async () => {
    const clock = createVirtualClock();
    const { handlers, calls } = recordingHandlers();
    const runner = createRunner({ handlers, clock });
    const run = await runner.run(
      pipeline(
        [
          {
            id: 'a',
            handler: 'fail',
            retry: { maxAttempts: 2, initialIntervalMs: 5 },
            fallback: { handler: 'add', config: { n: 40 } },
          },
        ],
        [],
        { error_handling: 'fallback' },
      ),
      2,
    );
    expect(calls).toEqual(['a:1', 'a:2', 'a:2']);
    expect(run).toMatchObject({ status: 'succeeded', output: 42 });
    expect(run.stages[0]).toMatchObject({ status: 'succeeded', usedFallback: true });
  });

  it('fallback: fails the stage when the fallback fails too', async () => {
    const { handlers } = recordingHandlers();
    const runner = createRunner({ handlers });
    const run = await runner.run(
      pipeline([{ id: 'a', handler: 'fail', fallback: 'fail' }], [], {
        error_handling: 'fallback',
      }),
      1,
    );
    expect(run.status).toBe('failed');
    expect(run.stages[0]!.usedFallback).toBeUndefined();
  });
});

describe('timeouts and cancellation', () => {
  it('aborts an attempt at the stage timeout, with the signal reaching the handler, and retries it', async () => {
    let abortedWith: unknown;
    const { handlers, calls } = recordingHandlers({
      slowOnce: (input, { signal, attempt }) =>
        attempt > 1
          ? input
          : new Promise((_, reject) =>
              signal.addEventListener('abort', () => {
                abortedWith = signal.reason;
                reject(signal.reason);
              }),
            ),
    });
    const runner = createRunner({ handlers, clock: createVirtualClock() });
    const run = await runner.run(
      pipeline([
        {
          id: 'a',
          handler: 'slowOnce',
          timeout_ms: 20,
          retry: { maxAttempts: 2, initialIntervalMs: 1 },
        },
      ]),
      'ok',
    );
    expect(abortedWith).toMatchObject({
      code: 'STAGE_TIMEOUT',
      details: { stageId: 'a', timeoutMs: 20, attempt: 1 },
    });
    expect(calls).toEqual(['a:1', 'a:2']);
    expect(run).toMatchObject({ status: 'succeeded', output: 'ok' });
  });

  it('moves on from a handler that ignores its signal once the stage times out', async () => {
    const { handlers } = recordingHandlers();
    const runner = createRunner({ handlers });
    const run = await runner.run(
      pipeline([{ id: 'a', handler: 'ignoreSignal', timeout_ms: 20 }]),
      1,
    );
    expect(run).toMatchObject({ status: 'failed', error: { type: 'STAGE_TIMEOUT' } });
  });

  it('fails the run at the overall timeout and does not retry past it', async () => {
    const { handlers, calls } = recordingHandlers();
    const runner = createRunner({ handlers });
    const run = await runner.run(
      pipeline([{ id: 'a', handler: 'hang', retry: { maxAttempts: 5 } }], [], {
        timeout_ms: 1_000,
      }),
      1,
    );
    expect(calls).toEqual(['a:1']);
    expect(run).toMatchObject({ status: 'failed', error: { type: 'RUN_TIMEOUT' } });
    expect(run.stages[0]).toMatchObject({ status: 'failed', error: { type: 'RUN_TIMEOUT' } });
  });

  it('cancels a run through its AbortSignal: the handler sees the abort, later stages do not run', async () => {
    const controller = new AbortController();
    const { handlers, calls } = recordingHandlers({
      cancelHere: (_input, { signal }) => {
        queueMicrotask(() => controller.abort('user pressed stop'));
        return new Promise((_, reject) =>
          signal.addEventListener('abort', () => reject(signal.reason)),
        );
      },
    });
    const runner = createRunner({ handlers });
    const run = await runner.run(
      pipeline(
        [
          { id: 'a', handler: 'cancelHere' },
          { id: 'b', handler: 'echo' },
        ],
        [['a', 'b']],
        { error_handling: 'continue' },
      ),
      1,
      { signal: controller.signal },
    );
    expect(calls).toEqual(['a:1']);
    expect(run).toMatchObject({ status: 'cancelled', error: { type: 'CANCELLED' } });
    expect(run.stages.map((s) => s.status)).toEqual(['failed', 'pending']);
    expect((await runner.store.getRun(run.runId))?.status).toBe('cancelled');
  });

  it('does not start a run whose signal is already aborted', async () => {
    const { handlers, calls } = recordingHandlers();
    const runner = createRunner({ handlers });
    const run = await runner.run(pipeline([{ id: 'a', handler: 'echo' }]), 1, {
      signal: AbortSignal.abort(),
    });
    expect(calls).toEqual([]);
    expect(run.status).toBe('cancelled');
  });
});
