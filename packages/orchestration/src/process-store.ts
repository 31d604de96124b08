import { OrchestrationError } from './orchestration-error.js';
import {
  isProcessType,
  PROCESS_TYPES,
  type Process,
  type ProcessType,
  type TransitionRequest,
  transitionProcess,
} from './process-state.js';

/** Input of {@link ProcessStore.create}. */
export interface CreateProcessInput {
  id?: string;
  type: ProcessType;
  state?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}

/**
 * Where processes live. The in-memory implementation is the reference; a durable one (through
 * `@llmsr/storage`) implements the same compare-and-set on `version`.
 */
export interface ProcessStore {
  create(input: CreateProcessInput): Promise<Process>;
  get(id: string): Promise<Process | undefined>;
  getOrThrow(id: string): Promise<Process>;
  transition(id: string, request: TransitionRequest): Promise<Process>;
}

/** Options of {@link createInMemoryProcessStore}. */
export interface InMemoryProcessStoreOptions {
  now?: () => number;
  newId?: () => string;
}

/**
 * A process store in memory. Every process starts in `starting` at version 1.
 *
 * @example
 * ```ts
 * const store = createInMemoryProcessStore();
 * const p = await store.create({ type: 'pipeline' });
 * await store.transition(p.id, { to: 'running', expectedVersion: 1 }); // version 2
 * ```
 */
export function createInMemoryProcessStore(
  options: InMemoryProcessStoreOptions = {},
): ProcessStore {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const processes = new Map<string, Process>();

  async function getOrThrow(id: string): Promise<Process> {
    const found = processes.get(id);
    if (!found)
      throw new OrchestrationError('RESOURCE_NOT_FOUND', `no process ${id}`, { processId: id });
    return structuredClone(found);
  }

  return {
    async create(input) {
      if (!isProcessType(input.type)) {
        throw new OrchestrationError(
          'INVALID_INPUT',
          `unknown process type ${JSON.stringify(input.type)}`,
          {
            path: '/type',
            allowed: [...PROCESS_TYPES],
          },
        );
      }
      const id = input.id ?? newId();
      if (processes.has(id)) {
        throw new OrchestrationError('CONFLICT', `process ${id} already exists`, { processId: id });
      }
      const process: Process = {
        id,
        type: input.type,
        status: 'starting',
        state: structuredClone(input.state ?? {}),
        metadata: structuredClone(input.metadata ?? {}),
        updatedAt: now(),
        version: 1,
      };
      processes.set(id, process);
      return structuredClone(process);
    },
    async get(id) {
      const found = processes.get(id);
      return found ? structuredClone(found) : undefined;
    },
    getOrThrow,
    async transition(id, request) {
      const current = processes.get(id);
      if (!current)
        throw new OrchestrationError('RESOURCE_NOT_FOUND', `no process ${id}`, { processId: id });
      // Read, check and write happen in one synchronous step, so two racing callers with the
      // same expected version cannot both win.
      const next = transitionProcess(
        current,
        { ...request, state: request.state && structuredClone(request.state) },
        now(),
      );
      processes.set(id, next);
      return structuredClone(next);
    },
  };
}
