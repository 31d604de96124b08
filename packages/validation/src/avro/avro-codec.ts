import type avro from 'avsc';
import type { ParsedSchema } from '../schema-format.js';
import { AvroDataError } from './avro-data-error.js';
import { avroJsonType } from './avro-json-type.js';
import { checkAvroBinary } from './check-avro-binary.js';
import { collectAvroIssues } from './compile-avro-validator.js';

function typeOf(parsed: ParsedSchema): avro.Type {
  if (parsed.schemaType !== 'AVRO')
    throw new TypeError(`expected an AVRO schema, got ${parsed.schemaType}`);
  return parsed.native as avro.Type;
}

/**
 * Encodes a value to Avro binary (no Confluent framing); `bytes`/`fixed` may be Buffers or
 * strings of code points 0-255. Throws {@link AvroDataError} listing
 * every problem (with its path) when the value does not match the schema.
 *
 * @example
 * const parsed = avroFormat.parse('{"type":"record","name":"P","fields":[{"name":"x","type":"int"}]}');
 * decodeAvro(parsed, encodeAvro(parsed, { x: 1 })); // { x: 1 }
 */
export function encodeAvro(parsed: ParsedSchema, value: unknown): Buffer {
  const type = avroJsonType(typeOf(parsed));
  let valid: boolean;
  try {
    valid = type.isValid(value);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new AvroDataError('value nests too deeply to encode', [
      { path: '', keyword: 'depth', message: 'value nests too deeply' },
    ]);
  }
  if (!valid) {
    const issues = collectAvroIssues(type, value, false);
    throw new AvroDataError(
      `value does not match the schema: ${issues[0]!.path} ${issues[0]!.message}`,
      issues,
    );
  }
  return type.toBuffer(value);
}

/**
 * Decodes Avro binary (no Confluent framing) written with this schema. Truncated, trailing or
 * corrupt bytes throw {@link AvroDataError}.
 */
export function decodeAvro(parsed: ParsedSchema, bytes: Uint8Array): unknown {
  const type = typeOf(parsed);
  const buffer = Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const problem = checkAvroBinary(type, buffer);
  if (problem !== undefined) {
    throw new AvroDataError(`cannot decode Avro data: ${problem}`, [
      { path: '', keyword: 'decode', message: problem },
    ]);
  }
  try {
    return type.fromBuffer(buffer);
  } catch (error) {
    const message =
      error instanceof RangeError ? 'corrupt or truncated data' : (error as Error).message;
    throw new AvroDataError(`cannot decode Avro data: ${message}`, [
      { path: '', keyword: 'decode', message },
    ]);
  }
}
