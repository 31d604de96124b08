import type { SubjectVersionWithSchema } from '@llmsr/storage';
import type { RegistryContext } from './registry-context.js';
import { RegistryError } from './registry-error.js';
import { baseQuery, checkPage } from './search-query.js';
import { toVersionView } from './to-version-view.js';
import type { SchemaSearchHit, SearchSchemasInput } from './types.js';

/** Versions a text search scores at most (after the store's type and metadata filters). */
export const MAX_SEARCH_SCAN = 100_000;
const SCAN_PAGE = 1_000;

/**
 * Text search over subject names, `metadata.description` and `metadata.tags`, after the store's
 * schema type and metadata filters; sorted by relevance, then newest first.
 */
export async function searchSchemas(
  context: RegistryContext,
  input: SearchSchemasInput,
): Promise<{ total: number; items: SchemaSearchHit[] }> {
  const page = checkPage(input);
  if (input.query !== undefined && input.query.length > 500) {
    throw new RegistryError('INVALID_INPUT', 'The search text is longer than 500 characters', {
      field: 'q',
    });
  }
  const base = baseQuery(input);
  const terms = (input.query ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((term) => term !== '')
    .slice(0, 20);
  const hits: Hit[] = [];
  // Pages through the filtered versions, keeping only keys and scores so memory stays small.
  for (let offset = 0; offset < MAX_SEARCH_SCAN; offset += SCAN_PAGE) {
    const { items } = await context.store.search({ ...base, limit: SCAN_PAGE, offset });
    for (const row of items) {
      const score = scoreOf(row, terms);
      if (score > 0) {
        hits.push({
          subject: row.subject,
          version: row.version,
          schemaId: row.schemaId,
          createdAt: row.createdAt,
          score,
        });
      }
    }
    if (items.length < SCAN_PAGE) break;
  }
  hits.sort(
    (a, b) =>
      b.score - a.score ||
      (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0) ||
      // Same millisecond: a higher schema id was stored later.
      b.schemaId - a.schemaId ||
      (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0) ||
      a.version - b.version,
  );
  const items: SchemaSearchHit[] = [];
  for (const hit of hits.slice(page.offset, page.offset + page.limit)) {
    const row = await context.store.getVersion(hit.subject, hit.version, { includeDeleted: true });
    // A version removed permanently between the scan and now is simply left out.
    if (row) items.push({ ...toVersionView(row), score: hit.score });
  }
  return { total: hits.length, items };
}

interface Hit {
  subject: string;
  version: number;
  schemaId: number;
  createdAt: string;
  score: number;
}

/** Relevance of a version for every term (0 when one term matches nothing); 1 with no terms. */
function scoreOf(row: SubjectVersionWithSchema, terms: string[]): number {
  if (terms.length === 0) return 1;
  const subject = row.subject.toLowerCase();
  const description =
    typeof row.metadata?.description === 'string' ? row.metadata.description.toLowerCase() : '';
  const rawTags = row.metadata?.tags;
  const tags = Array.isArray(rawTags)
    ? rawTags.filter((t): t is string => typeof t === 'string').map((t) => t.toLowerCase())
    : [];
  let total = 0;
  for (const term of terms) {
    let score = 0;
    if (subject === term) score += 10;
    else if (subject.startsWith(term)) score += 6;
    else if (subject.includes(term)) score += 4;
    if (tags.includes(term)) score += 5;
    else if (tags.some((tag) => tag.includes(term))) score += 2;
    if (description.includes(term)) score += 3;
    if (score === 0) return 0;
    total += score;
  }
  return total;
}
