import type { ParsedSchema, ResolvedReference } from '@llmsr/validation';
import { LRUCache } from 'lru-cache';
import type { SchemaById, SchemaReference, SchemaVersion } from './client-types.js';
import type { FormatOf } from './create-format-of.js';
import { RegistryClientError } from './registry-client-error.js';
import { schemaText } from './schema-text.js';

/** Deepest chain of references followed. */
const MAX_REFERENCE_DEPTH = 32;

/** What the loader needs from the REST client. */
export interface SchemaSource {
  getSchema(id: number | string, options?: { signal?: AbortSignal }): Promise<SchemaById>;
  getVersion(
    subject: string,
    version: number | string,
    options?: { signal?: AbortSignal },
  ): Promise<SchemaVersion>;
}

/** Parses schemas fetched by id once, with their references resolved, and keeps them. */
export interface SchemaLoader {
  parsed(id: number, options?: { signal?: AbortSignal }): Promise<ParsedSchema>;
}

/** Create a {@link SchemaLoader}: parsed schemas are cached by id, as ids never change content. */
export function createSchemaLoader(
  source: SchemaSource,
  maxEntries: number,
  formatOf: FormatOf,
): SchemaLoader {
  const cache = new LRUCache<string, Promise<ParsedSchema>>({ max: maxEntries });

  async function resolve(
    references: SchemaReference[],
    depth: number,
    signal: AbortSignal | undefined,
  ): Promise<ResolvedReference[]> {
    if (references.length > 0 && depth >= MAX_REFERENCE_DEPTH) {
      throw new RegistryClientError(
        'INVALID_RESPONSE',
        `Schema references nest deeper than ${MAX_REFERENCE_DEPTH} levels (a cycle?)`,
        undefined,
      );
    }
    const out: ResolvedReference[] = [];
    for (const ref of references) {
      const version = await source.getVersion(ref.subject, ref.version, { signal });
      out.push({
        name: ref.name,
        subject: ref.subject,
        version: version.version,
        schemaType: version.schemaType,
        schema: schemaText(version.schemaType, version.schema),
        references: await resolve(version.references, depth + 1, signal),
      });
    }
    return out;
  }

  async function load(id: number, signal: AbortSignal | undefined): Promise<ParsedSchema> {
    const schema = await source.getSchema(id, { signal });
    const references = await resolve(schema.references, 0, signal);
    try {
      return formatOf(schema.schemaType).parse(schemaText(schema.schemaType, schema.schema), {
        references,
      });
    } catch (error) {
      throw new RegistryClientError(
        'INVALID_RESPONSE',
        `Schema ${id} from the server does not parse locally: ${(error as Error).message}`,
        undefined,
        { schemaId: id },
        { cause: error },
      );
    }
  }

  return {
    parsed(id, options = {}) {
      const key = String(id);
      const hit = cache.get(key);
      if (hit) return hit;
      const pending = load(id, options.signal);
      cache.set(key, pending);
      // A failure is not cached: the next call tries again.
      pending.catch(() => cache.delete(key));
      return pending;
    },
  };
}
