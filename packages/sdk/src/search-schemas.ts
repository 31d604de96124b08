import { SearchPage } from '@llmsr/spec/rest';
import type { CamelCaseKeys } from './camel-case-keys.js';
import type { SchemaType, SchemaVersion } from './client-types.js';
import type { HttpTransport } from './http-transport.js';
import { toSchemaVersion } from './map-responses.js';
import { readResponse } from './read-response.js';
import { RegistryClientError } from './registry-client-error.js';

/** The search route. */
export const SEARCH_PATH = '/api/v1/search';

/** Input of `search` (sent as query parameters). */
export interface SearchInput {
  /** Free text (`q`, at most 500 characters): matched against subject names, descriptions and tags. */
  query?: string;
  schemaType?: SchemaType;
  /** Only versions whose metadata has this key (`metadata_key`)... */
  metadataKey?: string;
  /** ...with this JSON value (`metadata_value`, sent JSON-encoded). */
  metadataValue?: unknown;
  /** Include soft-deleted versions. */
  deleted?: boolean;
  /** Page size (server default 100, at most 1,000) and offset. */
  limit?: number;
  offset?: number;
}

/** A page of search hits, best first. */
export type SearchResult = Pick<CamelCaseKeys<SearchPage>, 'total'> & {
  items: (SchemaVersion & Pick<CamelCaseKeys<SearchPage['items'][number]>, 'score'>)[];
};

/** Run a search; a server without the route fails with `ROUTE_UNAVAILABLE`. */
export async function searchSchemas(
  http: HttpTransport,
  input: SearchInput,
  signal: AbortSignal | undefined,
): Promise<SearchResult> {
  let raw: unknown;
  try {
    raw = await http.json('GET', SEARCH_PATH, {
      query: {
        q: input.query,
        schema_type: input.schemaType,
        metadata_key: input.metadataKey,
        metadata_value:
          input.metadataValue === undefined ? undefined : JSON.stringify(input.metadataValue),
        deleted: input.deleted ? 'true' : undefined,
        limit: input.limit === undefined ? undefined : String(input.limit),
        offset: input.offset === undefined ? undefined : String(input.offset),
      },
      signal,
    });
  } catch (error) {
    if (
      error instanceof RegistryClientError &&
      error.status === 404 &&
      (error.code === 'ROUTE_NOT_FOUND' || error.code === 'HTTP_ERROR')
    ) {
      throw new RegistryClientError(
        'ROUTE_UNAVAILABLE',
        `This registry has no search (GET ${SEARCH_PATH} answered 404)`,
        404,
        error.details,
        { cause: error },
      );
    }
    throw error;
  }
  const body = readResponse(SearchPage, raw, 'search result');
  const items = body.items.map((hit) => ({ ...toSchemaVersion(hit), score: hit.score }));
  return { total: body.total, items };
}
