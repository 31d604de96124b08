import type { SearchQuery } from '@llmsr/storage';
import type { RegistryContext } from './registry-context.js';
import { baseQuery, checkPage } from './search-query.js';
import { toVersionView } from './to-version-view.js';
import type { FindSchemasInput } from './types.js';

/** Subject versions matching structured filters (store-side), newest registrations last. */
export async function findSchemas(context: RegistryContext, input: FindSchemasInput) {
  const page = checkPage(input);
  const query: SearchQuery = { ...baseQuery(input), limit: page.limit, offset: page.offset };
  if (input.subject !== undefined) query.subject = input.subject;
  if (input.tag !== undefined) query.tag = input.tag;
  const result = await context.store.search(query);
  return { total: result.total, items: result.items.map(toVersionView) };
}
