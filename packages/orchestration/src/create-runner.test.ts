import { describe, expect, it } from 'vitest';
import { deferred, pipeline, recordingHandlers } from '../test/fixtures.js';
import { createVirtualClock } from './clock.js';
import { createInlineSchemaResolver } from './create-inline-schema-resolver.js';
import { createRunner } from './create-runner.js';
import type { RunEvent } from './run-event.js';

describe('createRunner: sequential and parallel', () => {
  it('runs stages in topological order, feeding each the output of the stage it connects from', async () => {
    const { handlers, calls } = recordingHandlers();
    const runner = createRunner({ handlers });
    // Defined out of order on purpose: c depends on b depends on a.
    const run = await runner.run(
      pipeline(
        [
          { id: 'c', handler: 'add', config: { n: 100 } },
          { id: 'a', handler: 'add', config: { n: 1 } },
          { id: 'b', handler: 'add', config: { n: 10 } },
        ],
        [
          ['a', 'b'],
          ['b', 'c'],
        ],
      ),
      0,
    );
    expect(calls).toEqual(['a:1', 'b:1', 'c:1']);
    expect(run).toMatchObject({ status: 'succeeded', output: 111 });
    expect(run.stages.map((s) => [s.id, s.status, s.output, s.attempts])).toEqual([
      ['c', 'succeeded', 111, 1],
      ['a', 'succeeded', 1, 1],
      ['b', 'succeeded', 11, 1],
    ]);
  });

  it('merges the outputs of several upstream stages by stage id, and several last stages likewise', async () => {
    const { handlers } = recordingHandlers();
    const runner = createRunner({ handlers });
    const run = await runner.run(
      pipeline(
        [
          { id: 'x', handler: 'add', config: { n: 1 } },
          { id: 'y', handler: 'add', config: { n: 2 } },
          { id: 'join', handler: 'echo' },
          { id: 'side', handler: 'echo' },
        ],
        [
          ['x', 'join'],
          ['y', 'join'],
        ],
      ),
      5,
    );
    expect(run.output).toEqual({ join: { x: 6, y: 7 }, side: 5 });
  });

  it('runs independent stages at once under parallel, never more than the concurrency limit', async () => {
    let active = 0;
    let peak = 0;
    const gates = Array.from({ length: 6 }, () => deferred());
    const { handlers } = recordingHandlers({
      slow: async (input, { stageId }) => {
        active++;
        peak = Math.max(peak, active);
        await gates[Number(stageId.slice(1))]!.promise;
        active--;
        return input;
      },
    });
    const runner = createRunner({ handlers });
    const stages = gates.map((_, i) => ({ id: `s${i}`, handler: 'slow' }));
    const handle = runner.start(pipeline(stages, [], { strategy: 'parallel', concurrency: 3 }), 1);
    const started: string[] = [];
    const events = handle.events();
    for await (const event of events) {
      if (event.type === 'stage_started') {
        started.push(event.stageId);
        if (started.length === 3) {
          // Three in flight, the fourth waits for a slot.
          expect(active).toBe(3);
          for (const g of gates) g.resolve();
        }
      }
    }
    const run = await handle.result;
    expect(run.status).toBe('succeeded');
    expect(peak).toBe(3);
    expect(started).toHaveLength(6);
  });

  it('reports events in order through callbacks and the async iterator alike', async () => {
    const { handlers } = recordingHandlers();
    const seen: RunEvent[] = [];
    const runner = createRunner({ handlers, newId: () => 'run-1' });
    const handle = runner.start(pipeline([{ id: 'a', handler: 'echo' }]), 1, {
      onEvent: (e) => seen.push(e),
    });
    const iterated: RunEvent[] = [];
    for await (const e of handle.events()) iterated.push(e);
    await handle.result;
    expect(seen.map((e) => e.type)).toEqual([
      'run_started',
      'stage_started',
      'stage_succeeded',
      'run_finished',
    ]);
    expect(iterated).toEqual(seen);
    expect(seen[0]).toMatchObject({ runId: 'run-1', pipelineId: 'test', resumed: false });
  });

  it('keeps running when an observer callback throws', async () => {
    const { handlers } = recordingHandlers();
    const runner = createRunner({ handlers });
    const run = await runner.run(pipeline([{ id: 'a', handler: 'echo' }]), 1, {
      onEvent: () => {
        throw new Error('observer bug');
      },
    });
    expect(run.status).toBe('succeeded');
  });

  it('refuses a definition with unknown handlers before running, naming the stage', () => {
    const { handlers } = recordingHandlers();
    const runner = createRunner({ handlers });
    expect(() => runner.start(pipeline([{ id: 'a', handler: 'nope' }]), 1)).toThrow(
      expect.objectContaining({
        code: 'INVALID_PIPELINE',
        details: { problems: [expect.objectContaining({ rule: 'unknown_handler', stageId: 'a' })] },
      }),
    );
  });

  it('runs a 10,000-stage chain', async () => {
    const { handlers } = recordingHandlers();
    const runner = createRunner({ handlers });
    const stages = Array.from({ length: 10_000 }, (_, i) => ({ id: `s${i}`, handler: 'add' }));
    const edges = stages.slice(1).map((s, i): [string, string] => [`s${i}`, s.id]);
    const run = await runner.run(pipeline(stages, edges), 0);
    expect(run.output).toBe(10_000);
  });
});

