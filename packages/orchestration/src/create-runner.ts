import { type Clock, systemClock } from './clock.js';
import { executeRun } from './execute-run.js';
import { definitionChecksFor, type HandlerRegistry } from './handler-registry.js';
import { OrchestrationError } from './orchestration-error.js';
import { isPreparedPipeline, type PreparedPipeline, preparePipeline } from './prepare-pipeline.js';
import { createEventChannel, type RunEvent } from './run-event.js';
import type { RunRecord } from './run-record.js';
import { createInMemoryRunStore, type RunStore } from './run-store.js';
import type { SchemaResolver } from './schema-resolver.js';
import { type StreamOptions, streamPipeline } from './stream-pipeline.js';

/** Options of {@link createRunner}. */
export interface CreateRunnerOptions {
  handlers: HandlerRegistry;
  /** Resolves stage schema references; without one, a stage that names a schema fails with `SCHEMA_NOT_FOUND`. */
  resolver?: SchemaResolver;
  /** Where runs are checkpointed; in memory unless given. */
  store?: RunStore;
  clock?: Clock;
  newId?: () => string;
}

/** Options of one run. */
export interface StartOptions {
  runId?: string;
  /** Cancels the run: stages in flight see their signal abort; the run ends `cancelled`. */
  signal?: AbortSignal;
  /** Called synchronously with every event; an observer that throws does not affect the run. */
  onEvent?: (event: RunEvent) => void;
}

/** A run in progress. */
export interface RunHandle {
  runId: string;
  /** Events from now until the run finishes; subscribe before awaiting `result` to see them all. */
  events(): AsyncIterableIterator<RunEvent>;
  /** The final record; rejects only when the store fails (the run can then be resumed). */
  result: Promise<RunRecord>;
}

/** Runs pipelines. */
export interface Runner {
  readonly store: RunStore;
  /** Validates the definition against the registered handlers (throwing `INVALID_PIPELINE`). */
  prepare(definition: unknown): PreparedPipeline;
  /** Starts a run; the handle is returned before the first stage runs. */
  start(definition: unknown, input: unknown, options?: StartOptions): RunHandle;
  /** Starts a run and waits for its final record. */
  run(definition: unknown, input: unknown, options?: StartOptions): Promise<RunRecord>;
  /** Continues a run left `running` (crashed, abandoned) or `failed`, without re-running succeeded stages. */
  resume(runId: string, options?: StartOptions): RunHandle;
  /** Passes items through a streaming pipeline's chain, pulling one at a time (backpressure). */
  stream(
    definition: unknown,
    items: Iterable<unknown> | AsyncIterable<unknown>,
    options?: StreamOptions,
  ): AsyncIterable<unknown>;
}

const NO_SCHEMAS: SchemaResolver = { resolveSchema: () => undefined };

/**
 * Creates a pipeline runner over a handler registry, a schema resolver and a run store.
 *
 * @example
 * ```ts
 * const runner = createRunner({
 *   handlers: createHandlerRegistry(createBuiltinHandlers()),
 *   resolver: createInlineSchemaResolver({ answer: { 1: { type: 'object', required: ['text'] } } }),
 * });
 * const run = await runner.run(
 *   { id: 'shape', stages: [{ id: 'wrap', handler: 'json.transform', config: { expression: '{"text": $}' } }] },
 *   'hello',
 * );
 * run.status; // 'succeeded'
 * run.output; // { text: 'hello' }
 * ```
 */
export function createRunner(options: CreateRunnerOptions): Runner {
  const store = options.store ?? createInMemoryRunStore();
  const clock = options.clock ?? systemClock;
  const resolver = options.resolver ?? NO_SCHEMAS;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const handlers = options.handlers;
  const checks = definitionChecksFor(handlers);
  const prepare = (definition: unknown) =>
    isPreparedPipeline(definition) ? definition : preparePipeline(definition, checks);

  function begin(
    runId: string,
    options: StartOptions,
    load: () => Promise<{ record: RunRecord; prepared: PreparedPipeline; resumed: boolean }>,
  ): RunHandle {
    const channel = createEventChannel<RunEvent>();
    const emit = (event: RunEvent) => {
      try {
        options.onEvent?.(event);
      } catch {
        // An observer's bug must not fail or stall the run it observes.
      }
      channel.push(event);
    };
    // Deferred one microtask so a caller can subscribe to events before the first one.
    const result = Promise.resolve()
      .then(load)
      .then(({ record, prepared, resumed }) =>
        executeRun({
          record,
          prepared,
          resumed,
          store,
          clock,
          resolver,
          handlers,
          emit,
          signal: options.signal,
        }),
      )
      .finally(() => channel.close());
    return { runId, events: () => channel.subscribe(), result };
  }

  const runner: Runner = {
    store,
    prepare,
    start(definition, input, startOptions = {}) {
      const prepared = prepare(definition);
      const runId = startOptions.runId ?? newId();
      return begin(runId, startOptions, async () => {
        const now = clock.now();
        const record: RunRecord = {
          runId,
          pipelineId: prepared.pipeline.id,
          pipeline: prepared.pipeline,
          status: 'running',
          input,
          stages: prepared.pipeline.stages.map((s) => ({
            id: s.id,
            status: 'pending',
            attempts: 0,
          })),
          createdAt: now,
          updatedAt: now,
        };
        await store.createRun(record);
        return { record, prepared, resumed: false };
      });
    },
    run(definition, input, startOptions) {
      try {
        return runner.start(definition, input, startOptions).result;
      } catch (error) {
        // run() is the promise-shaped entry point: an invalid definition rejects rather than throws.
        return Promise.reject(error);
      }
    },
    resume(runId, startOptions = {}) {
      return begin(runId, startOptions, async () => {
        const record = await store.getRun(runId);
        if (!record)
          throw new OrchestrationError('RESOURCE_NOT_FOUND', `no run ${runId}`, { runId });
        if (record.status !== 'running' && record.status !== 'failed') {
          throw new OrchestrationError(
            'RUN_NOT_RESUMABLE',
            `run ${runId} is ${record.status}; only running or failed runs resume`,
            {
              runId,
              status: record.status,
            },
          );
        }
        const prepared = prepare(record.pipeline);
        for (const stage of record.stages) {
          // A failed run resumed by hand gets fresh attempts; a stage caught `running` by a
          // crash keeps its count and is retried under its policy.
          if (stage.status === 'failed' || stage.status === 'skipped') {
            Object.assign(stage, {
              status: 'pending',
              attempts: 0,
              error: undefined,
              finishedAt: undefined,
            });
            await store.updateStage(runId, stage);
          }
        }
        record.status = 'running';
        record.error = undefined;
        record.updatedAt = clock.now();
        await store.updateRun(runId, {
          status: 'running',
          error: undefined,
          updatedAt: record.updatedAt,
        });
        return { record, prepared, resumed: true };
      });
    },
    stream(definition, items, streamOptions = {}) {
      return streamPipeline({
        prepared: prepare(definition),
        items,
        handlers,
        resolver,
        clock,
        options: streamOptions,
      });
    },
  };
  return runner;
}
