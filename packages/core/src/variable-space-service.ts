import type { ResourceRecord, SchemaStore } from '@llmsr/storage';
import {
  compileSpace,
  exportJsonSchema,
  parseSpace,
  sample,
  serializeSpace,
  type VariableSpace,
  VariableSpaceError,
} from '@llmsr/variables';
import { RegistryError } from './registry-error.js';
import { toRegistryError } from './to-registry-error.js';

/** Most configurations one sample call returns (100,000 would be about 20 MB of JSON). */
const MAX_HTTP_SAMPLES = 10_000;

/** The storage kind variable spaces live under in the generic resource table. */
export const VARIABLE_SPACE_KIND = 'variable-space';

/** A stored variable space: its JSON definition and optimistic-concurrency version. */
export interface StoredVariableSpace {
  id: string;
  definition: Record<string, unknown>;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Variable spaces (`@llmsr/variables`) persisted through the registry's storage. */
export interface VariableSpaceService {
  /** Store a new space; `CONFLICT` when the id exists, `INVALID_INPUT` with every issue when malformed. */
  create(definition: unknown): Promise<StoredVariableSpace>;
  /** Replace a space, given the version you read (`CONFLICT` when it changed since). */
  update(id: string, definition: unknown, expectedVersion: number): Promise<StoredVariableSpace>;
  getOrThrow(id: string): Promise<StoredVariableSpace>;
  list(options?: { limit?: number; offset?: number }): Promise<StoredVariableSpace[]>;
  delete(id: string): Promise<void>;
  /** Validate a configuration: all issues at once, or the normalised configuration. */
  validate(
    id: string,
    configuration: unknown,
  ): Promise<ReturnType<ReturnType<typeof compileSpace>['validate']>>;
  sample(
    id: string,
    options: { count: unknown; seed?: unknown; method?: unknown },
  ): Promise<Record<string, unknown>[]>;
  exportJsonSchema(id: string): Promise<ReturnType<typeof exportJsonSchema>>;
}

function toStored(record: ResourceRecord<Record<string, unknown>>): StoredVariableSpace {
  return {
    id: record.id,
    definition: record.document,
    version: record.version,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

function fromVariableError(error: unknown): unknown {
  if (error instanceof VariableSpaceError) {
    return new RegistryError('INVALID_INPUT', error.message, {
      code: error.code,
      path: error.path,
      issues: error.issues,
    });
  }
  return error;
}

/** Create the {@link VariableSpaceService} over a store. */
export function createVariableSpaceService(store: SchemaStore): VariableSpaceService {
  // Parsed spaces by id@version: stored documents are immutable per version.
  const parsed = new Map<string, VariableSpace>();

  async function load(id: string): Promise<{ record: StoredVariableSpace; space: VariableSpace }> {
    const resource = await store.getResource<Record<string, unknown>>(VARIABLE_SPACE_KIND, id);
    if (!resource) {
      throw new RegistryError(
        'RESOURCE_NOT_FOUND',
        `Variable space '${id.slice(0, 100)}' not found`,
        {
          id: id.slice(0, 100),
        },
      );
    }
    const key = `${id}@${resource.version}`;
    let space = parsed.get(key);
    if (!space) {
      space = parseSpace(resource.document);
      if (parsed.size > 1_000) parsed.clear();
      parsed.set(key, space);
    }
    return { record: toStored(resource), space };
  }

  async function put(definition: unknown, expectedVersion: number, id?: string) {
    const space = parseSpace(definition);
    if (id !== undefined && space.id !== id) {
      throw new RegistryError(
        'INVALID_INPUT',
        `The definition's id '${space.id}' differs from '${id}'`,
        {
          field: 'id',
        },
      );
    }
    const record = await store.putResource({
      kind: VARIABLE_SPACE_KIND,
      id: space.id,
      document: serializeSpace(space) as Record<string, unknown>,
      expectedVersion,
    });
    return toStored(record);
  }

  const service: VariableSpaceService = {
    create: (definition) => put(definition, 0),
    update: (id, definition, expectedVersion) => put(definition, expectedVersion, id),
    getOrThrow: async (id) => (await load(id)).record,
    list: async (options = {}) =>
      (await store.listResources<Record<string, unknown>>(VARIABLE_SPACE_KIND, options)).map(
        toStored,
      ),
    delete: async (id) => {
      if (!(await store.deleteResource(VARIABLE_SPACE_KIND, id))) {
        throw new RegistryError(
          'RESOURCE_NOT_FOUND',
          `Variable space '${id.slice(0, 100)}' not found`,
          {
            id: id.slice(0, 100),
          },
        );
      }
    },
    validate: async (id, configuration) =>
      compileSpace((await load(id)).space).validate(configuration),
    sample: async (id, options) => {
      const { space } = await load(id);
      if (typeof options.count === 'number' && options.count > MAX_HTTP_SAMPLES) {
        throw new RegistryError('INVALID_INPUT', `count must be at most ${MAX_HTTP_SAMPLES}`, {
          field: 'count',
        });
      }
      return sample(space, options as Parameters<typeof sample>[1]);
    },
    // Fractional steps become enums: the registry's ajv keeps the JSON Schema suite's strict
    // `multipleOf` semantics, under which 0.3 is not a multiple of 0.1.
    exportJsonSchema: async (id) =>
      exportJsonSchema((await load(id)).space, { fractionalSteps: 'enum' }),
  };

  // Every failure leaves as a RegistryError.
  const guarded = {} as Record<string, unknown>;
  for (const [name, method] of Object.entries(service)) {
    guarded[name] = (...args: unknown[]) =>
      (method as (...a: unknown[]) => Promise<unknown>)(...args).catch((error: unknown) => {
        throw toRegistryError(fromVariableError(error));
      });
  }
  return guarded as unknown as VariableSpaceService;
}
