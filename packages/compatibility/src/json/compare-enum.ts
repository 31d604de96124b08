import { type CompareContext, issue, type Violations } from './compare-context.js';
import { jsonValueKey } from './json-value-key.js';

/** The finite value set of a schema (`enum`, or `const` as a one-value set), if it has one. @internal */
export function valuesOf(node: Record<string, unknown>): unknown[] | undefined {
  if (node.const !== undefined) return [node.const];
  return Array.isArray(node.enum) ? node.enum : undefined;
}

/** Every old enum/const value must still be allowed. Linear in the enum sizes. @internal */
export function compareEnum(
  context: CompareContext,
  writer: Record<string, unknown>,
  reader: Record<string, unknown>,
): Violations {
  const newValues = valuesOf(reader);
  if (newValues === undefined) return [];
  const oldValues = valuesOf(writer);
  if (oldValues === undefined) {
    return issue(
      context,
      'ENUM_ARRAY_NARROWED',
      ({ reader, writer }) =>
        `The ${reader} schema only allows ${preview(newValues)}; the ${writer} schema has no enum`,
      'remove the enum/const, or make sure old data only holds these values',
    );
  }
  const newKeys = new Set<string>();
  for (const value of newValues) newKeys.add(valueKey(value));
  const oldKeys = new Set<string>();
  const missing: unknown[] = [];
  for (const value of oldValues) {
    const key = valueKey(value);
    oldKeys.add(key);
    if (!newKeys.has(key)) missing.push(value);
  }
  if (missing.length === 0) return [];
  let onlyRemoved = true;
  for (const key of newKeys) {
    if (!oldKeys.has(key)) {
      onlyRemoved = false;
      break;
    }
  }
  return issue(
    context,
    onlyRemoved ? 'ENUM_ARRAY_NARROWED' : 'ENUM_ARRAY_CHANGED',
    ({ reader, writer }) =>
      `The ${reader} schema does not allow ${preview(missing)}, which the ${writer} schema allows`,
    `keep ${preview(missing)} in the enum`,
  );
}

/** Cheap keys for the common primitive values; the first character keeps the kinds apart. */
function valueKey(value: unknown): string {
  if (typeof value === 'string') return `s${value}`;
  if (typeof value === 'number') return `n${value}`;
  return jsonValueKey(value);
}

function preview(values: unknown[]): string {
  const shown = values.slice(0, 5).map((value) => {
    const text = JSON.stringify(value) ?? 'null';
    return text.length > 60 ? `${text.slice(0, 60)}…` : text;
  });
  return `[${shown.join(', ')}${values.length > 5 ? `, … ${values.length - 5} more` : ''}]`;
}
