import { createHandlerRegistry, type StageHandler } from '../src/index.js';

/** A handler registry for tests, recording every call as `stageId:attempt`. */
export function recordingHandlers(extra: Record<string, StageHandler> = {}) {
  const calls: string[] = [];
  const record =
    (fn: StageHandler): StageHandler =>
    (input, ctx) => {
      calls.push(`${ctx.stageId}:${ctx.attempt}`);
      return fn(input, ctx);
    };
  const handlers = createHandlerRegistry({
    echo: record((input) => input),
    add: record((input, { config }) => (input as number) + ((config.n as number) ?? 1)),
    fail: record(() => {
      throw Object.assign(new Error('boom'), { name: 'BoomError' });
    }),
    hang: record(
      (_input, { signal }) =>
        new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
    ),
    ignoreSignal: record(() => new Promise(() => {})),
    ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, record(v)])),
  });
  return { handlers, calls };
}

/** Builds a pipeline definition from a compact list of stages and edges. */
export function pipeline(
  stages: Record<string, unknown>[],
  connections: [string, string][] = [],
  extra: Record<string, unknown> = {},
) {
  return {
    id: 'test',
    stages,
    connections: connections.map(([from, to]) => ({ from, to })),
    ...extra,
  };
}

/** A promise and its resolver, for handlers a test releases by hand. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