describe('createRunner: schemas', () => {
  const resolver = createInlineSchemaResolver({
    question: { 1: { type: 'object', required: ['q'], properties: { q: { type: 'string' } } } },
    answer: {
      1: {
        type: 'object',
        required: ['text'],
        properties: { text: { type: 'string', minLength: 1 } },
      },
    },
  });

  it('fails a stage whose input does not match, naming the stage, side and data path, without retrying', async () => {
    const { handlers, calls } = recordingHandlers();
    const runner = createRunner({ handlers, resolver, clock: createVirtualClock() });
    const run = await runner.run(
      pipeline(
        [{ id: 'ask', handler: 'echo', input_schema: { subject: 'question', version: 1 } }],
        [],
        { error_handling: 'retry' },
      ),
      { q: 42 },
    );
    expect(calls).toEqual([]);
    expect(run.status).toBe('failed');
    expect(run.stages[0]).toMatchObject({ status: 'failed', attempts: 1 });
    expect(run.error).toMatchObject({
      type: 'STAGE_INPUT_INVALID',
      details: {
        stageId: 'ask',
        side: 'input',
        path: '/q',
        schema: { subject: 'question', version: 1 },
      },
    });
    expect(run.error?.message).toContain('stage ask input');
  });

  it('fails a stage whose output does not match, at the failing path', async () => {
    const { handlers } = recordingHandlers({ answer: () => ({ text: '' }) });
    const runner = createRunner({ handlers, resolver });
    const run = await runner.run(
      pipeline([
        { id: 'reply', handler: 'answer', output_schema: { subject: 'answer', version: 'latest' } },
      ]),
      {},
    );
    expect(run.error).toMatchObject({
      type: 'STAGE_OUTPUT_INVALID',
      details: { stageId: 'reply', side: 'output', path: '/text' },
    });
  });

  it('fails the run up front when a stage names a schema the resolver does not know', async () => {
    const { handlers, calls } = recordingHandlers();
    const runner = createRunner({ handlers, resolver });
    const run = await runner.run(
      pipeline(
        [
          { id: 'a', handler: 'echo' },
          { id: 'b', handler: 'echo', output_schema: { subject: 'missing', version: 3 } },
        ],
        [['a', 'b']],
      ),
      1,
    );
    expect(calls).toEqual([]);
    expect(run).toMatchObject({
      status: 'failed',
      error: { type: 'SCHEMA_NOT_FOUND', details: { stageId: 'b', side: 'output' } },
    });
  });

  it('fails the run, instead of leaving it running, when a schema cannot be compiled', async () => {
    const broken = createInlineSchemaResolver({ bad: { 1: { type: 'no-such-type' } } });
    const { handlers, calls } = recordingHandlers();
    const runner = createRunner({ handlers, resolver: broken });
    const run = await runner.run(
      pipeline([{ id: 'a', handler: 'echo', input_schema: { subject: 'bad', version: 1 } }]),
      1,
    );
    expect(calls).toEqual([]);
    expect(run.status).toBe('failed');
    expect((await runner.store.getRun(run.runId))?.status).toBe('failed');
  });
});
