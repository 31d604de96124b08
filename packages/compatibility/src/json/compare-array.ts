import { checkLowerBound, checkUpperBound } from './compare-bounds.js';
import { type CompareContext, issue, nest, type Violations } from './compare-context.js';
import { compareSchemas } from './compare-schemas.js';
import { compareTuples } from './compare-tuples.js';
import { type Cover, coverFrom } from './content-model.js';
import { itemsViewOf, type JsonDraftName } from './json-draft.js';

/** Positional items and the schema for the items after them, in 2020-12 terms. @internal */
export interface ArrayModel {
  tuple: unknown[];
  tupleKeyword: string;
  isTuple: boolean;
  rest: Cover;
  restKeyword: string;
}

function arrayModelOf(node: Record<string, unknown>, draft?: JsonDraftName): ArrayModel {
  const { tuple, tupleKeyword, rest, restKeyword } = itemsViewOf(node, draft);
  const isTuple = tuple.length > 0 || restKeyword !== 'items';
  return { tuple, tupleKeyword, isTuple, rest: coverFrom(rest, `/${restKeyword}`), restKeyword };
}

/** Array keywords: items (single and tuple forms), contains, sizes, uniqueItems. @internal */
export function compareArray(
  context: CompareContext,
  writer: Record<string, unknown>,
  reader: Record<string, unknown>,
): Violations {
  const before = arrayModelOf(writer, context.writer.draftAt(writer));
  const after = arrayModelOf(reader, context.reader.draftAt(reader));
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
