import { type CompareContext, issue, nest, type Violations } from './compare-context.js';
import { compareSchemas } from './compare-schemas.js';
import { coverOf } from './content-model.js';
import { isEmptySchema, isJsonObject } from './json-keywords.js';
import { pointer } from './json-pointer.js';

function quoted(name: string): string {
  return `'${name.length > 80 ? `${name.slice(0, 80)}…` : name}'`;
}

function hasDefault(context: CompareContext, schema: unknown): boolean {
  if (isJsonObject(schema) && schema.default !== undefined) return true;
  const target = context.reader.deref(schema);
  return target.ok && isJsonObject(target.node) && target.node.default !== undefined;
}

/**
 * A property only the new schema declares, judged by what the old schema let writers put under
 * that name (Confluent's open / closed / partially open content models).
 * @internal
 */
export function checkPropertyAdded(
  context: CompareContext,
  input: { writer: Record<string, unknown>; name: string; schema: unknown; required: boolean },
): Violations {
  const { writer, name, schema, required } = input;
  const at = pointer('properties', name);
  const withDefault = hasDefault(context, schema);
  const cover = coverOf(writer, name);
  const makeOptional = `make ${quoted(name)} optional or give it a default`;
  if (cover.kind === 'open') {
    if (required) {
      return nest(
        withDefault
          ? issue(
              context,
              'REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL',
              (labels) =>
                `Required property ${quoted(name)} (with a default) is declared only in the ${labels.reader} schema, whose ${labels.writer} version is an open object: ${labels.writer} data may already hold ${quoted(name)} with any value`,
              'close the old object (additionalProperties: false) before adding properties, or use the LENIENT policy',
            )
          : issue(
              context,
              'REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL',
              (labels) =>
                `Property ${quoted(name)} is required in the ${labels.reader} schema but not declared in the ${labels.writer} schema; ${labels.writer} data may lack it`,
              makeOptional,
            ),
        at,
        '',
      );
    }
    const target = context.reader.deref(schema);
    if (target.ok && isEmptySchema(target.node)) return [];
    return nest(
      issue(
        context,
        'OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL',
        (labels) =>
          `Property ${quoted(name)} is declared only in the ${labels.reader} schema, but the ${labels.writer} object is open: ${labels.writer} data may already hold ${quoted(name)} with any value`,
        'close the old object (additionalProperties: false) before adding properties, give the property an empty schema, or use the LENIENT policy',
      ),
      at,
      '',
    );
  }
  const out: Violations = [];
  if (cover.kind === 'schema') {
    const found = compareSchemas(context, cover.schema, schema);
    const first = found[0];
    if (first) {
      // The nested reasons are reported too (as Confluent does): LENIENT accepts the coverage
      // rule itself, but not, say, the TYPE_CHANGED that made the property uncovered.
      out.push(...nest(found, at, cover.path));
      out.push(
        ...nest(
          issue(
            context,
            'PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
            (labels) =>
              `Property ${quoted(name)} is declared only in the ${labels.reader} schema and rejects values the ${labels.writer} schema's ${cover.path.slice(1)} allows under that name (${first.rule}: ${first.message})`,
            `make ${quoted(name)} accept everything the old ${cover.path.slice(1)} schema accepts`,
          ),
          at,
          cover.path,
        ),
      );
    }
  }
  if (required && !withDefault) {
    out.push(
      ...nest(
        issue(
          context,
          'REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL',
          (labels) =>
            `Property ${quoted(name)} is required in the ${labels.reader} schema but not declared in the ${labels.writer} schema; ${labels.writer} data lacks it`,
          makeOptional,
        ),
        at,
        '',
      ),
    );
  }
  return out;
}

/** A property only the old schema declares, judged by what the new schema allows under that name. @internal */
export function checkPropertyRemoved(
  context: CompareContext,
  input: { reader: Record<string, unknown>; name: string; schema: unknown },
): Violations {
  const { reader, name, schema } = input;
  const at = pointer('properties', name);
  const cover = coverOf(reader, name);
  if (cover.kind === 'open') return [];
  if (cover.kind === 'closed') {
    const target = context.writer.deref(schema);
    if (target.ok && target.node === false) return [];
    return nest(
      issue(
        context,
        'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL',
        (labels) =>
          `Property ${quoted(name)} is declared only in the ${labels.writer} schema and the ${labels.reader} object is closed: ${labels.writer} data holding ${quoted(name)} is rejected`,
        `keep ${quoted(name)} in properties (it can be deprecated), or allow additional properties`,
      ),
      '',
      at,
    );
  }
  const found = compareSchemas(context, schema, cover.schema);
  const first = found[0];
  if (!first) return [];
  // As for an added property: the nested reasons stay, so LENIENT still rejects a type change.
  return nest(
    [
      ...found,
      ...issue(
        context,
        'PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
        (labels) =>
          `Property ${quoted(name)} is declared only in the ${labels.writer} schema and the ${labels.reader} schema's ${cover.path.slice(1)} does not accept its values (${first.rule}: ${first.message})`,
        `keep ${quoted(name)} in properties, or widen the ${cover.path.slice(1)} schema`,
      ),
    ],
    cover.path,
    at,
  );
}

/** A property that became required. @internal */
export function checkRequiredAdded(
  context: CompareContext,
  name: string,
  schema: unknown,
): Violations {
  if (schema !== undefined && hasDefault(context, schema)) return [];
  return issue(
    context,
    'REQUIRED_ATTRIBUTE_ADDED',
    (labels) =>
      `Property ${quoted(name)} is required in the ${labels.reader} schema but not in the ${labels.writer} schema; ${labels.writer} data may lack it`,
    `make ${quoted(name)} optional or give it a default`,
  );
}
