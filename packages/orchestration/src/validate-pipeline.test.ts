import { describe, expect, it } from 'vitest';
import { OrchestrationError } from './orchestration-error.js';
import { validatePipeline, validatePipelineOrThrow } from './validate-pipeline.js';

const stage = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  handler: 'noop',
  ...extra,
});

function problemsOf(definition: unknown, options = {}) {
  const result = validatePipeline(definition, options);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('validatePipeline', () => {
  it('applies the defaults: sequential, stop, 30 s, version 1', () => {
    const result = validatePipeline({
      id: 'p',
      stages: [stage('a'), stage('b')],
      connections: [{ from: 'a', to: 'b' }],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pipeline).toMatchObject({
      id: 'p',
      version: 1,
      strategy: 'sequential',
      concurrency: 1,
      error_handling: 'stop',
      timeout_ms: 30_000,
    });
    expect(result.pipeline.stages[0]).toEqual({ id: 'a', handler: 'noop', config: {} });
    expect(result.graph.order.map((i) => result.graph.ids[i])).toEqual(['a', 'b']);
  });

  it.each([
    ['not an object', [], '', 'type'],
    ['a bad pipeline id', { id: 'has space', stages: [stage('a')] }, '/id', 'invalid_id'],
    ['no stages', { id: 'p', stages: [] }, '/stages', 'type'],
    [
      'an unknown top-level field',
      { id: 'p', stages: [stage('a')], stagez: 1 },
      '/stagez',
      'unknown_field',
    ],
    [
      'an unknown strategy',
      { id: 'p', stages: [stage('a')], strategy: 'random' },
      '/strategy',
      'type',
    ],
    [
      'concurrency outside parallel',
      { id: 'p', stages: [stage('a')], concurrency: 3 },
      '/concurrency',
      'type',
    ],
    [
      'concurrency 0',
      { id: 'p', stages: [stage('a')], strategy: 'parallel', concurrency: 0 },
      '/concurrency',
      'type',
    ],
    [
      'an unknown error mode',
      { id: 'p', stages: [stage('a')], error_handling: 'ignore' },
      '/error_handling',
      'type',
    ],
    [
      'a timeout under 1 s',
      { id: 'p', stages: [stage('a')], timeout_ms: 999 },
      '/timeout_ms',
      'invalid_timeout',
    ],
    [
      'a fractional timeout',
      { id: 'p', stages: [stage('a')], timeout_ms: 1500.5 },
      '/timeout_ms',
      'invalid_timeout',
    ],
    ['a stage that is not an object', { id: 'p', stages: ['a'] }, '/stages/0', 'type'],
    ['a stage without handler', { id: 'p', stages: [{ id: 'a' }] }, '/stages/0/handler', 'type'],
    [
      'a stage config that is an array',
      { id: 'p', stages: [stage('a', { config: [] })] },
      '/stages/0/config',
      'type',
    ],
    [
      'a bad schema version',
      { id: 'p', stages: [stage('a', { input_schema: { subject: 's', version: 0 } })] },
      '/stages/0/input_schema/version',
      'type',
    ],
    [
      'a schema ref with extra keys',
      { id: 'p', stages: [stage('a', { output_schema: { subject: 's', version: 1, id: 3 } })] },
      '/stages/0/output_schema/id',
      'unknown_field',
    ],
    [
      'a stage timeout above the run timeout',
      { id: 'p', stages: [stage('a', { timeout_ms: 40_000 })] },
      '/stages/0/timeout_ms',
      'invalid_timeout',
    ],
    [
      'a fallback of the wrong type',
      { id: 'p', stages: [stage('a', { fallback: 3 })] },
      '/stages/0/fallback',
      'type',
    ],
    [
      'backoff below 1',
      { id: 'p', stages: [stage('a', { retry: { backoffCoefficient: 0.5 } })] },
      '/stages/0/retry/backoffCoefficient',
      'invalid_retry',
    ],
    [
      'a zero initial interval',
      { id: 'p', stages: [stage('a', { retry: { initialIntervalMs: 0 } })] },
      '/stages/0/retry/initialIntervalMs',
      'invalid_retry',
    ],
    [
      'a maximum below the initial interval',
      {
        id: 'p',
        stages: [stage('a', { retry: { initialIntervalMs: 500, maximumIntervalMs: 100 } })],
      },
      '/stages/0/retry/maximumIntervalMs',
      'invalid_retry',
    ],
    [
      'fractional attempts',
      { id: 'p', stages: [stage('a', { retry: { maxAttempts: 1.5 } })] },
      '/stages/0/retry/maxAttempts',
      'invalid_retry',
    ],
    [
      'negative attempts',
      { id: 'p', retry: { maxAttempts: -1 }, stages: [stage('a')] },
      '/retry/maxAttempts',
      'invalid_retry',
    ],
    [
      'non-string error types',
      { id: 'p', stages: [stage('a', { retry: { nonRetryableErrorTypes: [1] } })] },
      '/stages/0/retry/nonRetryableErrorTypes',
      'invalid_retry',
    ],
    [
      'an unknown retry field',
      { id: 'p', stages: [stage('a', { retry: { attempts: 3 } })] },
      '/stages/0/retry/attempts',
      'invalid_retry',
    ],
    [
      'a connection that is not an object',
      { id: 'p', stages: [stage('a')], connections: [1] },
      '/connections/0',
      'type',
    ],
    [
      'a self-connection',
      { id: 'p', stages: [stage('a')], connections: [{ from: 'a', to: 'a' }] },
      '/connections/0',
      'cycle',
    ],
    [
      'a repeated connection',
      {
        id: 'p',
        stages: [stage('a'), stage('b')],
        connections: [
          { from: 'a', to: 'b' },
          { from: 'a', to: 'b' },
        ],
      },
      '/connections/1',
      'duplicate_connection',
    ],
  ])('reports %s at its path', (_name, definition, path, rule) => {
    expect(problemsOf(definition)).toContainEqual(expect.objectContaining({ path, rule }));
  });

  it('reports every problem at once, each with its stage id', () => {
    const problems = problemsOf(
      {
        id: 'p',
        stages: [
          stage('a', { retry: { backoffCoefficient: 0 } }),
          stage('a'),
          stage('c', { handler: 'nope', timeout_ms: 0 }),
        ],
        connections: [{ from: 'a', to: 'ghost' }],
      },
      { isKnownHandler: (name: string) => name === 'noop' },
    );
    expect(problems.map((p) => [p.rule, p.path, p.stageId])).toEqual([
      ['invalid_retry', '/stages/0/retry/backoffCoefficient', 'a'],
      ['duplicate_stage', '/stages/1/id', 'a'],
      ['unknown_handler', '/stages/2/handler', 'c'],
      ['invalid_timeout', '/stages/2/timeout_ms', 'c'],
      ['unknown_stage', '/connections/0/to', 'ghost'],
    ]);
  });

  it('names the stages around a cycle and does not blame stages merely downstream of it', () => {
    const problems = problemsOf({
      id: 'p',
      stages: ['start', 'x', 'y', 'z', 'after'].map((id) => stage(id)),
      connections: [
        { from: 'start', to: 'x' },
        { from: 'x', to: 'y' },
        { from: 'y', to: 'z' },
        { from: 'z', to: 'x' },
        { from: 'z', to: 'after' },
      ],
    });
    expect(problems).toEqual([
      expect.objectContaining({
        rule: 'cycle',
        stageId: 'x',
        cycle: ['x', 'y', 'z', 'x'],
        message: expect.stringContaining('x -> y -> z -> x'),
      }),
    ]);
  });

  it('reports two disjoint cycles separately', () => {
    const problems = problemsOf({
      id: 'p',
      stages: ['a', 'b', 'c', 'd'].map((id) => stage(id)),
      connections: [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'a' },
        { from: 'c', to: 'd' },
        { from: 'd', to: 'c' },
      ],
    });
    expect(problems.map((p) => p.cycle)).toEqual([
      ['a', 'b', 'a'],
      ['c', 'd', 'c'],
    ]);
  });

  it('requires a single chain for streaming', () => {
    const problems = problemsOf({
      id: 'p',
      strategy: 'streaming',
      stages: ['a', 'b', 'c'].map((id) => stage(id)),
      connections: [
        { from: 'a', to: 'b' },
        { from: 'a', to: 'c' },
      ],
    });
    expect(problems).toContainEqual(
      expect.objectContaining({ rule: 'streaming_needs_chain', stageId: 'a' }),
    );
  });

  it('accepts a fallback by name or with config, and a stage retry with Temporal defaults', () => {
    const result = validatePipeline({
      id: 'p',
      stages: [
        stage('a', { fallback: 'noop', retry: { initialIntervalMs: 200 } }),
        stage('b', { fallback: { handler: 'noop', config: { x: 1 } } }),
      ],
    });
    expect(result.ok && result.pipeline.stages).toEqual([
      {
        id: 'a',
        handler: 'noop',
        config: {},
        fallback: { handler: 'noop', config: {} },
        retry: {
          maxAttempts: 3,
          initialIntervalMs: 200,
          backoffCoefficient: 2,
          maximumIntervalMs: 20_000,
          nonRetryableErrorTypes: [],
        },
      },
      { id: 'b', handler: 'noop', config: {}, fallback: { handler: 'noop', config: { x: 1 } } },
    ]);
  });

  it('refuses more than 10,000 stages with one problem instead of reading them', () => {
    const stages = Array.from({ length: 10_001 }, (_, i) => stage(`s${i}`));
    expect(problemsOf({ id: 'p', stages })).toEqual([
      expect.objectContaining({ rule: 'too_large', path: '/stages' }),
    ]);
  });

  it('validates a 10,000-stage chain, and finds a cycle closing the whole chain', () => {
    const stages = Array.from({ length: 10_000 }, (_, i) => stage(`s${i}`));
    const connections = stages.slice(1).map((s, i) => ({ from: `s${i}`, to: s.id }));
    const ok = validatePipeline({ id: 'p', stages, connections });
    expect(ok.ok && ok.graph.order.length).toBe(10_000);
    const problems = problemsOf({
      id: 'p',
      stages,
      connections: [...connections, { from: 's9999', to: 's0' }],
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.cycle).toHaveLength(10_001);
  });

  it('caps the number of problems reported for a hostile definition', () => {
    const stages = Array.from({ length: 5_000 }, () => ({
      id: '',
      handler: '',
      config: [],
      extra: 1,
    }));
    expect(problemsOf({ id: 'p', stages }).length).toBeLessThanOrEqual(1_000);
  });

  it('throws INVALID_PIPELINE with every problem from the OrThrow variant', () => {
    const error = (() => {
      try {
        validatePipelineOrThrow({ id: 'p', stages: [{}, {}] });
      } catch (e) {
        return e as OrchestrationError;
      }
    })();
    expect(error).toBeInstanceOf(OrchestrationError);
    expect(error?.code).toBe('INVALID_PIPELINE');
    expect(error?.details.problems).toHaveLength(4);
    expect(error?.message).toContain('and 3 more');
  });
});
