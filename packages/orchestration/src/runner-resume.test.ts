import { describe, expect, it } from 'vitest';
import { deferred, pipeline, recordingHandlers } from '../test/fixtures.js';
import { createVirtualClock } from './clock.js';
import { createRunner } from './create-runner.js';
import type { RunRecord } from './run-record.js';
import { createInMemoryRunStore, type RunStore } from './run-store.js';

const chain = pipeline(
  [
    { id: 'a', handler: 'add', config: { n: 1 } },
    { id: 'b', handler: 'step', retry: { maxAttempts: 3, initialIntervalMs: 100 } },
    { id: 'c', handler: 'add', config: { n: 100 } },
  ],
  [
    ['a', 'b'],
    ['b', 'c'],
  ],
);

/** A store that records every checkpoint, to check nothing is lost between transitions. */
function spyStore(inner: RunStore) {
  const writes: string[] = [];
  const store: RunStore = {
    ...inner,
    async createRun(run) {
      writes.push('run:running');
      await inner.createRun(run);
    },
    async updateRun(runId, patch) {
      writes.push(`run:${patch.status}`);
      await inner.updateRun(runId, patch);
    },
    async updateStage(runId, stage) {
      writes.push(`${stage.id}:${stage.status}:${stage.attempts}`);
      await inner.updateStage(runId, stage);
    },
  };
  return { store, writes };
}

describe('checkpoints and resume', () => {
  it('writes a checkpoint on every transition, before the run moves on', async () => {
    const { store, writes } = spyStore(createInMemoryRunStore());
    const { handlers } = recordingHandlers({ step: (x) => x });
    await createRunner({ handlers, store }).run(chain, 0);
    expect(writes).toEqual([
      'run:running',
      'a:running:1',
      'a:succeeded:1',
      'b:running:1',
      'b:succeeded:1',
      'c:running:1',
      'c:succeeded:1',
      'run:succeeded',
    ]);
  });

  it('resumes an abandoned run with a new runner over the same store, without re-running completed stages', async () => {
    const store = createInMemoryRunStore();
    const stuck = deferred();
    const first = recordingHandlers({
      step: async (_x, { signal }) => {
        stuck.resolve();
        // The worker "dies" here: the promise never settles and nobody awaits the run again.
        await new Promise((_, reject) =>
          signal.addEventListener('abort', () => reject(signal.reason)),
        );
      },
    });
    const crashed = new AbortController();
    const abandoned = createRunner({ handlers: first.handlers, store, newId: () => 'r1' }).start(
      chain,
      0,
      { signal: crashed.signal },
    );
    await stuck.promise;
    const snapshot = (await store.getRun('r1')) as RunRecord;
    expect(snapshot.status).toBe('running');
    expect(snapshot.stages.map((s) => [s.id, s.status, s.attempts])).toEqual([
      ['a', 'succeeded', 1],
      ['b', 'running', 1],
      ['c', 'pending', 0],
    ]);

    const second = recordingHandlers({ step: (x) => (x as number) * 2 });
    const events: string[] = [];
    const resumed = await createRunner({ handlers: second.handlers, store }).resume('r1', {
      onEvent: (e) => events.push(e.type === 'run_started' ? `run_started:${e.resumed}` : e.type),
    }).result;
    expect(second.calls).toEqual(['b:2', 'c:1']);
    expect(resumed).toMatchObject({ status: 'succeeded', output: 102 });
    expect(resumed.stages.map((s) => [s.id, s.attempts])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 1],
    ]);
    expect(events[0]).toBe('run_started:true');
    expect(first.calls).toEqual(['a:1', 'b:1']);
    crashed.abort();
    await abandoned.result;
  });

  it('leaves the run resumable when the store fails mid-run (a crash between checkpoints)', async () => {
    const inner = createInMemoryRunStore();
    let writesLeft = 4;
    const failing: RunStore = {
      ...inner,
      async updateStage(runId, stage) {
        if (writesLeft-- <= 0) throw new Error('disk gone');
        await inner.updateStage(runId, stage);
      },
    };
    const { handlers } = recordingHandlers({ step: (x) => x });
    await expect(
      createRunner({ handlers, store: failing, newId: () => 'r2' }).run(chain, 0),
    ).rejects.toThrow('disk gone');
    const again = recordingHandlers({ step: (x) => x });
    const run = await createRunner({ handlers: again.handlers, store: inner }).resume('r2').result;
    // a and b finished before the failure; c never got its checkpoint written.
    expect(again.calls).toEqual(['c:1']);
    expect(run).toMatchObject({ status: 'succeeded', output: 101 });
  });

  it('resumes a failed run by hand, giving its failed stages fresh attempts', async () => {
    const store = createInMemoryRunStore();
    const clock = createVirtualClock();
    let healthy = false;
    const { handlers, calls } = recordingHandlers({
      step: (x) => {
        if (!healthy) throw new Error('down');
        return x;
      },
    });
    const runner = createRunner({ handlers, store, clock, newId: () => 'r3' });
    expect((await runner.run(chain, 0)).status).toBe('failed');
    healthy = true;
    const run = await runner.resume('r3').result;
    expect(calls).toEqual(['a:1', 'b:1', 'b:2', 'b:3', 'b:1', 'c:1']);
    expect(run.status).toBe('succeeded');
  });

  it('refuses to resume an unknown run or a finished one', async () => {
    const { handlers } = recordingHandlers({ step: (x) => x });
    const runner = createRunner({ handlers, newId: () => 'done' });
    await runner.run(chain, 0);
    await expect(runner.resume('done').result).rejects.toMatchObject({ code: 'RUN_NOT_RESUMABLE' });
    await expect(runner.resume('nope').result).rejects.toMatchObject({
      code: 'RESOURCE_NOT_FOUND',
    });
  });

  it('lists runs by status and pipeline, with paging', async () => {
    let n = 0;
    const { handlers } = recordingHandlers({ step: (x) => x });
    const runner = createRunner({ handlers, newId: () => `r${n++}` });
    await runner.run(chain, 0);
    await runner.run(pipeline([{ id: 'x', handler: 'fail' }]), 0);
    await runner.run(chain, 1);
    expect((await runner.store.listRuns({ status: 'succeeded' })).map((r) => r.runId)).toEqual([
      'r0',
      'r2',
    ]);
    expect((await runner.store.listRuns({ limit: 1, after: 'r0' })).map((r) => r.runId)).toEqual([
      'r1',
    ]);
    await expect(runner.store.listRuns({ after: 'ghost' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});
