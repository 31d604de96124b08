import { resolveLocalRef } from '../provider/resolve-ref.ts';
import { isSchemaObject, type SchemaObject } from '../provider/walk-schema.ts';
import { compileSchemaRegExp, type SchemaRegExp } from './schema-reg-exp.ts';

/** JSON types as bits; `NUMBER` is a non-integer number, so `type: number` is NUMBER | INTEGER. */
export const TYPE_BITS = Object.freeze({
  object: 1,
  array: 2,
  string: 4,
  number: 8,
  integer: 16,
  boolean: 32,
  null: 64,
});
export const ALL_TYPES = 127;

/**
 * The schemas that all apply at one location of the data (a conjunction), with `never` set
 * when a `false` schema applies. An empty list means unconstrained.
 */
export interface Location {
  readonly schemas: readonly SchemaObject[];
  readonly never: boolean;
  /** Memoised children and type mask: a streamed array of 1,000 items resolves its item schema once. */
  properties?: Map<string, Location>;
  items?: Location[];
  tuple?: boolean;
  mask?: number;
}

/** Item locations memoised per array location (beyond this index, items are resolved each time). */
const MAX_CACHED_ITEMS = 64;

/** Options of the locator: the document root (for `$ref`) and the dialect's `$ref`/`items` rules. */
export interface SchemaLocator {
  readonly root: Location;
  /** The location of property `key` of an object at `parent`. */
  property(parent: Location, key: string): Location;
  /** The location of item `index` of an array at `parent`. */
  item(parent: Location, index: number): Location;
  /** The JSON types allowed at a location (bits of {@link TYPE_BITS}). */
  allowedTypes(location: Location): number;
}

/** Schemas gathered per location at most: dropping the rest only loses checks, never adds false reports. */
const MAX_SCHEMAS_PER_LOCATION = 64;
const MAX_REF_HOPS = 32;
/** Distinct locations remembered per schema; past it, locations are built fresh (and not cached). */
const MAX_INTERNED = 10_000;

function bitsOfValue(value: unknown): number {
  if (value === null) return TYPE_BITS.null;
  if (Array.isArray(value)) return TYPE_BITS.array;
  switch (typeof value) {
    case 'string':
      return TYPE_BITS.string;
    case 'boolean':
      return TYPE_BITS.boolean;
    case 'number':
      return Number.isInteger(value) ? TYPE_BITS.integer : TYPE_BITS.number;
    case 'object':
      return TYPE_BITS.object;
    default:
      return 0;
  }
}

function bitsOfType(type: unknown): number {
  const names = typeof type === 'string' ? [type] : Array.isArray(type) ? type : undefined;
  if (names === undefined) return ALL_TYPES;
  let bits = 0;
  for (const name of names) {
    if (name === 'number') bits |= TYPE_BITS.number | TYPE_BITS.integer;
    else if (typeof name === 'string' && name in TYPE_BITS)
      bits |= TYPE_BITS[name as keyof typeof TYPE_BITS];
    else return ALL_TYPES; // an unknown type name: make no claim
  }
  return bits;
}

/**
 * Creates a {@link SchemaLocator} over a schema document. Only keywords whose meaning is exact
 * and local are followed (`properties`, `patternProperties`, `additionalProperties`, `items`,
 * `prefixItems`, `additionalItems`, `allOf`, local `$ref`); everything else is ignored, which can
 * only make the streaming checks miss a violation, never report a false one.
 */
export function createSchemaLocator(schema: unknown): SchemaLocator {
  if (typeof schema !== 'object' || schema === null) return buildLocator(schema);
  let locator = locators.get(schema);
  if (locator === undefined) {
    locator = buildLocator(schema);
    locators.set(schema, locator);
  }
  return locator;
}

/** Locators per schema object: streams of one schema share resolved locations. */
const locators = new WeakMap<object, SchemaLocator>();

