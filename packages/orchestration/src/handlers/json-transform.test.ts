import { describe, expect, it } from 'vitest';
import { createRunner } from '../create-runner.js';
import { createHandlerRegistry } from '../handler-registry.js';
import { createInMemoryRunStore } from '../run-store.js';
import { createJsonTransformHandler } from './json-transform.js';

const context = (config: Record<string, unknown>, signal = new AbortController().signal) => ({
  config,
  signal,
  runId: 'r',
  stageId: 's',
  attempt: 1,
  resolver: { resolveSchema: () => undefined },
});

describe('json.transform', () => {
  const transform = createJsonTransformHandler();

  it.each([
    ['{"q": question}', { question: 'why?' }, { q: 'why?' }],
    ['$sum(items.price)', { items: [{ price: 2 }, { price: 3 }] }, 5],
    [
      'items[price > 2].name',
      {
        items: [
          { name: 'a', price: 2 },
          { name: 'b', price: 3 },
        ],
      },
      'b',
    ],
    ['missing', { other: 1 }, null],
    ['$uppercase($)', 'hi', 'HI'],
    ['[1, 2, 3]', null, [1, 2, 3]],
  ])('evaluates %s', async (expression, input, expected) => {
    expect(await transform(input, context({ expression }))).toEqual(expected);
  });

  it.each([
    ['$match("ab12cd345", /[0-9]+/).match', ['12', '345']],
    ['$replace("a-b-c", /-/, "+")', 'a+b+c'],
    ['$split("a1b22c", /[0-9]+/)', ['a', 'b', 'c']],
    ['$contains("Hello", /hello/i)', true],
    ['$match("k=v; x=y", /([a-z])=([a-z])/)[1].groups', ['x', 'y']],
  ])('evaluates regex expression %s on the linear engine', async (expression, expected) => {
    expect(await transform(null, context({ expression }))).toEqual(expected);
  });

  it('matches a catastrophic-backtracking pattern in linear time instead of freezing', async () => {
    const input = `${'a'.repeat(50_000)}!`;
    expect(await transform(input, context({ expression: '$contains($, /^(a+)+$/)' }))).toBe(false);
  });

  it('refuses regex features RE2 lacks as invalid input', async () => {
    await expect(
      transform('aa', context({ expression: '$contains($, /(a)\\1/)' })),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      retryable: false,
    });
  });

  it('refuses a syntax error as invalid input with its position, marked not retryable', async () => {
    await expect(transform({}, context({ expression: '{"a": }' }))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      retryable: false,
      details: { path: '/config/expression', position: expect.any(Number) },
    });
  });

  it('refuses a missing or oversized expression', async () => {
    await expect(transform({}, context({}))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(transform({}, context({ expression: 'a'.repeat(20_001) }))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('stops an expression that loops forever at its time bound', async () => {
    const looping = '($f := function($n) { $n < 0 ? 0 : $f($n + 1) }; $f(0))';
    await expect(
      transform({}, context({ expression: looping, timeout_ms: 50 })),
    ).rejects.toMatchObject({
      code: expect.stringMatching(/^JSONATA_D101[12]$/),
      retryable: false,
    });
    const spin = '($loop := function($i) { $i > -1 ? $loop($i) : 0 }; $loop(1))';
    await expect(
      transform({}, context({ expression: spin, timeout_ms: 50 })),
    ).rejects.toMatchObject({ code: expect.stringMatching(/^JSONATA_/) });
  });

  it('stops an expression building a huge sequence', async () => {
    await expect(transform({}, context({ expression: '[1..10000000]' }))).rejects.toMatchObject({
      code: expect.stringMatching(/^JSONATA_/),
    });
  });

  it('stops evaluating when the stage signal aborts', async () => {
    const controller = new AbortController();
    const reason = new Error('stage timed out');
    const looping = '($f := function($n) { $f($n + 1) }; $f(0))';
    const pending = transform(
      {},
      context({ expression: looping, timeout_ms: 60_000 }, controller.signal),
    );
    setTimeout(() => controller.abort(reason), 5);
    await expect(pending).rejects.toBe(reason);
  });

  it('fails a run stage with a looping expression, once, instead of hanging the run', async () => {
    const handlers = createHandlerRegistry({ 'json.transform': createJsonTransformHandler() });
    const runner = createRunner({ handlers, store: createInMemoryRunStore() });
    const run = await runner.run(
      {
        id: 'p',
        error_handling: 'retry',
        stages: [
          {
            id: 'loop',
            handler: 'json.transform',
            config: { expression: '($f := function($n) { $f($n + 1) }; $f(0))', timeout_ms: 50 },
          },
        ],
      },
      {},
    );
    expect(run.status).toBe('failed');
    expect(run.stages[0]).toMatchObject({
      attempts: 1,
      error: { type: expect.stringMatching(/^JSONATA_/) },
    });
  });
});
