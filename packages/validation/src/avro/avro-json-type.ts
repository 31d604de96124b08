import avro from 'avsc';

function latin1Buffer(value: unknown): Buffer | undefined {
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array)
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (typeof value !== 'string') return undefined;
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 255) return undefined;
  return Buffer.from(value, 'latin1');
}

// avsc's extension point for custom value representations is subclassing LogicalType.
class JsonBytesType extends avro.types.LogicalType {
  protected override _fromValue(value: Buffer): Buffer {
    return value;
  }
  protected override _toValue(value: unknown): Buffer | undefined {
    return latin1Buffer(value);
  }
  protected override _resolve(type: avro.Type): ((value: Buffer) => Buffer) | undefined {
    const name = type.typeName;
    return name === 'bytes' || name === 'fixed' ? (value) => value : undefined;
  }
}

function isBinarySchema(schema: unknown): boolean {
  if (schema === 'bytes') return true;
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return false;
  const type = (schema as { type?: unknown }).type;
  return type === 'bytes' || type === 'fixed';
}

const jsonTypes = new WeakMap<avro.Type, avro.Type>();

/**
 * The type used to validate and encode JSON data: like the parsed avsc type, but `bytes` and
 * `fixed` values may also be strings of code points 0-255 (Avro's JSON encoding) as well as
 * Buffers. Schemas without bytes or fixed use the parsed type itself (no extra cost).
 */
export function avroJsonType(type: avro.Type): avro.Type {
  let jsonType = jsonTypes.get(type);
  if (jsonType !== undefined) return jsonType;
  const schema = type.schema({ exportAttrs: true });
  const text = JSON.stringify(schema);
  if (!text.includes('"bytes"') && !text.includes('"fixed"')) {
    jsonType = type;
  } else {
    let building = false;
    jsonType = avro.Type.forSchema(schema, {
      typeHook: (node, options) => {
        if (building || !isBinarySchema(node)) return undefined;
        building = true;
        try {
          const wrapper = new JsonBytesType(node as avro.Schema, options);
          const name = wrapper.underlyingType.name;
          // Later references to a named fixed must get the wrapper, not the plain fixed.
          if (name !== undefined) options.registry[name] = wrapper;
          return wrapper;
        } finally {
          building = false;
        }
      },
    });
  }
  jsonTypes.set(type, jsonType);
  return jsonType;
}
