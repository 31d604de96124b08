import { isSchemaObject, pointer, type SchemaObject } from '../provider/walk-schema.ts';
import { ALL_TYPES, type Location, TYPE_BITS } from './schema-locator.ts';

/** The first violation a streaming validator proves from a prefix. */
export interface StreamViolation {
  /** JSON pointer of the offending value (for a rejected key prefix, the object's path). */
  readonly path: string;
  /** The JSON Schema keyword (`type`, `enum`, `additionalProperties`, ...), `syntax`, or a limit. */
  readonly keyword: string;
  readonly message: string;
  /** Offset in the stream at which the violation became certain. */
  readonly offset: number;
  readonly expected?: string;
  /** Set for violations that are not schema keywords: invalid JSON or a size bound. */
  readonly code?: string;
}

type Found = Omit<StreamViolation, 'offset'>;

/** Names of the types in a mask, for messages. */
export function typeNames(mask: number): string {
  if (mask === 0) return 'nothing (the schema is false here)';
  const names = Object.entries(TYPE_BITS)
    .filter(
      ([name, bit]) =>
        (mask & bit) !== 0 && !(name === 'integer' && (mask & TYPE_BITS.number) !== 0),
    )
    .map(([name]) => name);
  return mask === ALL_TYPES ? 'any' : names.join(' or ');
}

/** Unicode code points, as ajv counts string length (a surrogate pair is one). */
export function codePointLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        i++;
      }
    }
  }
  return length;
}

function allowedStrings(s: SchemaObject): string[] | undefined {
  if (Array.isArray(s.enum)) return s.enum.filter((v): v is string => typeof v === 'string');
  if ('const' in s) return typeof s.const === 'string' ? [s.const] : [];
  return undefined;
}

function listed(values: readonly unknown[]): string {
  const shown = values.slice(0, 10).map((v) => JSON.stringify(v));
  return values.length > 10 ? `${shown.join(', ')}, …` : shown.join(', ');
}

/** An open string value: no allowed enum value starts with the prefix, or it is already too long. */
export function checkStringPrefix(
  location: Location,
  path: string,
  prefix: string,
): Found | undefined {
  for (const s of location.schemas) {
    const allowed = allowedStrings(s);
    if (allowed !== undefined && !allowed.some((v) => v.startsWith(prefix))) {
      const keyword = Array.isArray(s.enum) ? 'enum' : 'const';
      return {
        path,
        keyword,
        message: `no allowed value starts with ${JSON.stringify(prefix.slice(0, 60))}`,
        expected: `one of ${listed(allowed)}`,
      };
    }
    if (typeof s.maxLength === 'number' && codePointLength(prefix) > s.maxLength) {
      return {
        path,
        keyword: 'maxLength',
        message: `the string is longer than ${s.maxLength} characters`,
        expected: `at most ${s.maxLength} characters`,
      };
    }
  }
  return undefined;
}

const namesCache = new WeakMap<SchemaObject, string[]>();

/** The declared property names of a schema, memoised (checked at every chunk of a streamed key). */
function propertyNames(s: SchemaObject): string[] {
  let names = namesCache.get(s);
  if (names === undefined) {
    names = isSchemaObject(s.properties) ? Object.keys(s.properties) : [];
    namesCache.set(s, names);
  }
  return names;
}

/** An open key of a closed object (without patternProperties) that no declared property name starts with. */
export function checkKeyPrefix(
  location: Location,
  path: string,
  prefix: string,
): Found | undefined {
  for (const s of location.schemas) {
    if (s.additionalProperties !== false || s.patternProperties !== undefined) continue;
    const names = propertyNames(s);
    if (!names.some((name) => name.startsWith(prefix))) {
      return {
        path,
        keyword: 'additionalProperties',
        message: `no allowed property name starts with ${JSON.stringify(prefix.slice(0, 60))}`,
        expected: names.length === 0 ? 'no properties' : `one of ${listed(names)}`,
      };
    }
  }
  return undefined;
}

/** A complete key on a closed object that neither `properties` nor `patternProperties` allow. */
export function checkKey(
  location: Location,
  path: string,
  key: string,
  matches: (pattern: string, key: string) => boolean | undefined,
): Found | undefined {
  for (const s of location.schemas) {
    if (s.additionalProperties !== false) continue;
    if (isSchemaObject(s.properties) && Object.hasOwn(s.properties, key)) continue;
    const patterns = isSchemaObject(s.patternProperties) ? Object.keys(s.patternProperties) : [];
    // An uncompilable pattern (undefined) might match: no claim.
    if (patterns.some((p) => matches(p, key) !== false)) continue;
    return {
      path: pointer(path, key),
      keyword: 'additionalProperties',
      message: `property ${JSON.stringify(key)} is not allowed`,
      expected: 'no such property',
    };
  }
  return undefined;
}