function buildLocator(schema: unknown): SchemaLocator {
  const dialect =
    isSchemaObject(schema) && typeof schema.$schema === 'string' ? schema.$schema : '';
  // Draft-07 and older: `$ref` siblings are ignored and `items` may be a tuple.
  const legacy = /draft-0[4-7]\//.test(dialect);
  const patternCache = new Map<string, SchemaRegExp | undefined>();

  const ids = new WeakMap<object, number>();
  const interned = new Map<string, Location>();

  /**
   * One shared {@link Location} per set of schemas, so memoised children and masks are reused
   * across array items, recursion levels and streams; the table is capped for hostile schemas.
   */
  function intern(schemas: SchemaObject[], never: boolean): Location {
    let key = never ? '!' : '';
    for (const s of schemas) {
      let id = ids.get(s);
      if (id === undefined) {
        id = nextId++;
        ids.set(s, id);
      }
      key += `${id},`;
    }
    const known = interned.get(key);
    if (known !== undefined) return known;
    const location: Location = { schemas, never };
    if (interned.size < MAX_INTERNED) interned.set(key, location);
    return location;
  }
  let nextId = 0;

  function expand(schemas: unknown[]): Location {
    const out: SchemaObject[] = [];
    let never = false;
    const queue = [...schemas.map((s) => ({ s, hops: 0 }))];
    while (queue.length > 0 && out.length < MAX_SCHEMAS_PER_LOCATION) {
      const { s, hops } = queue.shift()!;
      if (s === false) never = true;
      if (!isSchemaObject(s)) continue;
      if (typeof s.$ref === 'string') {
        if (hops < MAX_REF_HOPS) queue.push({ s: resolveLocalRef(schema, s.$ref), hops: hops + 1 });
        if (legacy) continue;
      }
      out.push(s);
      if (Array.isArray(s.allOf))
        for (const member of s.allOf) queue.push({ s: member, hops: hops + 1 });
    }
    return intern(out, never);
  }

  function pattern(source: string): SchemaRegExp | undefined {
    if (!patternCache.has(source)) {
      let compiled: SchemaRegExp | undefined;
      try {
        compiled = compileSchemaRegExp(source);
      } catch {
        compiled = undefined;
      }
      patternCache.set(source, compiled);
    }
    return patternCache.get(source);
  }

  const masks = new Map<SchemaObject, number>();

  /** The types one schema object allows, memoised; a schema met again while computing allows all. */
  function schemaMask(s: SchemaObject): number {
    const known = masks.get(s);
    if (known !== undefined) return known;
    masks.set(s, ALL_TYPES);
    let mask = bitsOfType(s.type);
    if (Array.isArray(s.enum)) mask &= s.enum.reduce((bits: number, v) => bits | bitsOfValue(v), 0);
    if ('const' in s) mask &= bitsOfValue(s.const);
    for (const keyword of ['anyOf', 'oneOf'] as const) {
      const branches = s[keyword];
      if (!Array.isArray(branches)) continue;
      let union = 0;
      for (const branch of branches) union |= typeMask(expand([branch]));
      mask &= union;
    }
    masks.set(s, mask);
    return mask;
  }

  function typeMask(location: Location): number {
    if (location.never) return 0;
    let mask = ALL_TYPES;
    for (const s of location.schemas) mask &= schemaMask(s);
    return mask;
  }

  return {
    root: expand([schema]),
    property(parent, key) {
      const cached = parent.properties?.get(key);
      if (cached !== undefined) return cached;
      const location = propertyLocation(parent, key);
      // Bounded memo: at most 256 keys per location, so a stream of unique keys cannot grow it.
      parent.properties ??= new Map();
      if (parent.properties.size < 256) parent.properties.set(key, location);
      return location;
    },
    item(parent, index) {
      // Without a tuple form every item has the same location: one slot serves them all.
      const slot = parent.tuple === false ? 0 : index;
      const cached = parent.items?.[slot];
      if (cached !== undefined) return cached;
      parent.tuple ??= hasTuple(parent);
      const location = itemLocation(parent, index);
      parent.items ??= [];
      if ((parent.tuple ? index : 0) < MAX_CACHED_ITEMS)
        parent.items[parent.tuple ? index : 0] = location;
      return location;
    },
    allowedTypes(location) {
      if (location.mask !== undefined) return location.mask;
      try {
        location.mask = typeMask(location);
      } catch {
        location.mask = ALL_TYPES; // a hostile reference chain deeper than the stack: make no claim
      }
      return location.mask;
    },
  };

  function hasTuple(parent: Location): boolean {
    return parent.schemas.some((s) => Array.isArray(s.prefixItems) || Array.isArray(s.items));
  }

  function propertyLocation(parent: Location, key: string): Location {
    const applicable: unknown[] = [];
    for (const s of parent.schemas) {
      if (isSchemaObject(s.properties) && Object.hasOwn(s.properties, key)) {
        applicable.push(s.properties[key]);
        continue;
      }
      let matched = false;
      if (isSchemaObject(s.patternProperties)) {
        for (const source of Object.keys(s.patternProperties)) {
          const regex = pattern(source);
          if (regex === undefined) {
            matched = true; // cannot tell: assume it matches and do not constrain
            continue;
          }
          if (regex.test(key)) {
            matched = true;
            applicable.push(s.patternProperties[source]);
          }
        }
      }
      if (!matched && s.additionalProperties !== undefined) applicable.push(s.additionalProperties);
    }
    return expand(applicable);
  }

  function itemLocation(parent: Location, index: number): Location {
    const applicable: unknown[] = [];
    for (const s of parent.schemas) {
      if (legacy) {
        if (Array.isArray(s.items)) {
          if (index < s.items.length) applicable.push(s.items[index]);
          else if (s.additionalItems !== undefined) applicable.push(s.additionalItems);
        } else if (s.items !== undefined) applicable.push(s.items);
        continue;
      }
      const prefix = Array.isArray(s.prefixItems) ? s.prefixItems : [];
      if (index < prefix.length) applicable.push(prefix[index]);
      else if (s.items !== undefined && !Array.isArray(s.items)) applicable.push(s.items);
    }
    return expand(applicable);
  }
}
