import type { Value } from '@bufbuild/protobuf/wkt';

/** Why a `google.protobuf.Value` has no JSON form. */
export class ValueToJsonError extends Error {
  constructor(
    message: string,
    /** Where, as keys and indexes from the value's root (filled in while unwinding). */
    readonly path: (string | number)[] = [],
  ) {
    super(message);
    this.name = 'ValueToJsonError';
  }
}

/**
 * A `google.protobuf.Value` as plain JSON, walked directly: several times faster than the
 * reflective `toJson(ValueSchema, value)` on the BatchValidate hot path, with the same answers
 * (kind-less values and non-finite numbers are refused).
 */
export function valueToJson(value: Value): unknown {
  return walk(value);
}

function walk(value: Value): unknown {
  const kind = value.kind;
  switch (kind.case) {
    case 'stringValue':
    case 'boolValue':
      return kind.value;
    case 'numberValue':
      if (!Number.isFinite(kind.value)) {
        throw new ValueToJsonError(`${kind.value} is not a JSON number`);
      }
      return kind.value;
    case 'nullValue':
      return null;
    case 'structValue': {
      const out: Record<string, unknown> = {};
      const fields = kind.value.fields;
      for (const key in fields) {
        const field = fields[key] as Value;
        const json = within(key, field);
        // A '__proto__' key would otherwise set the prototype instead of a property.
        if (key === '__proto__') {
          Object.defineProperty(out, key, {
            value: json,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        } else out[key] = json;
      }
      return out;
    }
    case 'listValue': {
      const values = kind.value.values;
      const out = new Array<unknown>(values.length);
      for (let i = 0; i < values.length; i++) out[i] = within(i, values[i] as Value);
      return out;
    }
    default:
      throw new ValueToJsonError('a Value must set one of its kinds');
  }
}

/** The path is built only when something fails, so valid documents allocate no path strings. */
function within(step: string | number, value: Value): unknown {
  try {
    return walk(value);
  } catch (error) {
    if (error instanceof ValueToJsonError) error.path.unshift(step);
    throw error;
  }
}
