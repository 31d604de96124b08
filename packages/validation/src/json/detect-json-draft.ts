import { SchemaParseError } from '../schema-format.js';

/** The JSON Schema drafts this package supports. */
export type JsonDraft = 'draft-07' | '2019-09' | '2020-12';

/** The draft used when a schema has no `$schema`. */
export const DEFAULT_JSON_DRAFT: JsonDraft = '2020-12';

/** Canonical meta-schema id of each draft, as ajv registers it. */
export const META_SCHEMA_IDS: Readonly<Record<JsonDraft, string>> = {
  'draft-07': 'http://json-schema.org/draft-07/schema',
  '2019-09': 'https://json-schema.org/draft/2019-09/schema',
  '2020-12': 'https://json-schema.org/draft/2020-12/schema',
};

// Accept http/https and an optional empty fragment: both spellings circulate in real schemas.
const DRAFT_BY_URI = new Map<string, JsonDraft>([
  ['json-schema.org/draft-07/schema', 'draft-07'],
  ['json-schema.org/draft/2019-09/schema', '2019-09'],
  ['json-schema.org/draft/2020-12/schema', '2020-12'],
]);

/**
 * Picks the draft of a parsed schema from its `$schema`, defaulting to 2020-12.
 * Throws {@link SchemaParseError} for an unknown or non-string `$schema`.
 */
export function detectJsonDraft(schema: unknown): JsonDraft {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    return DEFAULT_JSON_DRAFT;
  }
  if (!Object.hasOwn(schema, '$schema')) return DEFAULT_JSON_DRAFT;
  const uri = (schema as { $schema?: unknown }).$schema;
  if (typeof uri !== 'string') {
    throw new SchemaParseError('$schema must be a string', [
      { path: '/$schema', message: 'must be a string' },
    ]);
  }
  const key = uri.replace(/^https?:\/\//, '').replace(/#$/, '');
  const draft = DRAFT_BY_URI.get(key);
  if (!draft) {
    const shown = uri.length > 200 ? `${uri.slice(0, 200)}...` : uri;
    throw new SchemaParseError(
      `unsupported $schema "${shown}" (supported: draft-07, 2019-09, 2020-12)`,
      [{ path: '/$schema', message: `unsupported meta-schema "${shown}"` }],
    );
  }
  return draft;
}
