import { JSON_SCHEMA_DRAFTS, type JsonSchemaDraft } from '@llmsr/spec';
import { SchemaParseError } from '../schema-format.js';

/** The JSON Schema drafts this package supports (`@llmsr/spec`'s {@link JsonSchemaDraft}). */
export type JsonDraft = JsonSchemaDraft;

/** Every supported draft, oldest first (`@llmsr/spec`'s `JSON_SCHEMA_DRAFTS`). */
export const JSON_DRAFTS: readonly JsonDraft[] = JSON_SCHEMA_DRAFTS;

/**
 * The draft a schema without `$schema` is read under when the caller gives none: draft-07,
 * as Confluent Schema Registry reads such schemas.
 */
export const DEFAULT_JSON_DRAFT: JsonDraft = 'draft-07';

/** Canonical meta-schema id of each draft, as ajv registers it. */
export const META_SCHEMA_IDS: Readonly<Record<JsonDraft, string>> = {
  'draft-04': 'http://json-schema.org/draft-04/schema',
  'draft-06': 'http://json-schema.org/draft-06/schema',
  'draft-07': 'http://json-schema.org/draft-07/schema',
  '2019-09': 'https://json-schema.org/draft/2019-09/schema',
  '2020-12': 'https://json-schema.org/draft/2020-12/schema',
};

/**
 * The `$schema` value each draft's own specification writes: what the canonical form of a
 * schema without `$schema` states, so that its identity carries the draft it is read under.
 */
export const JSON_DRAFT_SCHEMA_URIS: Readonly<Record<JsonDraft, string>> = {
  'draft-04': 'http://json-schema.org/draft-04/schema#',
  'draft-06': 'http://json-schema.org/draft-06/schema#',
  'draft-07': 'http://json-schema.org/draft-07/schema#',
  '2019-09': 'https://json-schema.org/draft/2019-09/schema',
  '2020-12': 'https://json-schema.org/draft/2020-12/schema',
};

// Accept http/https and an optional empty fragment: both spellings circulate in real schemas.
const DRAFT_BY_URI = new Map<string, JsonDraft>([
  ['json-schema.org/draft-04/schema', 'draft-04'],
  ['json-schema.org/draft-06/schema', 'draft-06'],
  ['json-schema.org/draft-07/schema', 'draft-07'],
  ['json-schema.org/draft/2019-09/schema', '2019-09'],
  ['json-schema.org/draft/2020-12/schema', '2020-12'],
]);

/** Draft names once stripped of a `draft` prefix and separators (`draft_2019_09` -> `201909`). */
const DRAFT_BY_NUMBER = new Map<string, JsonDraft>([
  ['4', 'draft-04'],
  ['04', 'draft-04'],
  ['6', 'draft-06'],
  ['06', 'draft-06'],
  ['7', 'draft-07'],
  ['07', 'draft-07'],
  ['201909', '2019-09'],
  ['202012', '2020-12'],
]);

/**
 * Reads a draft name as settings and clients spell it: this package's names (`draft-07`,
 * `2020-12`), Confluent's (`draft_7`, `DRAFT_2019_09`), short forms (`draft7`, `7`) or a
 * meta-schema URI. Returns `undefined` for anything else.
 *
 * @example
 * ```ts
 * jsonDraftFromName('DRAFT_4'); // 'draft-04'
 * jsonDraftFromName('https://json-schema.org/draft/2020-12/schema'); // '2020-12'
 * jsonDraftFromName('draft-05'); // undefined
 * ```
 */
export function jsonDraftFromName(name: string): JsonDraft | undefined {
  const trimmed = name.trim().toLowerCase();
  const byUri = DRAFT_BY_URI.get(trimmed.replace(/^https?:\/\//, '').replace(/#$/, ''));
  if (byUri) return byUri;
  const number = trimmed.replace(/^draft/, '').replace(/[-_ ]/g, '');
  return DRAFT_BY_NUMBER.get(number);
}

/**
 * {@link jsonDraftFromName} that throws a `RangeError` naming the supported drafts: an unknown
 * default draft is a setting's mistake, never silently replaced by another draft.
 */
export function jsonDraftFromNameOrThrow(name: string): JsonDraft {
  const draft = jsonDraftFromName(name);
  if (draft) return draft;
  const shown = name.length > 100 ? `${name.slice(0, 100)}...` : name;
  throw new RangeError(
    `unknown JSON Schema draft "${shown}" (supported: ${JSON_DRAFTS.join(', ')})`,
  );
}

/**
 * Picks the draft of a parsed schema from its `$schema`, else `defaultDraft` (draft-07
 * unless given). Throws {@link SchemaParseError} for an unknown or non-string `$schema`.
 */
export function detectJsonDraft(
  schema: unknown,
  defaultDraft: JsonDraft = DEFAULT_JSON_DRAFT,
): JsonDraft {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    return defaultDraft;
  }
  if (!Object.hasOwn(schema, '$schema')) return defaultDraft;
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
      `unsupported $schema "${shown}" (supported: ${JSON_DRAFTS.join(', ')})`,
      [{ path: '/$schema', message: `unsupported meta-schema "${shown}"` }],
    );
  }
  return draft;
}
