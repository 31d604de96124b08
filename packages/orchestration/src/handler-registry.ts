import { OrchestrationError } from './orchestration-error.js';
import type { ResolvedSchema, SchemaResolver } from './schema-resolver.js';

/** What a handler gets besides its input. */
export interface HandlerContext {
  /** Aborts on the stage timeout, the run timeout, cancellation, or a stop elsewhere in the run. */
  signal: AbortSignal;
  /** The stage's (or the fallback's) `config`. */
  config: Record<string, unknown>;
  runId: string;
  stageId: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** The stage's resolved output schema, when it declares one (`llm.chat` builds `response_format` from it). */
  outputSchema?: ResolvedSchema;
  resolver: SchemaResolver;
}

/** A problem in a handler's config: a JSON Pointer under `config`, and why. */
export interface ConfigProblem {
  path: string;
  message: string;
}

/**
 * A stage handler: takes the stage input and returns (or resolves to) its output. It may carry
 * `checkConfig`, run when a definition is validated, so a bad config (a JSONata syntax error, a
 * file: URL) is reported with its stage id before any run, not halfway through one.
 */
export type StageHandler = ((input: unknown, context: HandlerContext) => unknown) & {
  checkConfig?: (config: Record<string, unknown>) => ConfigProblem[];
};

/** Named handlers a runner can call. */
export interface HandlerRegistry {
  /** Adds a handler; throws `CONFLICT` when the name is taken (use `replace` to override). */
  register(name: string, handler: StageHandler): HandlerRegistry;
  replace(name: string, handler: StageHandler): HandlerRegistry;
  get(name: string): StageHandler | undefined;
  getOrThrow(name: string): StageHandler;
  has(name: string): boolean;
  names(): string[];
}

/**
 * A handler registry, optionally seeded (e.g. with {@link createBuiltinHandlers}). Embedding
 * applications register their own handlers here.
 *
 * @example
 * ```ts
 * const handlers = createHandlerRegistry(createBuiltinHandlers())
 *   .register('app.lookup', async (input, { signal }) => db.find(input, { signal }));
 * ```
 */
export function createHandlerRegistry(initial: Record<string, StageHandler> = {}): HandlerRegistry {
  const handlers = new Map<string, StageHandler>(Object.entries(initial));
  const registry: HandlerRegistry = {
    register(name, handler) {
      if (handlers.has(name)) {
        throw new OrchestrationError('CONFLICT', `a handler named ${name} is already registered`, {
          handler: name,
        });
      }
      handlers.set(name, handler);
      return registry;
    },
    replace(name, handler) {
      handlers.set(name, handler);
      return registry;
    },
    get: (name) => handlers.get(name),
    getOrThrow(name) {
      const handler = handlers.get(name);
      if (!handler) {
        throw new OrchestrationError(
          'UNKNOWN_HANDLER',
          `no handler named ${name}; registered: ${[...handlers.keys()].join(', ')}`,
          {
            handler: name,
          },
        );
      }
      return handler;
    },
    has: (name) => handlers.has(name),
    names: () => [...handlers.keys()],
  };
  return registry;
}

/**
 * The definition checks a registry implies: handler names must be registered, and configs pass
 * their handler's `checkConfig`. Pass to `validatePipeline` or `preparePipeline`.
 */
export function definitionChecksFor(handlers: HandlerRegistry) {
  return {
    isKnownHandler: (name: string) => handlers.has(name),
    checkHandlerConfig: (name: string, config: Record<string, unknown>) =>
      handlers.get(name)?.checkConfig?.(config) ?? [],
  };
}
