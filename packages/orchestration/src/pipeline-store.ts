import { OrchestrationError } from './orchestration-error.js';
import type { PipelineDefinition } from './pipeline-definition.js';
import { preparePipeline } from './prepare-pipeline.js';
import type { ValidatePipelineOptions } from './validate-pipeline.js';

/** A stored pipeline definition version. */
export interface StoredPipeline {
  id: string;
  version: number;
  definition: PipelineDefinition;
  createdAt: number;
}

/**
 * Pipeline definitions as versioned resources: registering a changed definition under an id
 * adds a version; registering the same one again returns the existing version (idempotent, like
 * registering a schema twice).
 */
export interface PipelineStore {
  /** Validates (throwing `INVALID_PIPELINE` with every problem) and stores a definition. */
  put(definition: unknown): Promise<StoredPipeline>;
  get(id: string, version?: number): Promise<StoredPipeline | undefined>;
  getOrThrow(id: string, version?: number): Promise<StoredPipeline>;
  /** The latest version of every pipeline, by id. */
  list(): Promise<StoredPipeline[]>;
}

/** Options of {@link createInMemoryPipelineStore}. */
export interface InMemoryPipelineStoreOptions extends ValidatePipelineOptions {
  now?: () => number;
}

/**
 * A {@link PipelineStore} in memory. The definition's own `version` field is ignored: the store
 * numbers versions.
 *
 * @example
 * ```ts
 * const pipelines = createInMemoryPipelineStore(definitionChecksFor(handlers));
 * const { id, version } = await pipelines.put(definition); // version 1
 * ```
 */
export function createInMemoryPipelineStore(
  options: InMemoryPipelineStoreOptions = {},
): PipelineStore {
  const now = options.now ?? Date.now;
  const versions = new Map<string, StoredPipeline[]>();
  const store: PipelineStore = {
    async put(definition) {
      const { pipeline } = preparePipeline(definition, options);
      const list = versions.get(pipeline.id) ?? [];
      const latest = list.at(-1);
      const comparable = JSON.stringify({ ...pipeline, version: 0 });
      if (latest && JSON.stringify({ ...latest.definition, version: 0 }) === comparable)
        return structuredClone(latest);
      const stored: StoredPipeline = {
        id: pipeline.id,
        version: list.length + 1,
        definition: { ...pipeline, version: list.length + 1 },
        createdAt: now(),
      };
      list.push(stored);
      versions.set(pipeline.id, list);
      return structuredClone(stored);
    },
    async get(id, version) {
      const list = versions.get(id);
      const found = version === undefined ? list?.at(-1) : list?.[version - 1];
      return found ? structuredClone(found) : undefined;
    },
    async getOrThrow(id, version) {
      const found = await store.get(id, version);
      if (!found) {
        throw new OrchestrationError(
          'RESOURCE_NOT_FOUND',
          `no pipeline ${id}${version === undefined ? '' : ` version ${version}`}`,
          {
            pipelineId: id,
            version,
          },
        );
      }
      return found;
    },
    async list() {
      return [...versions.values()].map((list) => structuredClone(list.at(-1)!));
    },
  };
  return store;
}
