import { compileLinearRegExp, type LinearRegExp } from '@llmsr/validation';
import { type CompareContext, issue, nest, type Violations } from './compare-context.js';
import { compareSchemas } from './compare-schemas.js';
import { isEmptySchema, isJsonObject } from './json-keywords.js';
import { pointer } from './json-pointer.js';

/**
 * What an object allows under a property name it does not declare: anything (open), nothing
 * (closed), or values of a given schema (partially open).
 * @internal
 */
export type Cover =
  | { kind: 'open' }
  | { kind: 'closed' }
  | { kind: 'schema'; schema: unknown; path: string };

/**
 * A compiled `patternProperties` regex on the linear-time engine (RE2, see
 * `compileLinearRegExp`, which caches), or `null` when the pattern is not valid ECMAScript or
 * RE2 cannot run it (such a pattern is treated as matching no name). @internal
 */
export function compilePattern(pattern: string): LinearRegExp | null {
  try {
    return compileLinearRegExp(pattern, 'u');
  } catch {
    return null;
  }
}

/** Classify the schema given for "other" properties or items. @internal */
export function coverFrom(schema: unknown, path: string): Cover {
  if (schema === undefined || isEmptySchema(schema)) return { kind: 'open' };
  if (schema === false) return { kind: 'closed' };
  return { kind: 'schema', schema, path };
}

/** The schema that applies to `extra` values: `additionalProperties`, else `unevaluatedProperties`. @internal */
export function extraPropertiesCover(node: Record<string, unknown>): Cover {
  if (node.additionalProperties !== undefined) {
    return coverFrom(node.additionalProperties, '/additionalProperties');
  }
  return coverFrom(node.unevaluatedProperties, '/unevaluatedProperties');
}

/** How `node` treats an undeclared property called `name`. @internal */
export function coverOf(node: Record<string, unknown>, name: string): Cover {
  if (isJsonObject(node.patternProperties)) {
    for (const [pattern, schema] of Object.entries(node.patternProperties)) {
      if (compilePattern(pattern)?.test(name))
        return coverFrom(schema, pointer('patternProperties', pattern));
    }
  }
  return extraPropertiesCover(node);
}

/**
 * Compare the "extra values" schemas (`additionalProperties`, `unevaluatedItems`, ...): a
 * closed writer or an open reader is always fine; closing or constraining an open writer is not.
 * @internal
 */
export function compareOpenness(
  context: CompareContext,
  input: { old: Cover; new: Cover; keyword: string; rulePrefix: string; what: string },
): Violations {
  const { old: before, new: after, keyword, rulePrefix, what } = input;
  if (before.kind === 'closed' || after.kind === 'open') return [];
  if (after.kind === 'closed') {
    return issue(
      context,
      `${rulePrefix}_REMOVED`,
      (labels) =>
        `The ${labels.reader} schema's ${keyword}: false closes the content model; ${labels.writer} data may hold other ${what}`,
      `keep ${keyword} open, or declare every ${what.replace(/s$/, '')} old data may hold`,
    );
  }
  if (before.kind === 'open') {
    return issue(
      context,
      `${rulePrefix}_NARROWED`,
      (labels) =>
        `The ${labels.reader} schema's ${keyword} constrains other ${what}, which the ${labels.writer} schema allows with any value`,
      `remove the ${keyword} schema`,
    );
  }
  return nest(compareSchemas(context, before.schema, after.schema), after.path, before.path);
}
