import { checkLowerBound, checkUpperBound } from './compare-bounds.js';
import { type CompareContext, issue, nest, type Violations } from './compare-context.js';
import { compareDependencies } from './compare-dependencies.js';
import { comparePatterns } from './compare-patterns.js';
import {
  checkPropertyAdded,
  checkPropertyRemoved,
  checkRequiredAdded,
} from './compare-properties.js';
import { compareSchemas } from './compare-schemas.js';
import { compareOpenness, coverFrom, extraPropertiesCover } from './content-model.js';
import { isJsonObject } from './json-keywords.js';
import { pointer } from './json-pointer.js';

const EMPTY: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

function requiredOf(node: Record<string, unknown>): Set<string> {
  return new Set(
    Array.isArray(node.required) ? node.required.filter((name) => typeof name === 'string') : [],
  );
}

/** Object keywords: properties, required, content model, patterns, dependencies, sizes. @internal */
export function compareObject(
  context: CompareContext,
  writer: Record<string, unknown>,
  reader: Record<string, unknown>,
): Violations {
  const oldProperties = isJsonObject(writer.properties) ? writer.properties : EMPTY;
  const newProperties = isJsonObject(reader.properties) ? reader.properties : EMPTY;
  const oldRequired = requiredOf(writer);
  const newRequired = requiredOf(reader);
  const out: Violations = [];
  for (const name of Object.keys(newProperties)) {
    const schema = newProperties[name];
    if (!Object.hasOwn(oldProperties, name)) {
      out.push(
        ...checkPropertyAdded(context, { writer, name, schema, required: newRequired.has(name) }),
      );
      continue;
    }
    let found = compareSchemas(context, oldProperties[name], schema);
    if (newRequired.has(name) && !oldRequired.has(name)) {
      // A new array: `found` may be a memoized result shared with other paths.
      found = [...found, ...checkRequiredAdded(context, name, schema)];
    }
    // The pointer is only built when needed: this loop runs for every property of every version.
    if (found.length > 0) out.push(...nest(found, pointer('properties', name)));
  }
  for (const name of Object.keys(oldProperties)) {
    if (Object.hasOwn(newProperties, name)) continue;
    out.push(...checkPropertyRemoved(context, { reader, name, schema: oldProperties[name] }));
  }
  for (const name of newRequired) {
    if (!Object.hasOwn(newProperties, name) && !oldRequired.has(name)) {
      out.push(...checkRequiredAdded(context, name, undefined));
    }
  }
  const newExtra = extraPropertiesCover(reader);
  out.push(
    ...compareOpenness(context, {
      old: extraPropertiesCover(writer),
      new: newExtra,
      keyword:
        reader.additionalProperties !== undefined
          ? 'additionalProperties'
          : 'unevaluatedProperties',
      rulePrefix:
        reader.additionalProperties !== undefined
          ? 'ADDITIONAL_PROPERTIES'
          : 'UNEVALUATED_PROPERTIES',
      what: 'properties',
    }),
    ...comparePatterns(context, writer, reader, oldProperties),
    ...compareDependencies(context, writer, reader),
    ...checkUpperBound(context, {
      old: writer.maxProperties,
      new: reader.maxProperties,
      rules: {
        keyword: 'maxProperties',
        added: 'MAX_PROPERTIES_ADDED',
        tightened: 'MAX_PROPERTIES_DECREASED',
      },
    }),
    ...checkLowerBound(context, {
      old: writer.minProperties,
      new: reader.minProperties,
      rules: {
        keyword: 'minProperties',
        added: 'MIN_PROPERTIES_ADDED',
        tightened: 'MIN_PROPERTIES_INCREASED',
      },
    }),
    ...comparePropertyNames(context, writer, reader),
  );
  return out;
}

function comparePropertyNames(
  context: CompareContext,
  writer: Record<string, unknown>,
  reader: Record<string, unknown>,
): Violations {
  const after = coverFrom(reader.propertyNames, '/propertyNames');
  if (after.kind === 'open') return [];
  if (writer.propertyNames === undefined) {
    return issue(
      context,
      'PROPERTY_NAMES_ADDED',
      (labels) =>
        `The ${labels.reader} schema has propertyNames; ${labels.writer} data may hold property names it rejects`,
      'remove propertyNames',
    );
  }
  return nest(
    compareSchemas(context, writer.propertyNames, reader.propertyNames),
    '/propertyNames',
  );
}
