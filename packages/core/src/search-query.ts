import type { SearchQuery } from '@llmsr/storage';
import { RegistryError } from './registry-error.js';
import { parseSchemaType } from './schema-text.js';
import type { FindSchemasInput, SearchSchemasInput } from './types.js';

/** Largest page a caller may ask for. */
export const MAX_PAGE_SIZE = 1_000;
const DEFAULT_PAGE_SIZE = 100;

/** The store query of the filters shared by find and search. */
export function baseQuery(input: FindSchemasInput | SearchSchemasInput): SearchQuery {
  const query: SearchQuery = { includeDeleted: input.includeDeleted === true };
  if (input.schemaType !== undefined) query.schemaType = parseSchemaType(input.schemaType);
  if (input.metadataKey !== undefined) {
    query.metadata = {
      key: input.metadataKey,
      ...(input.metadataValue === undefined ? {} : { value: input.metadataValue }),
    };
  } else if (input.metadataValue !== undefined) {
    throw new RegistryError('INVALID_INPUT', 'A metadata value needs a metadata key', {
      field: 'metadata_value',
    });
  }
  return query;
}

/** The page asked for, checked. */
export function checkPage(input: { limit?: number | undefined; offset?: number | undefined }) {
  const limit = input.limit ?? DEFAULT_PAGE_SIZE;
  const offset = input.offset ?? 0;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new RegistryError(
      'INVALID_INPUT',
      `limit must be an integer from 1 to ${MAX_PAGE_SIZE}`,
      {
        field: 'limit',
      },
    );
  }
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw new RegistryError('INVALID_INPUT', 'offset must be a non-negative integer', {
      field: 'offset',
    });
  }
  return { limit, offset };
}
