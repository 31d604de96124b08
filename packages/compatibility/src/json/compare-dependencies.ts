import { type CompareContext, issue, nest, type Violations } from './compare-context.js';
import { compareSchemas } from './compare-schemas.js';
import { isEmptySchema, isJsonObject } from './json-keywords.js';
import { pointer } from './json-pointer.js';

interface Dependencies {
  arrays: Map<string, { names: string[]; keyword: string }>;
  schemas: Map<string, { schema: unknown; keyword: string }>;
}

/** `dependentRequired`, `dependentSchemas` and the draft-4..7 `dependencies` (both forms). */
function dependenciesOf(node: Record<string, unknown>): Dependencies {
  const result: Dependencies = { arrays: new Map(), schemas: new Map() };
  const add = (keyword: string, value: unknown, kind: 'arrays' | 'schemas' | 'either') => {
    if (!isJsonObject(value)) return;
    for (const [key, entry] of Object.entries(value)) {
      if (Array.isArray(entry) && kind !== 'schemas') {
        result.arrays.set(key, {
          names: entry.filter((name) => typeof name === 'string'),
          keyword,
        });
      } else if (!Array.isArray(entry) && kind !== 'arrays') {
        result.schemas.set(key, { schema: entry, keyword });
      }
    }
  };
  add('dependencies', node.dependencies, 'either');
  add('dependentRequired', node.dependentRequired, 'arrays');
  add('dependentSchemas', node.dependentSchemas, 'schemas');
  return result;
}

/** Dependencies may be dropped or relaxed, never added or extended. @internal */
export function compareDependencies(
  context: CompareContext,
  writer: Record<string, unknown>,
  reader: Record<string, unknown>,
): Violations {
  const before = dependenciesOf(writer);
  const after = dependenciesOf(reader);
  const out: Violations = [];
  for (const [key, { names, keyword }] of after.arrays) {
    const old = before.arrays.get(key);
    const at = pointer(keyword, key);
    if (!old) {
      if (names.length === 0) continue;
      out.push(
        ...nest(
          issue(
            context,
            'DEPENDENCY_ARRAY_ADDED',
            (labels) =>
              `When '${key}' is present, the ${labels.reader} schema requires ${JSON.stringify(names)}; ${labels.writer} data may lack them`,
            `remove the ${keyword} entry for '${key}'`,
          ),
          at,
          '',
        ),
      );
      continue;
    }
    const oldNames = new Set(old.names);
    const extra = names.filter((name) => !oldNames.has(name));
    if (extra.length === 0) continue;
    const extended = old.names.every((name) => names.includes(name));
    out.push(
      ...nest(
        issue(
          context,
          extended ? 'DEPENDENCY_ARRAY_EXTENDED' : 'DEPENDENCY_ARRAY_CHANGED',
          (labels) =>
            `When '${key}' is present, the ${labels.reader} schema also requires ${JSON.stringify(extra)}; ${labels.writer} data may lack them`,
          `keep the old list ${JSON.stringify(old.names)}`,
        ),
        at,
        pointer(old.keyword, key),
      ),
    );
  }
  for (const [key, { schema, keyword }] of after.schemas) {
    const old = before.schemas.get(key);
    const at = pointer(keyword, key);
    if (old) {
      out.push(...nest(compareSchemas(context, old.schema, schema), at, pointer(old.keyword, key)));
    } else if (!isEmptySchema(schema)) {
      out.push(
        ...nest(
          issue(
            context,
            'DEPENDENCY_SCHEMA_ADDED',
            (labels) =>
              `The ${labels.reader} schema has a dependent schema for '${key}'; ${labels.writer} data holding '${key}' may not satisfy it`,
            `remove the ${keyword} entry for '${key}'`,
          ),
          at,
          '',
        ),
      );
    }
  }
  return out;
}
