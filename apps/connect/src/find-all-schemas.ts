import { type Registry, RegistryError, type SchemaVersionView } from '@llmsr/core';
import type { ListSchemasRequest } from '@llmsr/proto';
import { fromProtoSchemaType } from './map-schema-type.js';
import { parseValue } from './parse-validate-input.js';

/** Versions fetched per storage query. */
const PAGE = 500;

/**
 * Every version matching a `ListSchemasRequest`, page by page (so a large registry streams in
 * bounded memory), with the total match count; `limit` 0 means all. Stops when `signal` aborts.
 */
export async function* findAllSchemas(
  registry: Registry,
  request: ListSchemasRequest,
  signal: AbortSignal,
): AsyncGenerator<{ item: SchemaVersionView; total: number }> {
  if (request.limit < 0 || request.offset < 0) {
    throw new RegistryError('INVALID_INPUT', 'limit and offset must not be negative', {
      field: request.limit < 0 ? 'limit' : 'offset',
    });
  }
  const filters = {
    ...(request.subject === '' ? {} : { subject: request.subject }),
    schemaType: fromProtoSchemaType(request.schemaType, 'schema_type'),
    ...(request.metadataKey === '' ? {} : { metadataKey: request.metadataKey }),
    ...(request.metadataValue
      ? { metadataValue: parseValue(request.metadataValue, 'metadata_value') }
      : {}),
    ...(request.tag === '' ? {} : { tag: request.tag }),
    includeDeleted: request.includeDeleted,
  };
  let remaining = request.limit === 0 ? Number.POSITIVE_INFINITY : request.limit;
  let offset = request.offset;
  while (remaining > 0 && !signal.aborted) {
    const limit = Math.min(remaining, PAGE);
    const page = await registry.schemas.find({ ...filters, limit, offset });
    for (const item of page.items) yield { item, total: page.total };
    if (page.items.length < limit) return;
    offset += page.items.length;
    remaining -= page.items.length;
  }
}
