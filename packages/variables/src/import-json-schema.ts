import { at, createReader } from './create-reader.js';
import { LIMITS } from './limits.js';
import { parseVariables, type VariableReadContext } from './parse-variable.js';
import type { Variable } from './variable.js';
import { guard, VariableSpaceError } from './variable-space-error.js';

/** A schema property that could not become a variable, and why. */
export interface SkippedProperty {
  path: string;
  reason: string;
}

/** The result of {@link importJsonSchema}. */
export interface JsonSchemaImport {
  /** Parsed, normalised variables (pass them to `parseSpace` inside a space definition). */
  variables: Variable[];
  /** Properties that have no variable equivalent (strings without enum, unbounded numbers, ...). */
  skipped: SkippedProperty[];
}

type Def = Record<string, unknown>;

function isObject(value: unknown): value is Def {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Imports variables from an object JSON Schema: bounded numbers become float or integer
 * variables (`multipleOf` becomes the step), `enum`/`const`/boolean become choices, nested
 * objects become composites; descriptions and defaults are kept.
 *
 * @example
 * const { variables, skipped } = importJsonSchema({
 *   type: 'object',
 *   properties: { temperature: { type: 'number', minimum: 0, maximum: 2, default: 0.7 } },
 * });
 */
export function importJsonSchema(schema: unknown): JsonSchemaImport {
  return guard('importJsonSchema', () => {
    if (!isObject(schema) || !isObject(schema.properties)) {
      throw new VariableSpaceError(
        'invalid_schema',
        '',
        'expected an object schema with "properties"',
      );
    }
    const skipped: SkippedProperty[] = [];
    const variables: Variable[] = [];
    for (const def of convertProperties(schema.properties, '', skipped, 0)) {
      // Each property is read on its own, so one odd property is skipped rather than failing the import.
      const r = createReader();
      const ctx: VariableReadContext = { r, sites: [] };
      try {
        const parsed = parseVariables(ctx, [def], 'properties', '', 0);
        r.throwIfAny();
        variables.push(...(parsed ?? []));
      } catch (error) {
        if (!(error instanceof VariableSpaceError)) throw error;
        skipped.push({ path: String(def.name), reason: error.message });
      }
    }
    return { variables, skipped };
  });
}

function convertProperties(
  properties: Def,
  prefix: string,
  skipped: SkippedProperty[],
  depth: number,
): Def[] {
  const keys = Object.keys(properties);
  if (keys.length > LIMITS.variables)
    throw new VariableSpaceError('too_large', prefix, `more than ${LIMITS.variables} properties`);
  const out: Def[] = [];
  for (const name of keys) {
    const path = at(prefix, name);
    const property = properties[name];
    const reason = !isObject(property) ? 'not a schema object' : undefined;
    const converted =
      reason === undefined ? convertProperty(name, property as Def, path, skipped, depth) : reason;
    if (typeof converted === 'string') skipped.push({ path, reason: converted });
    else out.push(converted);
  }
  return out;
}

function convertProperty(
  name: string,
  p: Def,
  path: string,
  skipped: SkippedProperty[],
  depth: number,
): Def | string {
  const def: Def = { name };
  if (typeof p.description === 'string') def.description = p.description;
  const withDefault = (d: Def): Def => (p.default === undefined ? d : { ...d, default: p.default });
  if (Array.isArray(p.enum)) return withDefault({ ...def, kind: 'choice', values: p.enum });
  if (p.const !== undefined) return withDefault({ ...def, kind: 'choice', values: [p.const] });
  if (p.type === 'boolean') return withDefault({ ...def, kind: 'choice', values: [false, true] });
  if (p.type === 'integer' || p.type === 'number') {
    if (p.exclusiveMinimum !== undefined || p.exclusiveMaximum !== undefined) {
      if (p.type === 'number') return 'exclusive bounds have no float equivalent';
    }
    const min = typeof p.exclusiveMinimum === 'number' ? p.exclusiveMinimum + 1 : p.minimum;
    const max = typeof p.exclusiveMaximum === 'number' ? p.exclusiveMaximum - 1 : p.maximum;
    if (typeof min !== 'number' || typeof max !== 'number')
      return 'a number needs both minimum and maximum';
    const numeric: Def = { ...def, kind: p.type === 'integer' ? 'integer' : 'float', min, max };
    if (typeof p.multipleOf === 'number') {
      if (
        min % p.multipleOf !== 0 &&
        Math.abs(Math.round(min / p.multipleOf) - min / p.multipleOf) > 1e-9
      ) {
        return 'multipleOf with a minimum that is not a multiple of it';
      }
      numeric.step = p.multipleOf;
    }
    return withDefault(numeric);
  }
  if (p.type === 'object' && isObject(p.properties)) {
    if (depth + 1 >= LIMITS.compositeDepth)
      return `objects nested deeper than ${LIMITS.compositeDepth}`;
    return {
      ...def,
      kind: 'composite',
      variables: convertProperties(p.properties, path, skipped, depth + 1),
    };
  }
  return `no variable kind for ${JSON.stringify(p.type ?? 'untyped')} without enum`;
}
