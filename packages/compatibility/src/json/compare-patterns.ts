import { type CompareContext, issue, nest, type Violations } from './compare-context.js';
import { compareSchemas } from './compare-schemas.js';
import { compilePattern, extraPropertiesCover } from './content-model.js';
import { isEmptySchema, isJsonObject } from './json-keywords.js';
import { pointer } from './json-pointer.js';

const EMPTY: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

/**
 * `patternProperties`: a new pattern must accept what old writers put under matching names; a
 * removed pattern's values must be accepted by the new schema's additional properties.
 * @internal
 */
export function comparePatterns(
  context: CompareContext,
  writer: Record<string, unknown>,
  reader: Record<string, unknown>,
  oldProperties: Record<string, unknown>,
): Violations {
  const oldPatterns = isJsonObject(writer.patternProperties) ? writer.patternProperties : EMPTY;
  const newPatterns = isJsonObject(reader.patternProperties) ? reader.patternProperties : EMPTY;
  const out: Violations = [];
  for (const [pattern, schema] of Object.entries(newPatterns)) {
    const at = pointer('patternProperties', pattern);
    if (Object.hasOwn(oldPatterns, pattern)) {
      out.push(...nest(compareSchemas(context, oldPatterns[pattern], schema), at));
      continue;
    }
    if (isEmptySchema(schema)) continue;
    const regex = compilePattern(pattern);
    // Old declared properties matching the new pattern must satisfy it too.
    for (const [name, oldSchema] of Object.entries(oldProperties)) {
      if (regex?.test(name)) {
        out.push(
          ...nest(compareSchemas(context, oldSchema, schema), at, pointer('properties', name)),
        );
      }
    }
    const oldExtra = extraPropertiesCover(writer);
    if (oldExtra.kind === 'closed') continue;
    const narrowed =
      oldExtra.kind === 'open' || compareSchemas(context, oldExtra.schema, schema).length > 0;
    if (narrowed) {
      out.push(
        ...nest(
          issue(
            context,
            'ADDITIONAL_PROPERTIES_NARROWED',
            (labels) =>
              `The ${labels.reader} schema's patternProperties '${pattern}' constrains properties the ${labels.writer} schema allows with any value`,
            `remove the '${pattern}' pattern, or close the old object first`,
          ),
          at,
          '',
        ),
      );
    }
  }
  for (const [pattern, schema] of Object.entries(oldPatterns)) {
    if (Object.hasOwn(newPatterns, pattern)) continue;
    const cover = extraPropertiesCover(reader);
    const label = `matching '${pattern}'`;
    const found =
      cover.kind === 'open'
        ? []
        : cover.kind === 'closed'
          ? schema === false
            ? []
            : issue(
                context,
                'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL',
                (labels) =>
                  `Properties ${label} are allowed only by the ${labels.writer} schema and the ${labels.reader} object is closed: ${labels.writer} data holding them is rejected`,
                `keep the '${pattern}' pattern`,
              )
          : compareSchemas(context, schema, cover.schema).length === 0
            ? []
            : issue(
                context,
                'PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
                (labels) =>
                  `Properties ${label} are allowed only by the ${labels.writer} schema and the ${labels.reader} schema's ${cover.path.slice(1)} does not accept their values`,
                `keep the '${pattern}' pattern`,
              );
    out.push(
      ...nest(
        found,
        cover.kind === 'schema' ? cover.path : '',
        pointer('patternProperties', pattern),
      ),
    );
  }
  return out;
}
