import jsonata from 'jsonata';
import type { StageHandler } from '../handler-registry.js';
import { withConfigCheck } from './config-check.js';
import { HandlerError } from './handler-error.js';
import { LinearRegExpEngine } from './linear-reg-exp-engine.js';

/** Bounds on one JSONata evaluation. */
export const JSON_TRANSFORM_LIMITS = Object.freeze({
  maxExpressionLength: 20_000,
  /** Evaluation time; a looping expression stops with `JSONATA_D1012`. */
  defaultTimeoutMs: 1_000,
  maxTimeoutMs: 60_000,
  /** Evaluation depth (deep recursion stops with `JSONATA_D1011`). */
  maxDepth: 500,
  /** Longest sequence an expression may build (`JSONATA_D2015`). */
  maxSequence: 1_000_000,
  compiledCacheSize: 256,
});

type Compiled = ReturnType<typeof jsonata>;

/** JSONata calls this symbol's binding before each evaluation step. */
const ENTRY_HOOK = Symbol.for('jsonata.__evaluate_entry');
const GUARD_BINDING = '__llmsr_guard';
/** Steps between yields to the event loop. */
const YIELD_EVERY_STEPS = 2_000;

interface EvaluationGuard {
  signal: AbortSignal;
  steps: number;
}

/**
 * The `json.transform` handler: config `{ expression, timeout_ms? }`, a JSONata expression
 * evaluated over the stage input. JSONata's own guardrails bound each evaluation (time, depth,
 * sequence length) and the stage signal is checked at every step, so a looping expression
 * ends with a clear error instead of holding the run. Syntax errors are `INVALID_INPUT` with
 * the position, never retried.
 *
 * @example
 * ```ts
 * { id: 'prompt', handler: 'json.transform', config: { expression: '{"messages": [{"role": "user", "content": question}]}' } }
 * ```
 */
export function createJsonTransformHandler(): StageHandler {
  const cache = new Map<string, Compiled>();

  function compile(expression: string, timeout: number): Compiled {
    const key = `${timeout}\u0000${expression}`;
    const cached = cache.get(key);
    if (cached) return cached;
    let compiled: Compiled;
    try {
      compiled = jsonata(expression, {
        RegexEngine: LinearRegExpEngine as unknown as RegExpConstructor,
        timeout,
        stack: JSON_TRANSFORM_LIMITS.maxDepth,
        sequence: JSON_TRANSFORM_LIMITS.maxSequence,
      });
    } catch (error) {
      const e = error as { code?: string; position?: number; message?: string };
      throw new HandlerError(
        'INVALID_INPUT',
        `json.transform expression does not parse at position ${e.position}: ${e.message}`,
        {
          retryable: false,
          details: { path: '/config/expression', position: e.position, jsonataCode: e.code },
        },
      );
    }
    // One hook per compiled expression; it finds the guard of the evaluation it serves in that
    // evaluation's bindings, so a cached expression can serve concurrent evaluations.
    compiled.assign(
      ENTRY_HOOK as unknown as string,
      (_expr: unknown, _input: unknown, env: { lookup(name: string): unknown }) => {
        const guard = env.lookup(GUARD_BINDING) as EvaluationGuard | undefined;
        if (!guard) return;
        if (guard.signal.aborted) throw guard.signal.reason;
        // JSONata awaits this hook; evaluation otherwise runs on microtasks only and would starve
        // the event loop (timers, I/O, the abort itself) until it ends.
        if (++guard.steps % YIELD_EVERY_STEPS === 0)
          return new Promise((resolve) => setImmediate(resolve));
      },
    );
    if (cache.size >= JSON_TRANSFORM_LIMITS.compiledCacheSize)
      cache.delete(cache.keys().next().value!);
    cache.set(key, compiled);
    return compiled;
  }

  const handler: StageHandler = async (input, { config, signal }) => {
    const expression = readExpression(config.expression);
    const timeout = readTimeout(config.timeout_ms);
    const compiled = compile(expression, timeout);
    const bindings = { [GUARD_BINDING]: { signal, steps: 0 } satisfies EvaluationGuard };
    try {
      const result = await compiled.evaluate(input, bindings);
      return normalize(result);
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      if (error instanceof HandlerError) throw error;
      const e = error as { code?: string; position?: number; message?: string; value?: unknown };
      if (typeof e.code !== 'string') throw error;
      throw new HandlerError(
        `JSONATA_${e.code}`,
        `json.transform failed (${e.code}) at position ${e.position ?? '?'}: ${e.message ?? ''}`,
        {
          // Evaluation is deterministic: the same input fails the same way.
          retryable: false,
          details: { jsonataCode: e.code, position: e.position },
        },
      );
    }
  };
  // Parsing is the check: a syntax error is reported with the stage when the definition is
  // validated. The compiled expression is cached for the runs that follow.
  return withConfigCheck(handler, (config) => {
    compile(readExpression(config.expression), readTimeout(config.timeout_ms));
  });
}

function readExpression(expression: unknown): string {
  if (
    typeof expression !== 'string' ||
    expression.length === 0 ||
    expression.length > JSON_TRANSFORM_LIMITS.maxExpressionLength
  ) {
    throw new HandlerError(
      'INVALID_INPUT',
      `json.transform needs config.expression, a string of 1..${JSON_TRANSFORM_LIMITS.maxExpressionLength} characters`,
      {
        retryable: false,
        details: { path: '/config/expression' },
      },
    );
  }
  return expression;
}

function readTimeout(value: unknown): number {
  if (value === undefined) return JSON_TRANSFORM_LIMITS.defaultTimeoutMs;
  if (
    !Number.isInteger(value) ||
    (value as number) < 1 ||
    (value as number) > JSON_TRANSFORM_LIMITS.maxTimeoutMs
  ) {
    throw new HandlerError(
      'INVALID_INPUT',
      `json.transform config.timeout_ms must be an integer from 1 to ${JSON_TRANSFORM_LIMITS.maxTimeoutMs}`,
      {
        retryable: false,
        details: { path: '/config/timeout_ms' },
      },
    );
  }
  return value as number;
}

/**
 * JSONata results can be sequences (arrays with extra flags) or undefined for "no match";
 * stage outputs are plain JSON, so flags are dropped and no match becomes null.
 */
function normalize(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value));
}
