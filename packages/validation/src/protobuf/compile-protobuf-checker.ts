import protobuf from 'protobufjs';
import {
  MAX_PROTOBUF_JSON_DEPTH,
  type ProtobufJsonContext,
  protobufJsonName,
} from './check-protobuf-json.js';
import { protobufMapKeyProblem } from './protobuf-json-scalar.js';
import {
  compileProtobufEnumCheck,
  compileProtobufScalarCheck,
  type ProtobufValueCheck,
  protobufQuickKind,
  protobufQuickPass,
} from './protobuf-scalar-check.js';
import { checkWellKnownJson, isWellKnownType } from './protobuf-well-known-json.js';

/**
 * Whether a JSON value certainly satisfies a message (protobuf JSON mapping). `false` means
 * "invalid or unusual": the caller then runs the full walk, which decides and says where.
 */
export type ProtobufMessageCheck = (value: unknown, depth: number) => boolean;

type DepthCheck = (value: unknown, depth: number) => boolean;

/** One accepted JSON key of a message: its field's check and what else to look at. */
interface KeyEntry {
  check: DepthCheck;
  /** A common scalar checked in the loop itself (see {@link protobufQuickKind}); `check` decides misses. */
  quick: number;
  /** `null` is an unset field unless the field is a `google.protobuf.Value`. */
  acceptsNull: boolean;
  /**
   * A bit shared by the keys that must not meet in one object: both names of a field, every
   * name of every member of a oneof. `0` when the message ran out of bits (see `twin`).
   */
  mark: number;
  /** Without a mark: the field's other name, when this key is its proto name. */
  twin: string | undefined;
  /** Without a mark: keys of the other members of the field's oneof. */
  rivals: readonly string[] | undefined;
}

/** Marks fit a small integer, so tracking them allocates nothing. */
const MARK_BITS = 30;

const compiled = [
  new WeakMap<protobuf.Type, ProtobufMessageCheck>(),
  new WeakMap<protobuf.Type, ProtobufMessageCheck>(),
];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !ArrayBuffer.isView(value)
  );
}

function namesOf(field: protobuf.Field): string[] {
  const json = protobufJsonName(field);
  return json === field.name ? [json] : [json, field.name];
}

/** Well-known types keep their own checker; only documents that use them pay its allocations. */
function wellKnownCheck(type: protobuf.Type, strict: boolean): ProtobufMessageCheck {
  return (value, depth) => {
    if (depth > MAX_PROTOBUF_JSON_DEPTH) return false;
    const ctx: ProtobufJsonContext = { strict, issues: [] };
    checkWellKnownJson(type, value, '', ctx, depth);
    return ctx.issues.length === 0;
  };
}

/** One compilation: its strictness and the message checks it made, kept only if it succeeds. */
interface Compilation {
  strict: boolean;
  made: Map<protobuf.Type, ProtobufMessageCheck>;
}

function singleCheck(field: protobuf.Field, run: Compilation): DepthCheck {
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Type) {
    const message = compileMessage(resolved, run);
    return (value, depth) => message(value, depth + 1);
  }
  const check: ProtobufValueCheck =
    resolved instanceof protobuf.Enum
      ? compileProtobufEnumCheck(resolved)
      : compileProtobufScalarCheck(field.type);
  return check;
}

function fieldCheck(field: protobuf.Field, run: Compilation): DepthCheck {
  const single = singleCheck(field, run);
  if (field instanceof protobuf.MapField) {
    const keyType = field.keyType;
    const anyKey = keyType === 'string';
    return (value, depth) => {
      if (!isPlainObject(value)) return false;
      for (const key in value) {
        if (!anyKey && protobufMapKeyProblem(keyType, key) !== undefined) return false;
        if (!single(value[key], depth)) return false;
      }
      return true;
    };
  }
  if (field.repeated) {
    const resolved = field.resolvedType;
    if (resolved instanceof protobuf.Type) {
      // Lists of messages are the bulk of large documents: no wrapper call per element.
      const message = compileMessage(resolved, run);
      return (value, depth) => {
        if (!Array.isArray(value)) return false;
        const inner = depth + 1;
        for (let i = 0; i < value.length; i++) if (!message(value[i], inner)) return false;
        return true;
      };
    }
    const quick = resolved === null ? protobufQuickKind(field.type) : 0;
    return (value, depth) => {
      if (!Array.isArray(value)) return false;
      for (let i = 0; i < value.length; i++) {
        const item = value[i];
        if (!protobufQuickPass(quick, item) && !single(item, depth)) return false;
      }
      return true;
    };
  }
  return single;
}

/** Accepted keys to entries: a prototype-less object, whose lookups beat `Map#get` here. */
type KeyTable = Record<string, KeyEntry | undefined>;

