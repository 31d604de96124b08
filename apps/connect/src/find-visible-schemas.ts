import type { Registry, SchemaVersionView } from '@llmsr/core';
import type { ListSchemasRequest } from '@llmsr/proto';
import { findAllSchemas } from './find-all-schemas.js';

/**
 * {@link findAllSchemas} for a principal limited to subject prefixes: only the versions of
 * subjects it may see, with `offset`, `limit` and `total` counted among those, so neither the
 * page nor the count reveals other teams' schemas. Two passes over the matches (one to count,
 * one to answer), both in bounded memory.
 *
 * @example
 * ```ts
 * for await (const { item } of findVisibleSchemas(registry, request, signal, (s) => s.startsWith('team-a.'))) {}
 * ```
 */
export async function* findVisibleSchemas(
  registry: Registry,
  request: ListSchemasRequest,
  signal: AbortSignal,
  visible: (subject: string) => boolean,
): AsyncGenerator<{ item: SchemaVersionView; total: number }> {
  // Validates limit and offset before the first pass, like the unfiltered listing.
  const everything = { ...request, limit: 0, offset: 0 };
  if (request.limit < 0 || request.offset < 0) {
    yield* findAllSchemas(registry, request, signal);
    return;
  }
  let total = 0;
  for await (const { item } of findAllSchemas(registry, everything, signal)) {
    if (visible(item.subject)) total++;
  }
  let skip = request.offset;
  let remaining = request.limit === 0 ? Number.POSITIVE_INFINITY : request.limit;
  for await (const { item } of findAllSchemas(registry, everything, signal)) {
    if (remaining <= 0) return;
    if (!visible(item.subject)) continue;
    if (skip > 0) {
      skip--;
      continue;
    }
    remaining--;
    yield { item, total };
  }
}
