import { describe, expect, it } from 'vitest';
import {
  decodeMessageIndexes,
  decodeWireFormat,
  encodeMessageIndexes,
  encodeWireFormat,
  readSchemaId,
} from './wire-format.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('Protobuf message indexes', () => {
  it.each([
    [[0], '00'],
    [[1], '0202'],
    [[0, 1], '040002'],
    [[2, 0, 1], '06040002'],
    [[64], '028001'],
  ])('writes %j as Confluent does (%s)', (indexes, expected) => {
    expect(hex(encodeMessageIndexes(indexes))).toBe(expected);
    expect(decodeMessageIndexes(Buffer.from(expected, 'hex'))).toEqual({
      indexes,
      next: expected.length / 2,
    });
  });

  it('reads the long form of [0] (02 00) too', () => {
    expect(decodeMessageIndexes(Buffer.from('0200', 'hex')).indexes).toEqual([0]);
  });

  it('rejects truncated, negative, oversized and overlong index arrays', () => {
    expect(() => decodeMessageIndexes(Buffer.from('04', 'hex'))).toThrow(/truncated/);
    expect(() => decodeMessageIndexes(Buffer.from('01', 'hex'))).toThrow(/count -1/);
    expect(() => decodeMessageIndexes(Buffer.from('0201', 'hex'))).toThrow(/negative/);
    expect(() => decodeMessageIndexes(Buffer.from('feffffff0f', 'hex'))).toThrow(/count/);
    expect(() => decodeMessageIndexes(Buffer.from('ffffffffff01', 'hex'))).toThrow(/longer than 5/);
    expect(() => encodeMessageIndexes([-1])).toThrow(/non-negative/);
    expect(() => encodeMessageIndexes([1.5])).toThrow(/non-negative/);
  });
});

describe('the Confluent frame', () => {
  it('is magic byte 0, the id as 4 big-endian bytes, then the payload', () => {
    const frame = encodeWireFormat({ schemaId: 0x01020304, payload: Buffer.from('hi') });
    expect(hex(frame)).toBe('00010203046869');
    expect(decodeWireFormat(frame)).toEqual({
      schemaId: 0x01020304,
      messageIndexes: undefined,
      payload: Buffer.from('hi'),
    });
  });

  it('puts Protobuf message indexes between the id and the payload', () => {
    const frame = encodeWireFormat({
      schemaId: 7,
      payload: Buffer.from([8, 1]),
      messageIndexes: [1, 0],
    });
    expect(hex(frame)).toBe('0000000007' + '040200' + '0801');
    const decoded = decodeWireFormat(frame, { protobuf: true });
    expect(decoded.messageIndexes).toEqual([1, 0]);
    expect(hex(decoded.payload)).toBe('0801');
  });

  it('reads frames from a Uint8Array view into a larger buffer', () => {
    const backing = new Uint8Array([9, 9, 0, 0, 0, 0, 5, 42]);
    expect(decodeWireFormat(backing.subarray(2)).schemaId).toBe(5);
  });

  it('rejects short frames, unknown magic bytes and bad ids with SERIALIZATION_ERROR', () => {
    expect(() => readSchemaId(new Uint8Array([0, 0, 0]))).toThrow(
      expect.objectContaining({ code: 'SERIALIZATION_ERROR' }),
    );
    expect(() => readSchemaId(new Uint8Array([1, 0, 0, 0, 1]))).toThrow(/magic byte 1/);
    expect(() => readSchemaId('00000001' as unknown as Uint8Array)).toThrow(/Buffer/);
    expect(() => encodeWireFormat({ schemaId: -1, payload: new Uint8Array() })).toThrow(
      /schema id/,
    );
    expect(() => encodeWireFormat({ schemaId: 2 ** 31, payload: new Uint8Array() })).toThrow(
      /schema id/,
    );
    expect(() => decodeWireFormat(new Uint8Array([0, 0, 0, 0, 1]), { protobuf: true })).toThrow(
      /truncated/,
    );
  });
});
