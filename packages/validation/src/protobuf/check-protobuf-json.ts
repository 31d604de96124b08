import protobuf from 'protobufjs';
import type { ValidationIssue } from '../schema-format.js';
import { protobufMapKeyProblem, protobufScalarProblem } from './protobuf-json-scalar.js';
import { checkWellKnownJson, isWellKnownType } from './protobuf-well-known-json.js';

/** Options and output of one walk over a JSON value. */
export interface ProtobufJsonContext {
  /** Unknown fields are errors rather than ignored. */
  strict: boolean;
  issues: ValidationIssue[];
  /**
   * When validating only (the output is not used): whether a nested message value is
   * certainly valid at that depth, so its subtree is not walked. Must never say yes to a value
   * the walk would report.
   */
  skipValid?: (type: protobuf.Type, value: unknown, depth: number) => boolean;
}

/** Deepest message nesting checked (protobuf's own default recursion limit). */
export const MAX_PROTOBUF_JSON_DEPTH = 100;

// Read once: property reads on the CommonJS namespace can be slow under ESM interop wrappers.
const { MapField, Type, Enum } = protobuf;

const fieldIndexes = new WeakMap<protobuf.Type, Map<string, protobuf.Field>>();

/** The lowerCamelCase JSON name of a field (`json_name` when set). */
export function protobufJsonName(field: protobuf.Field): string {
  const explicit = field.options?.json_name;
  if (typeof explicit === 'string') return explicit;
  return field.name.replace(/_+([a-zA-Z0-9])/g, (_, char: string) => char.toUpperCase());
}

function fieldIndex(type: protobuf.Type): Map<string, protobuf.Field> {
  let index = fieldIndexes.get(type);
  if (index === undefined) {
    index = new Map();
    for (const field of type.fieldsArray) {
      index.set(protobufJsonName(field), field);
      index.set(field.name, field);
    }
    fieldIndexes.set(type, index);
  }
  return index;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    !ArrayBuffer.isView(value)
  );
}