function keyEntries(type: protobuf.Type, run: Compilation): KeyTable {
  const entries: KeyTable = Object.create(null);
  const marks = new Map<object, number>();
  for (const field of type.fieldsArray) {
    const check = fieldCheck(field, run);
    const acceptsNull =
      !field.repeated && !field.map && field.resolvedType?.fullName === '.google.protobuf.Value';
    const [json, proto] = namesOf(field);
    const group = field.partOf ?? (proto === undefined ? undefined : field);
    let mark = 0;
    if (group !== undefined) {
      if (!marks.has(group) && marks.size < MARK_BITS) marks.set(group, 1 << marks.size);
      mark = marks.get(group) ?? 0;
    }
    const rivals =
      mark === 0
        ? field.partOf?.fieldsArray.filter((f) => f !== field).flatMap(namesOf)
        : undefined;
    const quick =
      field.repeated || field.map || field.resolvedType !== null
        ? 0
        : protobufQuickKind(field.type);
    entries[json!] = { check, quick, acceptsNull, mark, twin: undefined, rivals };
    if (proto !== undefined) {
      const twin = mark === 0 ? json : undefined;
      entries[proto] = { check, quick, acceptsNull, mark, twin, rivals };
    }
  }
  return entries;
}

/** Whether another member of a oneof is given at all (even as `null`: the full walk decides). */
function rivalGiven(value: Record<string, unknown>, rivals: readonly string[]): boolean {
  for (const key of rivals) if (Object.hasOwn(value, key)) return true;
  return false;
}

/** How many key positions a message check remembers (bounded: keys are caller-controlled). */
const SEEN_POSITIONS = 64;

/** Whether every proto2 required field is given under one of its names. */
function hasRequired(value: Record<string, unknown>, required: readonly string[][]): boolean {
  for (const names of required) {
    if (
      !Object.hasOwn(value, names[0]!) &&
      (names[1] === undefined || !Object.hasOwn(value, names[1]))
    )
      return false;
  }
  return true;
}

/**
 * Compiles, once per message type and strictness, a validate-only check of the protobuf JSON
 * mapping: no output object, no error paths, no allocation (oneofs and fields given under both
 * names are tracked in the bits of one integer). It never accepts what
 * {@link checkProtobufMessageJson} rejects; it may turn down unusual but valid input (a field
 * under both names, two oneof members of which one is `null`), so `false` means "ask the walk".
 *
 * @example
 * const check = compileProtobufChecker(findProtobufMessage(parsed), false);
 * check({ id: '1' }, 0); // true: valid; false: run checkProtobufMessageJson for the verdict
 */
export function compileProtobufChecker(type: protobuf.Type, strict: boolean): ProtobufMessageCheck {
  const cache = compiled[strict ? 1 : 0]!;
  const existing = cache.get(type);
  if (existing !== undefined) return existing;
  const run: Compilation = { strict, made: new Map() };
  // A failure leaves nothing behind: a message check without its fields would accept anything.
  const check = compileMessage(type, run);
  for (const [made, madeCheck] of run.made) cache.set(made, madeCheck);
  return check;
}

function compileMessage(type: protobuf.Type, run: Compilation): ProtobufMessageCheck {
  const strict = run.strict;
  const existing = compiled[strict ? 1 : 0]!.get(type) ?? run.made.get(type);
  if (existing !== undefined) return existing;
  if (isWellKnownType(type)) {
    const check = wellKnownCheck(type, strict);
    run.made.set(type, check);
    return check;
  }
  let entries: KeyTable = Object.create(null);
  const required = type.fieldsArray.filter((field) => field.required).map(namesOf);
  // The keys seen at each position last time: documents of one message mostly repeat their
  // key order, and comparing two property-name strings is cheaper than a table lookup.
  const seenKeys: string[] = [];
  const seenEntries: (KeyEntry | undefined)[] = [];
  const lookup = (key: string, position: number): KeyEntry | undefined => {
    const entry = entries[key];
    if (position < SEEN_POSITIONS) {
      seenKeys[position] = key;
      seenEntries[position] = entry;
    }
    return entry;
  };
  const check: ProtobufMessageCheck = (value, depth) => {
    if (depth > MAX_PROTOBUF_JSON_DEPTH || !isPlainObject(value)) return false;
    let position = 0;
    let seen = 0;
    for (const key in value) {
      const entry = seenKeys[position] === key ? seenEntries[position] : lookup(key, position);
      position++;
      if (entry === undefined) {
        if (strict) return false;
        continue;
      }
      const item = value[key];
      const mark = entry.mark;
      if (mark !== 0) {
        // Both names of a field, or two oneof members (even one `null`): the full walk decides.
        if ((seen & mark) !== 0) return false;
        seen |= mark;
      } else {
        if (entry.twin !== undefined && Object.hasOwn(value, entry.twin)) return false;
        if (entry.rivals !== undefined && rivalGiven(value, entry.rivals)) return false;
      }
      if (item === null && !entry.acceptsNull) continue;
      if (!protobufQuickPass(entry.quick, item) && !entry.check(item, depth)) return false;
    }
    if (required.length !== 0) return hasRequired(value, required);
    return true;
  };
  // Registered before its fields compile, so recursive messages find it.
  run.made.set(type, check);
  entries = keyEntries(type, run);
  return check;
}
