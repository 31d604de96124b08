import type { ParsedSchema } from '../schema-format.js';
import { checkProtobufMessageJson, type ProtobufJsonContext } from './check-protobuf-json.js';
import { findProtobufMessage } from './find-protobuf-message.js';
import { ProtobufDataError } from './protobuf-data-error.js';
import { toProtobufJson } from './protobuf-json-output.js';

/** Which message of the schema to use: first message by default (see `ValidateOptions`). */
export interface ProtobufCodecOptions {
  messageName?: string;
}

/**
 * Encodes JSON data (protobuf JSON mapping, as the validator accepts it) to protobuf binary
 * (no Confluent framing). Throws {@link ProtobufDataError} listing every problem with its path.
 *
 * @example
 * const parsed = protobufFormat.parse('syntax = "proto3"; message P { int64 id = 1; }');
 * decodeProtobuf(parsed, encodeProtobuf(parsed, { id: '7' })); // { id: '7' }
 */
export function encodeProtobuf(
  parsed: ParsedSchema,
  value: unknown,
  options: ProtobufCodecOptions = {},
): Uint8Array {
  const type = findProtobufMessage(parsed, options.messageName);
  const ctx: ProtobufJsonContext = { strict: false, issues: [] };
  let object: unknown;
  try {
    object = checkProtobufMessageJson(type, value, '', ctx);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    ctx.issues.push({ path: '', keyword: 'depth', message: 'value nests too deeply' });
  }
  const first = ctx.issues[0];
  if (first !== undefined) {
    throw new ProtobufDataError(
      `value does not match ${type.name}: ${first.path} ${first.message}`,
      ctx.issues,
    );
  }
  try {
    return type.encode(type.fromObject(object as Record<string, unknown>)).finish();
  } catch (error) {
    const message = (error as Error).message;
    throw new ProtobufDataError(`cannot encode ${type.name}: ${message}`, [
      { path: '', keyword: 'encode', message },
    ]);
  }
}

/**
 * Decodes protobuf binary (no Confluent framing) to JSON data with proto field names, 64-bit
 * integers and enums as strings, bytes as base64, well-known types in their JSON form and unset
 * fields omitted; the result validates and re-encodes to the same message.
 * Corrupt or truncated bytes throw {@link ProtobufDataError}.
 */
export function decodeProtobuf(
  parsed: ParsedSchema,
  bytes: Uint8Array,
  options: ProtobufCodecOptions = {},
): unknown {
  const type = findProtobufMessage(parsed, options.messageName);
  try {
    const message = type.decode(bytes);
    const object = type.toObject(message, {
      longs: String,
      enums: String,
      bytes: String,
      json: true,
    });
    return toProtobufJson(type, object);
  } catch (error) {
    const message =
      error instanceof RangeError && !/index out of range/.test(error.message)
        ? 'corrupt data'
        : (error as Error).message;
    throw new ProtobufDataError(`cannot decode ${type.name}: ${message}`, [
      { path: '', keyword: 'decode', message },
    ]);
  }
}
