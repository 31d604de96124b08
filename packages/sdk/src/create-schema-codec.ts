import {
  type CompiledValidator,
  decodeAvro,
  decodeProtobuf,
  encodeAvro,
  encodeProtobuf,
  getSchemaFormat,
  type ParsedSchema,
  type SchemaFormat,
  type ValidationIssue,
} from '@llmsr/validation';
import { protobufMessageIndexes } from './protobuf-message-indexes.js';
import { RegistryClientError } from './registry-client-error.js';
import { decodeWireFormat, encodeWireFormat } from './wire-format.js';

/** Options of {@link createSchemaCodec}. */
export interface SchemaCodecOptions {
  schemaId: number;
  parsed: ParsedSchema;
  /** Protobuf: the message written (full name or `[i,j]`); the first message by default. */
  messageName?: string;
  /** JSON Schema: the format `parsed` was parsed with, when not validation's own. */
  jsonFormat?: SchemaFormat;
}

/** Serializes and deserializes one schema's values in the Confluent wire format, offline. */
export interface SchemaCodec {
  readonly schemaId: number;
  readonly schemaType: ParsedSchema['schemaType'];
  /** Encode a value (validated first); throws `SERIALIZATION_ERROR` listing what is wrong. */
  serialize(value: unknown): Buffer;
  /** Decode a frame written with this schema id. */
  deserialize(bytes: Uint8Array): unknown;
}

function serdeError(
  message: string,
  issues: ValidationIssue[],
  cause?: unknown,
): RegistryClientError {
  return new RegistryClientError('SERIALIZATION_ERROR', message, undefined, { issues }, { cause });
}

function issuesOf(error: unknown): ValidationIssue[] {
  const issues = (error as { issues?: unknown }).issues;
  return Array.isArray(issues) ? (issues as ValidationIssue[]) : [];
}

function rethrow(action: string, error: unknown): never {
  if (error instanceof RegistryClientError) throw error;
  const message = error instanceof Error ? error.message : String(error);
  throw serdeError(`cannot ${action}: ${message}`, issuesOf(error), error);
}

/**
 * A codec for one parsed schema: Avro binary, UTF-8 JSON (validated before writing), or
 * Protobuf binary after Confluent's message-index array, each behind the 5-byte id prefix.
 *
 * @example
 * ```ts
 * const parsed = getSchemaFormat('AVRO').parse('{"type":"record","name":"P","fields":[{"name":"x","type":"int"}]}');
 * const codec = createSchemaCodec({ schemaId: 7, parsed });
 * codec.deserialize(codec.serialize({ x: 1 })); // { x: 1 }
 * ```
 */
export function createSchemaCodec(options: SchemaCodecOptions): SchemaCodec {
  const { schemaId, parsed, messageName } = options;
  let indexes: number[] | undefined;
  try {
    if (parsed.schemaType === 'PROTOBUF') indexes = protobufMessageIndexes(parsed, messageName);
  } catch (error) {
    rethrow('serialize', error);
  }
  let jsonValidator: CompiledValidator | undefined;

  function checkId(frameId: number): void {
    if (frameId !== schemaId) {
      throw serdeError(`the data was written with schema id ${frameId}, not ${schemaId}`, []);
    }
  }

  return {
    schemaId,
    schemaType: parsed.schemaType,
    serialize(value) {
      let payload: Uint8Array;
      try {
        if (parsed.schemaType === 'AVRO') payload = encodeAvro(parsed, value);
        else if (parsed.schemaType === 'PROTOBUF') {
          payload = encodeProtobuf(parsed, value, { messageName: `[${indexes!.join(',')}]` });
        } else {
          jsonValidator ??= (options.jsonFormat ?? getSchemaFormat('JSON')).compile(parsed, {
            timing: false,
          });
          const result = jsonValidator.validate(value);
          if (!result.valid) {
            const first = result.errors[0]!;
            throw serdeError(
              `value does not match the schema: ${first.path || '/'} ${first.message}`,
              result.errors,
            );
          }
          const text = JSON.stringify(value);
          if (text === undefined) throw serdeError('value cannot be written as JSON', []);
          payload = Buffer.from(text, 'utf8');
        }
      } catch (error) {
        rethrow('serialize', error);
      }
      return encodeWireFormat({
        schemaId,
        payload,
        ...(indexes ? { messageIndexes: indexes } : {}),
      });
    },
    deserialize(bytes) {
      try {
        const frame = decodeWireFormat(bytes, { protobuf: parsed.schemaType === 'PROTOBUF' });
        checkId(frame.schemaId);
        if (parsed.schemaType === 'AVRO') return decodeAvro(parsed, frame.payload);
        if (parsed.schemaType === 'PROTOBUF') {
          return decodeProtobuf(parsed, frame.payload, {
            messageName: `[${frame.messageIndexes!.join(',')}]`,
          });
        }
        return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(frame.payload));
      } catch (error) {
        rethrow('deserialize', error);
      }
    },
  };
}
