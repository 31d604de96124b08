import type { JsonSchemaDraft } from '@llmsr/spec';
import type { ParsedSchema } from '@llmsr/validation';
import { isJsonObject } from './json-keywords.js';

/**
 * The JSON Schema drafts whose keywords the checker reads differently. `undefined` (a schema
 * with no recorded draft and no `$schema`) means "accept every draft's spelling".
 * @internal
 */
export type JsonDraftName = JsonSchemaDraft;

const DRAFT_BY_URI: ReadonlyMap<string, JsonDraftName> = new Map([
  ['json-schema.org/draft-04/schema', 'draft-04'],
  ['json-schema.org/draft-06/schema', 'draft-06'],
  ['json-schema.org/draft-07/schema', 'draft-07'],
  ['json-schema.org/draft/2019-09/schema', '2019-09'],
  ['json-schema.org/draft/2020-12/schema', '2020-12'],
]);

const DRAFT_NAMES: ReadonlySet<string> = new Set(DRAFT_BY_URI.values());

/**
 * The draft a schema is read under: the parser's recorded `jsonDraft` (which already applies the
 * registry's default draft), else the root's `$schema`, else `undefined`.
 * @internal
 */
export function draftOf(
  parsed: Pick<ParsedSchema, 'native' | 'jsonDraft'>,
): JsonDraftName | undefined {
  if (parsed.jsonDraft !== undefined && DRAFT_NAMES.has(parsed.jsonDraft)) {
    return parsed.jsonDraft as JsonDraftName;
  }
  return declaredDraftOf(parsed.native);
}

/** The draft a document's root names in `$schema`, if it names a known one. @internal */
export function declaredDraftOf(root: unknown): JsonDraftName | undefined {
  if (!isJsonObject(root) || typeof root.$schema !== 'string') return undefined;
  return DRAFT_BY_URI.get(root.$schema.replace(/^https?:\/\//, '').replace(/#$/, ''));
}

/**
 * An array schema in 2020-12 terms: the positional `tuple` (2020-12 `prefixItems`, earlier
 * drafts' `items` array) and the `rest` schema for the items after it (2020-12 `items`, earlier
 * drafts' `additionalItems`, else `unevaluatedItems`). Keywords keep their written names so
 * reported paths point into the schema as the user wrote it.
 * @internal
 */
export interface ItemsView {
  tuple: unknown[];
  tupleKeyword: string;
  rest: unknown;
  restKeyword: string;
}

/**
 * Reads `items`/`prefixItems`/`additionalItems` as `draft` defines them. Before 2020-12
 * `prefixItems` is not a keyword and `additionalItems` only applies after an `items` array; from
 * 2020-12 `additionalItems` is not a keyword. With no known draft both spellings are accepted.
 * @internal
 */
export function itemsViewOf(node: Record<string, unknown>, draft?: JsonDraftName): ItemsView {
  const modern = draft === '2020-12' || draft === undefined;
  const legacy = draft !== '2020-12';
  let view: ItemsView = {
    tuple: [],
    tupleKeyword: 'prefixItems',
    rest: node.items,
    restKeyword: 'items',
  };
  if (modern && Array.isArray(node.prefixItems)) {
    view = { ...view, tuple: node.prefixItems };
  } else if (Array.isArray(node.items)) {
    // An `items` array is the tuple (a 2020-12 schema cannot hold one; read it the old way).
    view = {
      tuple: node.items,
      tupleKeyword: 'items',
      rest: legacy ? node.additionalItems : undefined,
      restKeyword: 'additionalItems',
    };
  }
  if (view.rest === undefined && node.unevaluatedItems !== undefined) {
    view = { ...view, rest: node.unevaluatedItems, restKeyword: 'unevaluatedItems' };
  }
  return view;
}

/** One numeric bound: its value and whether the value itself is excluded. @internal */
export interface NumericBound {
  value: number;
  exclusive: boolean;
}

const finite = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/**
 * The tightest upper (`maximum`/`exclusiveMaximum`) or lower bound of a node in 2020-12 terms:
 * draft-04's boolean `exclusiveMaximum: true` turns `maximum` exclusive, draft-06+ gives the
 * exclusive bound as a number. With no known draft both forms are accepted.
 * @internal
 */
export function numericBoundOf(
  node: Record<string, unknown>,
  side: 'upper' | 'lower',
  draft?: JsonDraftName,
): NumericBound | undefined {
  const inclusive = finite(side === 'upper' ? node.maximum : node.minimum);
  const exclusiveRaw = side === 'upper' ? node.exclusiveMaximum : node.exclusiveMinimum;
  const candidates: NumericBound[] = [];
  if (inclusive !== undefined) {
    const flagged = exclusiveRaw === true && (draft === undefined || draft === 'draft-04');
    candidates.push({ value: inclusive, exclusive: flagged });
  }
  const exclusive = draft === 'draft-04' ? undefined : finite(exclusiveRaw);
  if (exclusive !== undefined) candidates.push({ value: exclusive, exclusive: true });
  const tighter = (a: NumericBound, b: NumericBound): NumericBound => {
    if (a.value === b.value) return a.exclusive ? a : b;
    return side === 'upper' ? (a.value < b.value ? a : b) : a.value > b.value ? a : b;
  };
  return candidates.reduce<NumericBound | undefined>(
    (best, each) => (best ? tighter(best, each) : each),
    undefined,
  );
}

/**
 * The identifier a schema object declares: `$id`, or draft-04's `id` (a plain `id` is only an
 * identifier there; in later drafts it is an ordinary, ignored keyword).
 * @internal
 */
export function schemaIdOf(
  node: Record<string, unknown>,
  draft?: JsonDraftName,
): string | undefined {
  if (typeof node.$id === 'string') return node.$id;
  if (draft === 'draft-04' && typeof node.id === 'string') return node.id;
  return undefined;
}
