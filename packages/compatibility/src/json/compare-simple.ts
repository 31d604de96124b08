import { compareArray } from './compare-array.js';
import { type CompareContext, issue, type Violations } from './compare-context.js';
import { compareEnum, valuesOf } from './compare-enum.js';
import { compareNumber } from './compare-number.js';
import { compareObject } from './compare-object.js';
import { compareFormat, compareString } from './compare-string.js';
import { jsonValueKey } from './json-value-key.js';
import { type JsonType, jsonTypeOf } from './schema-shape.js';

/** A schema of at most one type. @internal */
export interface SimpleSide {
  node: Record<string, unknown>;
  type: JsonType | undefined;
}

/** Compare two single-type schemas keyword by keyword. @internal */
export function compareSimple(context: CompareContext, w: SimpleSide, r: SimpleSide): Violations {
  const typeIssues = compareTypes(context, w, r);
  if (typeIssues.length > 0) return typeIssues;
  const out = compareEnum(context, w.node, r.node);
  const type = w.type ?? r.type;
  if (type === undefined || type === 'string') {
    // `format` is only judged on strings: on numbers (int32, double...) it is an annotation in practice.
    out.push(...compareString(context, w.node, r.node), ...compareFormat(context, w.node, r.node));
  }
  if (type === undefined || type === 'number' || type === 'integer') {
    out.push(...compareNumber(context, w.node, r.node, w.type === 'integer'));
  }
  if (type === undefined || type === 'object') out.push(...compareObject(context, w.node, r.node));
  if (type === undefined || type === 'array') out.push(...compareArray(context, w.node, r.node));
  out.push(...compareConditional(context, w.node, r.node));
  return out;
}

function fits(value: unknown, type: JsonType): boolean {
  const actual = jsonTypeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

function compareTypes(context: CompareContext, w: SimpleSide, r: SimpleSide): Violations {
  if (r.type === undefined || w.type === r.type) return [];
  // A type inferred from keywords (no `type`) does not reject other types: `{ "required": ["a"] }`
  // accepts strings. Only an explicit `type` in the reader can reject old values by type.
  if (r.node.type === undefined) return [];
  if (w.type === 'integer' && r.type === 'number') return []; // TYPE_EXTENDED
  if (w.type === 'number' && r.type === 'integer') {
    return issue(
      context,
      'TYPE_NARROWED',
      ({ reader, writer }) =>
        `The ${reader} schema requires 'integer' where the ${writer} schema allows 'number': ${writer} data may hold fractions`,
      "keep type 'number'",
    );
  }
  if (w.type === undefined) {
    const values = valuesOf(w.node);
    const readerType = r.type;
    if (values?.every((value) => fits(value, readerType))) return [];
    return issue(
      context,
      'TYPE_CHANGED',
      ({ reader, writer }) =>
        `The ${reader} schema requires type '${r.type}'; the ${writer} schema does not restrict the type`,
      `remove the type, or list every type old data may hold`,
    );
  }
  return issue(
    context,
    'TYPE_CHANGED',
    ({ reader, writer }) =>
      `The type is '${r.type}' in the ${reader} schema but '${w.type}' in the ${writer} schema`,
    `keep type '${w.type}' (or accept both: "type": ["${w.type}", "${r.type}"])`,
  );
}

function conditionalKey(node: Record<string, unknown>): string | undefined {
  if (node.if === undefined && node.then === undefined && node.else === undefined) return undefined;
  return jsonValueKey([node.if ?? null, node.then ?? null, node.else ?? null]);
}

/** if/then/else is compared as a whole: unchanged or removed is fine, anything else may reject old data. */
function compareConditional(
  context: CompareContext,
  writer: Record<string, unknown>,
  reader: Record<string, unknown>,
): Violations {
  const newKey = conditionalKey(reader);
  if (newKey === undefined || newKey === conditionalKey(writer)) return [];
  return issue(
    context,
    'CONDITIONAL_CHANGED',
    ({ reader, writer }) =>
      `The ${reader} schema's if/then/else differs from the ${writer} schema's; ${writer} data may fail it`,
    'keep the old if/then/else',
  );
}