/** A JSON pointer segment. */
export function pointerSegment(key: string | number): string {
  const text = String(key);
  if (!text.includes('~') && !text.includes('/')) return `/${text}`;
  return `/${text.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function issue(
  ctx: ProtobufJsonContext,
  path: string,
  keyword: string,
  message: string,
): undefined {
  ctx.issues.push({ path, keyword, message });
  return undefined;
}

/**
 * Checks a JSON value against a message with the protobuf JSON mapping and returns the
 * equivalent object protobufjs's `fromObject` understands (proto field names, well-known
 * types in message form, unknown fields dropped). Problems go to `ctx.issues` with JSON pointers.
 */
export function checkProtobufMessageJson(
  type: protobuf.Type,
  value: unknown,
  path: string,
  ctx: ProtobufJsonContext,
  depth = 0,
): unknown {
  if (depth > MAX_PROTOBUF_JSON_DEPTH) return issue(ctx, path, 'depth', 'value nests too deeply');
  if (isWellKnownType(type)) return checkWellKnownJson(type, value, path, ctx, depth);
  if (!isPlainObject(value))
    return issue(ctx, path, 'type', `expected an object (message ${type.name})`);
  const index = fieldIndex(type);
  const out: Record<string, unknown> = {};
  // Most messages have no oneof: no Map for them.
  let oneofs: Map<string, string> | undefined;
  for (const key of Object.keys(value)) {
    const field = index.get(key);
    if (field === undefined) {
      if (ctx.strict)
        issue(
          ctx,
          path + pointerSegment(key),
          'unknownField',
          `unknown field "${key}" in ${type.name}`,
        );
      continue;
    }
    if (Object.hasOwn(out, field.name)) {
      issue(ctx, path + pointerSegment(key), 'duplicate', `field ${field.name} is given twice`);
      continue;
    }
    const item = value[key];
    if (item === null && !acceptsNull(field)) continue;
    const oneof = field.partOf;
    if (oneof !== null) {
      oneofs ??= new Map();
      const previous = oneofs.get(oneof.name);
      if (previous !== undefined) {
        issue(
          ctx,
          path + pointerSegment(key),
          'oneof',
          `only one field of oneof ${oneof.name} may be set, ${previous} already is`,
        );
        continue;
      }
      oneofs.set(oneof.name, key);
    }
    out[field.name] = checkField(field, item, path, key, ctx, depth);
  }
  for (const field of type.fieldsArray) {
    if (
      field.required &&
      !Object.hasOwn(out, field.name) &&
      !Object.hasOwn(value, protobufJsonName(field)) &&
      !Object.hasOwn(value, field.name)
    ) {
      issue(
        ctx,
        path + pointerSegment(field.name),
        'required',
        `missing required field ${field.name}`,
      );
    }
  }
  return out;
}

function acceptsNull(field: protobuf.Field): boolean {
  return !field.repeated && !field.map && field.resolvedType?.fullName === '.google.protobuf.Value';
}

/** Checks the value of `key` in the object at `parent`; its path is built only when needed. */
function checkField(
  field: protobuf.Field,
  value: unknown,
  parent: string,
  key: string,
  ctx: ProtobufJsonContext,
  depth: number,
): unknown {
  // Singular scalars, most fields, need their path only to report a problem.
  if (field.resolvedType === null && !field.repeated && !(field instanceof MapField)) {
    const problem = protobufScalarProblem(field.type, value);
    if (problem !== undefined) return issue(ctx, parent + pointerSegment(key), 'type', problem);
    return scalarJson(field, value);
  }
  const path = parent + pointerSegment(key);
  if (field instanceof MapField) {
    if (!isPlainObject(value))
      return issue(ctx, path, 'type', `expected an object (map<${field.keyType}, ${field.type}>)`);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const problem = protobufMapKeyProblem(field.keyType, key);
      if (problem !== undefined) issue(ctx, path + pointerSegment(key), 'mapKey', problem);
      else out[key] = checkSingle(field, item, path + pointerSegment(key), ctx, depth);
    }
    return out;
  }
  if (field.repeated) {
    if (!Array.isArray(value))
      return issue(ctx, path, 'type', `expected an array (repeated ${field.type})`);
    return value.map((item, i) => checkSingle(field, item, path + pointerSegment(i), ctx, depth));
  }
  return checkSingle(field, value, path, ctx, depth);
}

function checkSingle(
  field: protobuf.Field,
  value: unknown,
  path: string,
  ctx: ProtobufJsonContext,
  depth: number,
): unknown {
  const resolved = field.resolvedType;
  if (resolved instanceof Type) {
    if (ctx.skipValid?.(resolved, value, depth + 1) === true) return undefined;
    return checkProtobufMessageJson(resolved, value, path, ctx, depth + 1);
  }
  if (resolved instanceof Enum) return checkEnumJson(resolved, value, path, ctx);
  const problem = protobufScalarProblem(field.type, value);
  if (problem !== undefined) return issue(ctx, path, 'type', problem);
  return scalarJson(field, value);
}

/** A valid scalar as protobufjs's `fromObject` takes it (bytes in standard base64). */
function scalarJson(field: protobuf.Field, value: unknown): unknown {
  return field.type === 'bytes' ? (value as string).replace(/-/g, '+').replace(/_/g, '/') : value;
}

/** Checks an enum value given by name or number (any int32 for open proto3 enums). */
export function checkEnumJson(
  enumType: protobuf.Enum,
  value: unknown,
  path: string,
  ctx: ProtobufJsonContext,
): unknown {
  if (enumType.fullName === '.google.protobuf.NullValue' && value === null) return 0;
  if (typeof value === 'string') {
    if (Object.hasOwn(enumType.values, value)) return value;
    return issue(ctx, path, 'enum', `"${value}" is not a value of enum ${enumType.name}`);
  }
  if (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= -(2 ** 31) &&
    value < 2 ** 31
  ) {
    const closed =
      (enumType as unknown as { _features?: { enum_type?: string } })._features?.enum_type ===
      'CLOSED';
    if (!closed || Object.hasOwn(enumType.valuesById, value)) return value;
    return issue(ctx, path, 'enum', `${value} is not a value of closed enum ${enumType.name}`);
  }
  return issue(ctx, path, 'enum', `expected a name or number of enum ${enumType.name}`);
}
