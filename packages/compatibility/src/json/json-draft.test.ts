import { describe, expect, it } from 'vitest';
import {
  draftOf,
  itemsViewOf,
  type JsonDraftName,
  numericBoundOf,
  schemaIdOf,
} from './json-draft.js';

const str = { type: 'string' };
const int = { type: 'integer' };

describe('draftOf', () => {
  it.each([
    [
      'the recorded draft wins over $schema',
      { $schema: 'http://json-schema.org/draft-07/schema#' },
      '2020-12',
      '2020-12',
    ],
    [
      'a draft-04 $schema',
      { $schema: 'http://json-schema.org/draft-04/schema#' },
      undefined,
      'draft-04',
    ],
    [
      'a draft-06 $schema without the fragment',
      { $schema: 'http://json-schema.org/draft-06/schema' },
      undefined,
      'draft-06',
    ],
    [
      'an https 2019-09 $schema',
      { $schema: 'https://json-schema.org/draft/2019-09/schema' },
      undefined,
      '2019-09',
    ],
    ['no $schema and no recorded draft', { type: 'string' }, undefined, undefined],
    [
      'an unknown recorded draft falls back to $schema',
      { $schema: 'http://json-schema.org/draft-07/schema#' },
      'draft-99',
      'draft-07',
    ],
    ['an unknown $schema', { $schema: 'http://example.com/my-meta' }, undefined, undefined],
  ] as const)('reads %s', (_name, native, jsonDraft, expected) => {
    expect(draftOf({ native, ...(jsonDraft === undefined ? {} : { jsonDraft }) })).toBe(expected);
  });
});

describe('itemsViewOf', () => {
  it.each<
    [string, Record<string, unknown>, JsonDraftName | undefined, unknown[], string, unknown, string]
  >([
    [
      'a draft-07 items array is the tuple and additionalItems the rest',
      { items: [str], additionalItems: false },
      'draft-07',
      [str],
      'items',
      false,
      'additionalItems',
    ],
    [
      '2020-12 prefixItems is the tuple and items the rest',
      { prefixItems: [str], items: int },
      '2020-12',
      [str],
      'prefixItems',
      int,
      'items',
    ],
    [
      'draft-07 ignores prefixItems, so items covers every item',
      { prefixItems: [int], items: str },
      'draft-07',
      [],
      'prefixItems',
      str,
      'items',
    ],
    [
      '2020-12 ignores additionalItems after prefixItems',
      { prefixItems: [str], additionalItems: false },
      '2020-12',
      [str],
      'prefixItems',
      undefined,
      'items',
    ],
    [
      'draft-07 ignores additionalItems without an items array',
      { additionalItems: false },
      'draft-07',
      [],
      'prefixItems',
      undefined,
      'items',
    ],
    [
      'an unknown draft accepts the draft-07 spelling',
      { items: [str], additionalItems: int },
      undefined,
      [str],
      'items',
      int,
      'additionalItems',
    ],
    [
      'an unknown draft accepts the 2020-12 spelling',
      { prefixItems: [str], items: false },
      undefined,
      [str],
      'prefixItems',
      false,
      'items',
    ],
    [
      'unevaluatedItems is the rest when nothing else is',
      { prefixItems: [str], unevaluatedItems: false },
      '2020-12',
      [str],
      'prefixItems',
      false,
      'unevaluatedItems',
    ],
  ])('%s', (_name, node, draft, tuple, tupleKeyword, rest, restKeyword) => {
    expect(itemsViewOf(node, draft)).toEqual({ tuple, tupleKeyword, rest, restKeyword });
  });
});

describe('numericBoundOf', () => {
  it.each<[string, Record<string, unknown>, 'upper' | 'lower', JsonDraftName | undefined, unknown]>(
    [
      [
        'a draft-04 boolean exclusiveMaximum makes maximum exclusive',
        { maximum: 10, exclusiveMaximum: true },
        'upper',
        'draft-04',
        { value: 10, exclusive: true },
      ],
      [
        'a draft-04 exclusiveMinimum false leaves minimum inclusive',
        { minimum: 1, exclusiveMinimum: false },
        'lower',
        'draft-04',
        { value: 1, exclusive: false },
      ],
      [
        'a draft-04 boolean flag without its bound is no bound',
        { exclusiveMinimum: true },
        'lower',
        'draft-04',
        undefined,
      ],
      [
        'a 2020-12 numeric exclusiveMinimum is an exclusive bound',
        { exclusiveMinimum: 3 },
        'lower',
        '2020-12',
        { value: 3, exclusive: true },
      ],
      [
        '2020-12 ignores a boolean exclusiveMaximum',
        { maximum: 10, exclusiveMaximum: true },
        'upper',
        '2020-12',
        { value: 10, exclusive: false },
      ],
      [
        'the tighter of maximum and exclusiveMaximum wins',
        { maximum: 8, exclusiveMaximum: 9 },
        'upper',
        'draft-07',
        { value: 8, exclusive: false },
      ],
      [
        'an equal exclusive bound is tighter than an inclusive one',
        { minimum: 4, exclusiveMinimum: 4 },
        'lower',
        '2019-09',
        { value: 4, exclusive: true },
      ],
      [
        'an unknown draft accepts the draft-04 flag',
        { minimum: 2, exclusiveMinimum: true },
        'lower',
        undefined,
        { value: 2, exclusive: true },
      ],
    ],
  )('%s', (_name, node, side, draft, expected) => {
    expect(numericBoundOf(node, side, draft)).toEqual(expected);
  });
});

describe('schemaIdOf', () => {
  it.each<[string, Record<string, unknown>, JsonDraftName | undefined, string | undefined]>([
    ['$id in any draft', { $id: 'a.json' }, '2020-12', 'a.json'],
    ['a draft-04 id', { id: '#a' }, 'draft-04', '#a'],
    ['a draft-07 id is an ordinary keyword', { id: '#a' }, 'draft-07', undefined],
    ['an id with no known draft is not trusted', { id: '#a' }, undefined, undefined],
  ])('reads %s', (_name, node, draft, expected) => {
    expect(schemaIdOf(node, draft)).toBe(expected);
  });
});
