import protobuf from 'protobufjs';

type Plain = Record<string, unknown>;

const WRAPPER_DEFAULTS: Record<string, unknown> = {
  '.google.protobuf.DoubleValue': 0,
  '.google.protobuf.FloatValue': 0,
  '.google.protobuf.Int64Value': '0',
  '.google.protobuf.UInt64Value': '0',
  '.google.protobuf.Int32Value': 0,
  '.google.protobuf.UInt32Value': 0,
  '.google.protobuf.BoolValue': false,
  '.google.protobuf.StringValue': '',
  '.google.protobuf.BytesValue': '',
};

function fraction(nanos: number): string {
  if (nanos === 0) return '';
  return `.${String(nanos).padStart(9, '0').replace(/0+$/, '')}`;
}

function timestamp(value: Plain): string {
  const seconds = Number(value.seconds ?? 0);
  const iso = new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, '');
  return `${iso}${fraction(Number(value.nanos ?? 0))}Z`;
}

function duration(value: Plain): string {
  const seconds = Number(value.seconds ?? 0);
  const nanos = Number(value.nanos ?? 0);
  const sign = seconds < 0 || nanos < 0 ? '-' : '';
  return `${sign}${Math.abs(seconds)}${fraction(Math.abs(nanos))}s`;
}

function jsonValue(value: Plain): unknown {
  if (value.structValue !== undefined) return struct(value.structValue as Plain);
  if (value.listValue !== undefined) return list(value.listValue as Plain);
  if (value.numberValue !== undefined) return value.numberValue;
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.boolValue !== undefined) return value.boolValue;
  return null;
}

function struct(value: Plain): Plain {
  const out: Plain = {};
  for (const [key, item] of Object.entries((value.fields ?? {}) as Plain))
    out[key] = jsonValue(item as Plain);
  return out;
}

function list(value: Plain): unknown[] {
  return ((value.values ?? []) as Plain[]).map(jsonValue);
}

function wellKnown(type: protobuf.Type, value: Plain): { json: unknown } | undefined {
  const name = type.fullName;
  if (name in WRAPPER_DEFAULTS) return { json: value.value ?? WRAPPER_DEFAULTS[name] };
  switch (name) {
    case '.google.protobuf.Timestamp':
      return { json: timestamp(value) };
    case '.google.protobuf.Duration':
      return { json: duration(value) };
    case '.google.protobuf.Struct':
      return { json: struct(value) };
    case '.google.protobuf.ListValue':
      return { json: list(value) };
    case '.google.protobuf.Value':
      return { json: jsonValue(value) };
    case '.google.protobuf.FieldMask':
      return {
        json: ((value.paths ?? []) as string[])
          .map((path) => path.replace(/_([a-z])/g, (_, char: string) => char.toUpperCase()))
          .join(','),
      };
    default:
      return undefined;
  }
}

/**
 * Rewrites the well-known types of a `toObject` result (message form) into their JSON form
 * (`Timestamp` as an RFC 3339 string, wrappers as bare values, `Struct` as an object...), so
 * decoded values validate and re-encode as they came.
 */
export function toProtobufJson(type: protobuf.Type, value: Plain): unknown {
  const special = wellKnown(type, value);
  if (special !== undefined) return special.json;
  const out: Plain = {};
  for (const [key, item] of Object.entries(value)) {
    const field = type.fields[key];
    const resolved = field?.resolvedType;
    if (!(resolved instanceof protobuf.Type) || item === null || typeof item !== 'object') {
      out[key] = item;
    } else if (field instanceof protobuf.MapField) {
      out[key] = Object.fromEntries(
        Object.entries(item as Plain).map(([k, v]) => [k, toProtobufJson(resolved, v as Plain)]),
      );
    } else if (Array.isArray(item)) {
      out[key] = item.map((element) => toProtobufJson(resolved, element as Plain));
    } else {
      out[key] = toProtobufJson(resolved, item as Plain);
    }
  }
  return out;
}
