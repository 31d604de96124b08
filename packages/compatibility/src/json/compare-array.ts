import { checkLowerBound, checkUpperBound } from './compare-bounds.js';
import { type CompareContext, issue, nest, type Violations } from './compare-context.js';
import { compareSchemas } from './compare-schemas.js';
import { type Cover, compareOpenness, coverFrom } from './content-model.js';
import { isEmptySchema } from './json-keywords.js';

/** Positional items and the schema for the items after them, across drafts. */
interface ArrayModel {
  tuple: unknown[];
  tupleKeyword: string;
  isTuple: boolean;
  rest: Cover;
  restKeyword: string;
}

function arrayModelOf(node: Record<string, unknown>): ArrayModel {
  let tuple: unknown[] = [];
  let tupleKeyword = 'prefixItems';
  let rest: unknown = node.items;
  let restKeyword = 'items';
  if (Array.isArray(node.prefixItems)) {
    tuple = node.prefixItems;
  } else if (Array.isArray(node.items)) {
    // Draft 4-2019: `items` as an array is the tuple, `additionalItems` the rest.
    tuple = node.items;
    tupleKeyword = 'items';
    rest = node.additionalItems;
    restKeyword = 'additionalItems';
  }
  if (rest === undefined && node.unevaluatedItems !== undefined) {
    rest = node.unevaluatedItems;
    restKeyword = 'unevaluatedItems';
  }
  const isTuple = tuple.length > 0 || restKeyword !== 'items';
  return { tuple, tupleKeyword, isTuple, rest: coverFrom(rest, `/${restKeyword}`), restKeyword };
}

/** Array keywords: items (single and tuple forms), contains, sizes, uniqueItems. @internal */
export function compareArray(
  context: CompareContext,
  writer: Record<string, unknown>,
  reader: Record<string, unknown>,
): Violations {
  const before = arrayModelOf(writer);
  const after = arrayModelOf(reader);
  const out: Violations = [];
  if (!before.isTuple && !after.isTuple) {
    if (after.rest.kind === 'schema' && before.rest.kind === 'open') {
      out.push(
        ...nest(
          issue(
            context,
            'SCHEMA_ADDED',
            (labels) =>
              `The ${labels.reader} schema has an items schema; ${labels.writer} arrays may hold any items`,
            'remove the items schema',
          ),
          '/items',
          '',
        ),
      );
    } else if (after.rest.kind === 'closed' && before.rest.kind !== 'closed') {
      out.push(
        ...nest(
          issue(
            context,
            'ADDITIONAL_ITEMS_REMOVED',
            (labels) =>
              `The ${labels.reader} schema's items: false only accepts empty arrays; ${labels.writer} arrays may hold items`,
            'remove items: false',
          ),
          '/items',
        ),
      );
    } else if (after.rest.kind !== 'open') {
      const old =
        before.rest.kind === 'schema' ? before.rest.schema : before.rest.kind !== 'closed';
      out.push(...nest(compareSchemas(context, old, reader.items), '/items'));
    }
  } else {
    out.push(...compareTuples(context, before, after));
  }
  out.push(
    ...checkUpperBound(context, {
      old: writer.maxItems,
      new: reader.maxItems,
      rules: { keyword: 'maxItems', added: 'MAX_ITEMS_ADDED', tightened: 'MAX_ITEMS_DECREASED' },
    }),
    ...checkLowerBound(context, {
      old: writer.minItems,
      new: reader.minItems,
      rules: { keyword: 'minItems', added: 'MIN_ITEMS_ADDED', tightened: 'MIN_ITEMS_INCREASED' },
    }),
    ...compareContains(context, writer, reader),
  );
  if (reader.uniqueItems === true && writer.uniqueItems !== true) {
    out.push(
      ...issue(
        context,
        'UNIQUE_ITEMS_ADDED',
        (labels) =>
          `The ${labels.reader} schema has uniqueItems; ${labels.writer} arrays may hold duplicates`,
        'remove uniqueItems',
      ),
    );
  }
  return out;
}

function compareTuples(context: CompareContext, before: ArrayModel, after: ArrayModel): Violations {
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
  if (compareSchemas(context, oldRest.schema, schema).length === 0) return [];
  return issue(
    context,
    'ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
    (labels) =>
      `Tuple item ${index} is declared only in the ${labels.reader} schema and rejects values the ${labels.writer} schema's ${oldRest.path.slice(1)} allows there`,
    `make item ${index} accept everything the old ${oldRest.path.slice(1)} schema accepts`,
  );
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
  if (compareSchemas(context, schema, newRest.schema).length === 0) return [];
  return issue(
    context,
    'ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
    (labels) =>
      `Tuple item ${index} is declared only in the ${labels.writer} schema and the ${labels.reader} schema's ${newRest.path.slice(1)} rejects its values`,
    `keep item ${index}, or widen the ${newRest.path.slice(1)} schema`,
  );
}

function compareContains(
  context: CompareContext,
  writer: Record<string, unknown>,
  reader: Record<string, unknown>,
): Violations {
  if (reader.contains === undefined) return [];
  const out: Violations = [];
  if (writer.contains === undefined) {
    out.push(
      ...issue(
        context,
        'CONTAINS_ADDED',
        (labels) =>
          `The ${labels.reader} schema has contains; ${labels.writer} arrays may not hold a matching item`,
        'remove contains',
      ),
    );
    return out;
  }
  out.push(
    ...nest(compareSchemas(context, writer.contains, reader.contains), '/contains'),
    ...checkUpperBound(context, {
      old: writer.maxContains,
      new: reader.maxContains,
      rules: {
        keyword: 'maxContains',
        added: 'MAX_CONTAINS_ADDED',
        tightened: 'MAX_CONTAINS_DECREASED',
      },
    }),
    ...checkLowerBound(context, {
      old: writer.minContains ?? 1,
      new: reader.minContains,
      rules: {
        keyword: 'minContains',
        added: 'MIN_CONTAINS_ADDED',
        tightened: 'MIN_CONTAINS_INCREASED',
      },
    }),
  );
  return out;
}
