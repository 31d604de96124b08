import type { ArrayModel } from './compare-array.js';
import { type CompareContext, issue, nest, type Violations } from './compare-context.js';
import { compareSchemas } from './compare-schemas.js';
import { type Cover, compareOpenness } from './content-model.js';
import { isEmptySchema } from './json-keywords.js';

/**
 * Positional items (`prefixItems`, draft-7 `items` arrays) and the items after them: an item
 * only one side declares is judged by the other side's rest schema (open, closed or partially open).
 * @internal
 */
export function compareTuples(
  context: CompareContext,
  before: ArrayModel,
  after: ArrayModel,
): Violations {
  const out: Violations = [];
  const length = Math.max(before.tuple.length, after.tuple.length);
  for (let index = 0; index < length; index++) {
    const newPath = `/${after.tupleKeyword}/${index}`;
    const oldPath = `/${before.tupleKeyword}/${index}`;
    if (index < before.tuple.length && index < after.tuple.length) {
      out.push(
        ...nest(compareSchemas(context, before.tuple[index], after.tuple[index]), newPath, oldPath),
      );
    } else if (index < after.tuple.length) {
      out.push(
        ...nest(
          itemAdded(context, before.rest, after.tuple[index], index),
          newPath,
          before.rest.kind === 'schema' ? before.rest.path : '',
        ),
      );
    } else {
      out.push(
        ...nest(
          itemRemoved(context, after.rest, before.tuple[index], index),
          after.rest.kind === 'schema' ? after.rest.path : '',
          oldPath,
        ),
      );
    }
  }
  out.push(
    ...compareOpenness(context, {
      old: before.rest,
      new: after.rest,
      keyword: after.restKeyword,
      rulePrefix:
        after.restKeyword === 'unevaluatedItems' ? 'UNEVALUATED_ITEMS' : 'ADDITIONAL_ITEMS',
      what: 'items',
    }),
  );
  return out;
}

function itemAdded(
  context: CompareContext,
  oldRest: Cover,
  schema: unknown,
  index: number,
): Violations {
  if (oldRest.kind === 'closed') return [];
  if (oldRest.kind === 'open') {
    if (isEmptySchema(schema)) return [];
    return issue(
      context,
      'ITEM_ADDED_TO_OPEN_CONTENT_MODEL',
      (labels) =>
        `Tuple item ${index} is declared only in the ${labels.reader} schema, but ${labels.writer} arrays may hold any value at that position`,
      'close the old tuple (additionalItems/items: false) before adding items',
    );
  }
  const found = compareSchemas(context, oldRest.schema, schema);
  if (found.length === 0) return [];
  // The nested reasons are reported with the coverage rule, as for properties.
  return [
    ...found,
    ...issue(
      context,
      'ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
      (labels) =>
        `Tuple item ${index} is declared only in the ${labels.reader} schema and rejects values the ${labels.writer} schema's ${oldRest.path.slice(1)} allows there`,
      `make item ${index} accept everything the old ${oldRest.path.slice(1)} schema accepts`,
    ),
  ];
}

function itemRemoved(
  context: CompareContext,
  newRest: Cover,
  schema: unknown,
  index: number,
): Violations {
  if (newRest.kind === 'open') return [];
  if (newRest.kind === 'closed') {
    if (schema === false) return [];
    return issue(
      context,
      'ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL',
      (labels) =>
        `Tuple item ${index} is declared only in the ${labels.writer} schema and the ${labels.reader} tuple is closed: ${labels.writer} arrays with that item are rejected`,
      `keep item ${index}, or allow additional items`,
    );
  }
  const found = compareSchemas(context, schema, newRest.schema);
  if (found.length === 0) return [];
  return [
    ...found,
    ...issue(
      context,
      'ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
      (labels) =>
        `Tuple item ${index} is declared only in the ${labels.writer} schema and the ${labels.reader} schema's ${newRest.path.slice(1)} rejects its values`,
      `keep item ${index}, or widen the ${newRest.path.slice(1)} schema`,
    ),
  ];
}
