import { RegistryClientError } from './registry-client-error.js';

/** The magic byte of Confluent's id-prefixed ("V0") wire format. */
export const MAGIC_BYTE = 0;

/** Longest message-index array read (Protobuf nesting rarely passes a handful). */
const MAX_INDEXES = 128;

function wireError(message: string, details: Record<string, unknown> = {}): RegistryClientError {
  return new RegistryClientError('SERIALIZATION_ERROR', message, undefined, details);
}

function checkSchemaId(schemaId: number): void {
  if (!Number.isInteger(schemaId) || schemaId < 0 || schemaId > 0x7fffffff) {
    throw wireError(`schema id must be an integer from 0 to 2^31-1, got ${String(schemaId)}`);
  }
}

function zigZag(value: number): number {
  // Kafka's ByteUtils.writeVarint: (v << 1) ^ (v >> 31), as an unsigned 32-bit number.
  return ((value << 1) ^ (value >> 31)) >>> 0;
}

/**
 * Confluent's Protobuf message-index array: zig-zag varint count, then each index as a zig-zag
 * varint; `[0]` (the first top-level message) is the single byte `0x00`.
 */
export function encodeMessageIndexes(indexes: readonly number[]): Buffer {
  if (indexes.length === 1 && indexes[0] === 0) return Buffer.from([0]);
  const bytes: number[] = [];
  for (const value of [indexes.length, ...indexes]) {
    if (!Number.isInteger(value) || value < 0 || value > 0x3fffffff) {
      throw wireError(`message index must be a non-negative integer, got ${String(value)}`);
    }
    let rest = zigZag(value);
    while (rest > 0x7f) {
      bytes.push((rest & 0x7f) | 0x80);
      rest >>>= 7;
    }
    bytes.push(rest);
  }
  return Buffer.from(bytes);
}

function readVarint(bytes: Uint8Array, offset: number): { value: number; next: number } {
  let result = 0;
  for (let shift = 0, i = offset; shift <= 28; shift += 7, i++) {
    const byte = bytes[i];
    if (byte === undefined) throw wireError('truncated message indexes', { offset: i });
    result |= (byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) {
      const unsigned = result >>> 0;
      return { value: (unsigned >>> 1) ^ -(unsigned & 1), next: i + 1 };
    }
  }
  throw wireError('message index varint is longer than 5 bytes', { offset });
}

/** Read a message-index array at `offset`; a count of 0 means `[0]`. */
export function decodeMessageIndexes(
  bytes: Uint8Array,
  offset = 0,
): { indexes: number[]; next: number } {
  const count = readVarint(bytes, offset);
  if (count.value === 0) return { indexes: [0], next: count.next };
  if (count.value < 0 || count.value > MAX_INDEXES) {
    throw wireError(`invalid message index count ${count.value}`, { offset });
  }
  const indexes: number[] = [];
  let next = count.next;
  for (let i = 0; i < count.value; i++) {
    const item = readVarint(bytes, next);
    if (item.value < 0) throw wireError(`negative message index ${item.value}`, { offset: next });
    indexes.push(item.value);
    next = item.next;
  }
  return { indexes, next };
}

/** Frame a payload: magic byte 0, 4-byte big-endian schema id, [message indexes], payload. */
export function encodeWireFormat(input: {
  schemaId: number;
  payload: Uint8Array;
  messageIndexes?: readonly number[];
}): Buffer {
  checkSchemaId(input.schemaId);
  const header = Buffer.alloc(5);
  header.writeUInt8(MAGIC_BYTE, 0);
  header.writeUInt32BE(input.schemaId, 1);
  const parts: Uint8Array[] = [header];
  if (input.messageIndexes) parts.push(encodeMessageIndexes(input.messageIndexes));
  parts.push(input.payload);
  return Buffer.concat(parts);
}

/** A decoded frame. */
export interface WireFrame {
  schemaId: number;
  /** Only when read with `protobuf: true`. */
  messageIndexes: number[] | undefined;
  payload: Buffer;
}

/** The schema id of a frame, without reading further (to pick the schema first). */
export function readSchemaId(bytes: Uint8Array): number {
  if (!(bytes instanceof Uint8Array)) throw wireError('expected a Buffer or Uint8Array');
  if (bytes.length < 5) {
    throw wireError(`a Confluent frame has at least 5 bytes, got ${bytes.length}`);
  }
  if (bytes[0] !== MAGIC_BYTE) {
    throw wireError(`unknown magic byte ${bytes[0]} (expected 0)`, { magicByte: bytes[0] });
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).readUInt32BE(1);
}

/** Split a frame into schema id, message indexes (Protobuf) and payload. */
export function decodeWireFormat(
  bytes: Uint8Array,
  options: { protobuf?: boolean } = {},
): WireFrame {
  const schemaId = readSchemaId(bytes);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!options.protobuf)
    return { schemaId, messageIndexes: undefined, payload: buffer.subarray(5) };
  const { indexes, next } = decodeMessageIndexes(buffer, 5);
  return { schemaId, messageIndexes: indexes, payload: buffer.subarray(next) };
}
