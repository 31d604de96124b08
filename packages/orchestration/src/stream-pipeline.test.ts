import { describe, expect, it } from 'vitest';
import { pipeline, recordingHandlers } from '../test/fixtures.js';
import { createVirtualClock } from './clock.js';
import { createInlineSchemaResolver } from './create-inline-schema-resolver.js';
import { createRunner } from './create-runner.js';

const streaming = (stages: Record<string, unknown>[], extra: Record<string, unknown> = {}) =>
  pipeline(
    stages,
    stages.slice(1).map((s, i) => [stages[i]!.id as string, s.id as string]),
    { strategy: 'streaming', ...extra },
  );

async function collect(iterable: AsyncIterable<unknown>) {
  const out: unknown[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('streaming', () => {
  it('passes every item through the chain in order', async () => {
    const { handlers } = recordingHandlers();
    const runner = createRunner({ handlers });
    const out = await collect(
      runner.stream(
        streaming([
          { id: 'one', handler: 'add', config: { n: 1 } },
          { id: 'ten', handler: 'add', config: { n: 10 } },
        ]),
        [1, 2, 3],
      ),
    );
    expect(out).toEqual([12, 13, 14]);
  });

  it('pulls from the source only as fast as the consumer reads (backpressure)', async () => {
    const { handlers } = recordingHandlers();
    const runner = createRunner({ handlers });
    let produced = 0;
    async function* source() {
      for (let i = 0; i < 1_000; i++) {
        produced++;
        yield i;
      }
    }
    const iterator = runner
      .stream(
        streaming([
          { id: 'a', handler: 'echo' },
          { id: 'b', handler: 'echo' },
        ]),
        source(),
      )
      [Symbol.asyncIterator]();
    await iterator.next();
    await iterator.next();
    expect(produced).toBe(2);
    await iterator.return?.();
  });

  it('checks each item against the stage schemas and stops at the first bad one by default', async () => {
    const resolver = createInlineSchemaResolver({ num: { 1: { type: 'number' } } });
    const { handlers } = recordingHandlers();
    const runner = createRunner({ handlers, resolver });
    const out: unknown[] = [];
    const error = await (async () => {
      for await (const item of runner.stream(
        streaming([{ id: 'a', handler: 'echo', input_schema: { subject: 'num', version: 1 } }]),
        [1, 'two', 3],
      )) {
        out.push(item);
      }
    })().catch((e) => e);
    expect(out).toEqual([1]);
    expect(error).toMatchObject({
      code: 'STAGE_INPUT_INVALID',
      details: { stageId: 'a', side: 'input', path: '/' },
    });
  });

  it('drops failing items under continue and reports them', async () => {
    const { handlers } = recordingHandlers({
      oddOnly: (x) => {
        if ((x as number) % 2 === 0) throw new Error('even');
        return x;
      },
    });
    const failures: unknown[] = [];
    const events: string[] = [];
    const runner = createRunner({ handlers, clock: createVirtualClock() });
    const out = await collect(
      runner.stream(
        streaming([{ id: 'odd', handler: 'oddOnly' }], { error_handling: 'continue' }),
        [1, 2, 3, 4, 5],
        {
          onItemFailed: (f) => failures.push(f),
          onEvent: (e) => events.push(e.type === 'run_finished' ? `${e.type}:${e.status}` : e.type),
        },
      ),
    );
    expect(out).toEqual([1, 3, 5]);
    expect(events).toEqual([
      'run_started',
      'stage_failed',
      'stage_failed',
      'run_finished:succeeded',
    ]);
    expect(failures).toEqual([
      { stageId: 'odd', index: 1, error: { type: 'Error', message: 'even' } },
      { stageId: 'odd', index: 3, error: { type: 'Error', message: 'even' } },
    ]);
  });

  it('stops on cancellation, aborting the item in flight', async () => {
    const controller = new AbortController();
    const finished: string[] = [];
    const { handlers } = recordingHandlers();
    const runner = createRunner({ handlers });
    const stream = runner.stream(streaming([{ id: 'h', handler: 'hang' }]), [1, 2], {
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type === 'run_finished') finished.push(e.status);
      },
    });
    setTimeout(() => controller.abort(), 5);
    await expect(collect(stream)).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(finished).toEqual(['cancelled']);
  });

  it('refuses to stream a pipeline whose strategy is not streaming', async () => {
    const { handlers } = recordingHandlers();
    const runner = createRunner({ handlers });
    await expect(
      collect(runner.stream(pipeline([{ id: 'a', handler: 'echo' }]), [1])),
    ).rejects.toMatchObject({ code: 'INVALID_PIPELINE' });
  });
});
