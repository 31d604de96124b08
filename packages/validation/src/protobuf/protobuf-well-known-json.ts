import type protobuf from 'protobufjs';
import type { ProtobufJsonContext } from './check-protobuf-json.js';
import { checkProtobufMessageJson, MAX_PROTOBUF_JSON_DEPTH } from './check-protobuf-json.js';
import { protobufScalarProblem } from './protobuf-json-scalar.js';

const WRAPPERS: Record<string, string> = {
  '.google.protobuf.DoubleValue': 'double',
  '.google.protobuf.FloatValue': 'float',
  '.google.protobuf.Int64Value': 'int64',
  '.google.protobuf.UInt64Value': 'uint64',
  '.google.protobuf.Int32Value': 'int32',
  '.google.protobuf.UInt32Value': 'uint32',
  '.google.protobuf.BoolValue': 'bool',
  '.google.protobuf.StringValue': 'string',
  '.google.protobuf.BytesValue': 'bytes',
};

const SPECIAL = new Set([
  ...Object.keys(WRAPPERS),
  '.google.protobuf.Timestamp',
  '.google.protobuf.Duration',
  '.google.protobuf.FieldMask',
  '.google.protobuf.Struct',
  '.google.protobuf.Value',
  '.google.protobuf.ListValue',
  '.google.protobuf.Any',
]);

const wellKnownCache = new WeakMap<protobuf.Type, boolean>();

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;
const DURATION = /^(-)?(\d{1,12})(?:\.(\d{1,9}))?s$/;

/** Whether a message has a special JSON form (wrappers, Timestamp, Struct...). */
export function isWellKnownType(type: protobuf.Type): boolean {
  let special = wellKnownCache.get(type);
  if (special === undefined) {
    // protobufjs rebuilds fullName on every access; validation asks once per message value.
    special = SPECIAL.has(type.fullName);
    wellKnownCache.set(type, special);
  }
  return special;
}

function fail(ctx: ProtobufJsonContext, path: string, message: string): undefined {
  ctx.issues.push({ path, keyword: 'type', message });
  return undefined;
}

function nanos(fraction: string | undefined): number {
  return fraction === undefined ? 0 : Number(fraction.padEnd(9, '0'));
}

function timestamp(value: unknown, path: string, ctx: ProtobufJsonContext): unknown {
  const match = typeof value === 'string' ? TIMESTAMP.exec(value) : null;
  const millis = match === null ? Number.NaN : Date.parse(`${match[1]}${match[3]}`);
  if (match === null || Number.isNaN(millis)) {
    return fail(ctx, path, 'expected an RFC 3339 timestamp such as "2024-01-31T12:00:00Z"');
  }
  return { seconds: String(Math.floor(millis / 1000)), nanos: nanos(match[2]) };
}

function duration(value: unknown, path: string, ctx: ProtobufJsonContext): unknown {
  const match = typeof value === 'string' ? DURATION.exec(value) : null;
  if (match === null) return fail(ctx, path, 'expected a duration such as "1.5s"');
  const sign = match[1] === undefined ? 1 : -1;
  return { seconds: String(sign * Number(match[2])), nanos: sign * nanos(match[3]) };
}

function jsonValue(value: unknown, path: string, ctx: ProtobufJsonContext, depth: number): unknown {
  if (depth > MAX_PROTOBUF_JSON_DEPTH) return fail(ctx, path, 'value nests too deeply');
  if (value === null) return { nullValue: 0 };
  if (typeof value === 'number') return { numberValue: value };
  if (typeof value === 'string') return { stringValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  if (Array.isArray(value)) return { listValue: list(value, path, ctx, depth) };
  if (typeof value === 'object') return { structValue: struct(value, path, ctx, depth) };
  return fail(ctx, path, 'expected a JSON value');
}

function list(value: unknown, path: string, ctx: ProtobufJsonContext, depth: number): unknown {
  if (!Array.isArray(value))
    return fail(ctx, path, 'expected an array (google.protobuf.ListValue)');
  return { values: value.map((item, i) => jsonValue(item, `${path}/${i}`, ctx, depth + 1)) };
}

function struct(value: unknown, path: string, ctx: ProtobufJsonContext, depth: number): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail(ctx, path, 'expected an object (google.protobuf.Struct)');
  }
  const fields: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    fields[key] = jsonValue(
      item,
      `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
      ctx,
      depth + 1,
    );
  }
  return { fields };
}

function any(
  type: protobuf.Type,
  value: unknown,
  path: string,
  ctx: ProtobufJsonContext,
  depth: number,
): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail(ctx, path, 'expected an object with "@type" (google.protobuf.Any)');
  }
  const { '@type': url, ...rest } = value as Record<string, unknown>;
  if (typeof url !== 'string' || url === '')
    return fail(ctx, `${path}/@type`, 'expected a type URL string');
  let target: protobuf.ReflectionObject | null = null;
  try {
    target = type.root.lookup(url.slice(url.lastIndexOf('/') + 1));
  } catch {
    target = null;
  }
  if (target === null || !('fieldsArray' in target)) {
    return fail(ctx, `${path}/@type`, `unknown message type "${url}"`);
  }
  const message = target as protobuf.Type;
  const body = isWellKnownType(message) ? rest.value : rest;
  const checked = checkProtobufMessageJson(message, body, path, ctx, depth + 1);
  return checked === undefined ? undefined : { '@type': url, ...(checked as object) };
}

/** Checks and converts the JSON form of a well-known type (see {@link isWellKnownType}). */
export function checkWellKnownJson(
  type: protobuf.Type,
  value: unknown,
  path: string,
  ctx: ProtobufJsonContext,
  depth: number,
): unknown {
  const wrapped = WRAPPERS[type.fullName];
  if (wrapped !== undefined) {
    const problem = protobufScalarProblem(wrapped, value);
    return problem === undefined ? { value } : fail(ctx, path, problem);
  }
  switch (type.fullName) {
    case '.google.protobuf.Timestamp':
      return timestamp(value, path, ctx);
    case '.google.protobuf.Duration':
      return duration(value, path, ctx);
    case '.google.protobuf.FieldMask':
      if (typeof value !== 'string')
        return fail(ctx, path, 'expected a comma-separated field mask string');
      return {
        paths:
          value === ''
            ? []
            : value.split(',').map((p) => p.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)),
      };
    case '.google.protobuf.Struct':
      return struct(value, path, ctx, depth);
    case '.google.protobuf.ListValue':
      return list(value, path, ctx, depth);
    case '.google.protobuf.Value':
      return jsonValue(value, path, ctx, depth);
    default:
      return any(type, value, path, ctx, depth);
  }
}
