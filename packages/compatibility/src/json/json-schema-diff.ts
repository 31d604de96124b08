import type { ParsedSchema } from '@llmsr/validation';
import type { SchemaChange, SchemaDiff } from '../types.js';
import { ANNOTATION_KEYWORDS, isJsonObject } from './json-keywords.js';
import { escapePointerToken } from './json-pointer.js';
import { jsonValueKey } from './json-value-key.js';

const SCHEMA_MAPS = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
]);
const SCHEMA_VALUES = new Set([
  'items',
  'additionalProperties',
  'unevaluatedProperties',
  'additionalItems',
  'unevaluatedItems',
  'contains',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
]);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items']);
const VALUE_SETS = new Set(['required', 'enum', 'type']);
const MAX_DEPTH = 200;

/**
 * A structural diff of two JSON schemas: added, removed and changed keywords and properties,
 * with `annotationOnly` set for title/description/examples/$comment changes.
 */
export function diffJsonSchemas(previous: ParsedSchema, next: ParsedSchema): SchemaDiff {
  const changes: SchemaChange[] = [];
  if (previous.schemaType !== next.schemaType) {
    changes.push(
      change(
        'changed',
        '#',
        false,
        `schema type changed from ${previous.schemaType} to ${next.schemaType}`,
      ),
    );
    return { changes };
  }
  if (previous.canonical === '' || previous.canonical !== next.canonical) {
    walkSchema(previous.native, next.native, '#', changes, 0);
  }
  return { changes };
}

function change(
  kind: SchemaChange['kind'],
  path: string,
  annotationOnly: boolean,
  message: string,
): SchemaChange {
  return { kind, path, annotationOnly, message };
}

function short(value: unknown): string {
  const text = jsonValueKey(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

function walkSchema(
  before: unknown,
  after: unknown,
  path: string,
  out: SchemaChange[],
  depth: number,
): void {
  if (before === after) return;
  if (!isJsonObject(before) || !isJsonObject(after) || depth > MAX_DEPTH) {
    if (jsonValueKey(before) !== jsonValueKey(after)) {
      out.push(
        change('changed', path, false, `schema changed from ${short(before)} to ${short(after)}`),
      );
    }
    return;
  }
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    const at = `${path}/${escapePointerToken(key)}`;
    const annotation = ANNOTATION_KEYWORDS.has(key);
    const a = before[key];
    const b = after[key];
    if (a === undefined) out.push(change('added', at, annotation, `${key} added: ${short(b)}`));
    else if (b === undefined)
      out.push(change('removed', at, annotation, `${key} removed (was ${short(a)})`));
    else if (SCHEMA_MAPS.has(key) && isJsonObject(a) && isJsonObject(b))
      walkMap(a, b, at, out, depth);
    else if (SCHEMA_LISTS.has(key) && Array.isArray(a) && Array.isArray(b))
      walkList(a, b, at, out, depth);
    else if (SCHEMA_VALUES.has(key) && !Array.isArray(a) && !Array.isArray(b))
      walkSchema(a, b, at, out, depth + 1);
    else if (VALUE_SETS.has(key) && Array.isArray(a) && Array.isArray(b))
      diffSet(key, a, b, at, out);
    else if (jsonValueKey(a) !== jsonValueKey(b)) {
      out.push(change('changed', at, annotation, `${key} changed from ${short(a)} to ${short(b)}`));
    }
  }
}

function walkMap(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  path: string,
  out: SchemaChange[],
  depth: number,
): void {
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const at = `${path}/${escapePointerToken(name)}`;
    if (!Object.hasOwn(before, name)) out.push(change('added', at, false, `'${name}' added`));
    else if (!Object.hasOwn(after, name))
      out.push(change('removed', at, false, `'${name}' removed`));
    else walkSchema(before[name], after[name], at, out, depth + 1);
  }
}

function walkList(
  before: unknown[],
  after: unknown[],
  path: string,
  out: SchemaChange[],
  depth: number,
): void {
  for (let index = 0; index < Math.max(before.length, after.length); index++) {
    const at = `${path}/${index}`;
    if (index >= before.length)
      out.push(change('added', at, false, `member ${index} added: ${short(after[index])}`));
    else if (index >= after.length)
      out.push(change('removed', at, false, `member ${index} removed`));
    else walkSchema(before[index], after[index], at, out, depth + 1);
  }
}

function diffSet(
  key: string,
  before: unknown[],
  after: unknown[],
  path: string,
  out: SchemaChange[],
): void {
  const beforeKeys = new Set(before.map(jsonValueKey));
  const afterKeys = new Set(after.map(jsonValueKey));
  const added = after.filter((value) => !beforeKeys.has(jsonValueKey(value)));
  const removed = before.filter((value) => !afterKeys.has(jsonValueKey(value)));
  if (added.length > 0) out.push(change('added', path, false, `${key} gained ${short(added)}`));
  if (removed.length > 0) out.push(change('removed', path, false, `${key} lost ${short(removed)}`));
}