/** A complete scalar: integer-ness, enum/const, numeric bounds and minimum length. */
export function checkScalar(
  location: Location,
  path: string,
  value: string | number | boolean | null,
  mask: number,
): Found | undefined {
  // ajv counts an overflowing number (1e400, Infinity) as an integer: no claim about those.
  if (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    !Number.isInteger(value) &&
    (mask & TYPE_BITS.number) === 0
  ) {
    return {
      path,
      keyword: 'type',
      message: `${value} is not an integer`,
      expected: typeNames(mask),
    };
  }
  for (const s of location.schemas) {
    if (Array.isArray(s.enum) && !s.enum.some((v) => v === value)) {
      return {
        path,
        keyword: 'enum',
        message: `${JSON.stringify(value)} is not an allowed value`,
        expected: `one of ${listed(s.enum)}`,
      };
    }
    if ('const' in s && s.const !== value && (typeof s.const !== 'object' || s.const === null)) {
      return {
        path,
        keyword: 'const',
        message: `${JSON.stringify(value)} is not the allowed value`,
        expected: JSON.stringify(s.const),
      };
    }
    if (typeof value === 'number') {
      const bound = numericBound(s, value);
      if (bound !== undefined) return { path, ...bound };
    }
    if (
      typeof value === 'string' &&
      typeof s.minLength === 'number' &&
      codePointLength(value) < s.minLength
    ) {
      return {
        path,
        keyword: 'minLength',
        message: `the string is shorter than ${s.minLength} characters`,
        expected: `at least ${s.minLength} characters`,
      };
    }
  }
  return undefined;
}

/** Numeric bound keywords: [keyword, comparison shown, true when the value breaks the limit]. */
const BOUNDS: readonly [string, string, (value: number, limit: number) => boolean][] = [
  ['minimum', '>=', (value, limit) => value < limit],
  ['maximum', '<=', (value, limit) => value > limit],
  ['exclusiveMinimum', '>', (value, limit) => value <= limit],
  ['exclusiveMaximum', '<', (value, limit) => value >= limit],
];

function numericBound(
  s: SchemaObject,
  value: number,
): { keyword: string; message: string; expected: string } | undefined {
  for (const [keyword, comparison, breaks] of BOUNDS) {
    const limit = s[keyword];
    // Draft-04's boolean exclusiveMinimum/Maximum are modifiers, not limits: skipped.
    if (typeof limit === 'number' && breaks(value, limit)) {
      return { keyword, message: `${value} is out of range`, expected: `${comparison} ${limit}` };
    }
  }
  return undefined;
}

/** A closed object: missing required properties and too few properties. */
export function checkObjectEnd(
  location: Location,
  path: string,
  keys: ReadonlySet<string>,
): Found | undefined {
  for (const s of location.schemas) {
    const missing = Array.isArray(s.required)
      ? s.required.find((k) => typeof k === 'string' && !keys.has(k))
      : undefined;
    if (typeof missing === 'string') {
      return {
        path: pointer(path, missing),
        keyword: 'required',
        message: `required property ${JSON.stringify(missing)} is missing`,
      };
    }
    if (typeof s.minProperties === 'number' && keys.size < s.minProperties) {
      return {
        path,
        keyword: 'minProperties',
        message: `fewer than ${s.minProperties} properties`,
        expected: `at least ${s.minProperties} properties`,
      };
    }
  }
  return undefined;
}

/** Counts that only grow: too many properties or items. */
export function checkCount(
  location: Location,
  path: string,
  count: number,
  kind: 'object' | 'array',
): Found | undefined {
  const keyword = kind === 'object' ? 'maxProperties' : 'maxItems';
  for (const s of location.schemas) {
    const limit = s[keyword];
    if (typeof limit === 'number' && count > limit) {
      return {
        path,
        keyword,
        message: `more than ${limit} ${kind === 'object' ? 'properties' : 'items'}`,
        expected: `at most ${limit}`,
      };
    }
  }
  return undefined;
}

/** A closed array with too few items. */
export function checkArrayEnd(location: Location, path: string, count: number): Found | undefined {
  for (const s of location.schemas) {
    if (typeof s.minItems === 'number' && count < s.minItems) {
      return {
        path,
        keyword: 'minItems',
        message: `fewer than ${s.minItems} items`,
        expected: `at least ${s.minItems} items`,
      };
    }
  }
  return undefined;
}
