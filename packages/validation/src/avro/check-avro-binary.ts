import type avro from 'avsc';

/** Most zero-byte items (`null`, empty records) one value may claim before decoding is refused. */
export const MAX_AVRO_EMPTY_ITEMS = 1_000_000;
const MAX_DEPTH = 2_000;

interface Cursor {
  bytes: Uint8Array;
  pos: number;
  emptyItems: number;
}

class Corrupt extends Error {}

function need(cursor: Cursor, count: number): void {
  if (count < 0 || cursor.pos + count > cursor.bytes.length) throw new Corrupt('truncated data');
  cursor.pos += count;
}

function readLong(cursor: Cursor): number {
  let result = 0;
  let factor = 1;
  for (let shift = 0; shift < 10; shift++) {
    if (cursor.pos >= cursor.bytes.length) throw new Corrupt('truncated data');
    const byte = cursor.bytes[cursor.pos++]!;
    result += (byte & 0x7f) * factor;
    if ((byte & 0x80) === 0) return result % 2 === 0 ? result / 2 : -(result + 1) / 2;
    factor *= 128;
  }
  throw new Corrupt('varint longer than 10 bytes');
}

function skipBlocks(cursor: Cursor, item: (cursor: Cursor) => void): void {
  for (;;) {
    let count = readLong(cursor);
    if (count === 0) return;
    if (count < 0) {
      count = -count;
      if (readLong(cursor) < 0) throw new Corrupt('negative block size');
    }
    for (let i = 0; i < count; i++) {
      const before = cursor.pos;
      item(cursor);
      if (cursor.pos === before && ++cursor.emptyItems > MAX_AVRO_EMPTY_ITEMS) {
        throw new Corrupt(`more than ${MAX_AVRO_EMPTY_ITEMS} empty items`);
      }
    }
  }
}

function skip(type: avro.Type, cursor: Cursor, depth: number): void {
  if (depth > MAX_DEPTH) throw new Corrupt('data nests too deeply');
  const t = type as unknown as Record<string, unknown>;
  switch (type.typeName) {
    case 'null':
      return;
    case 'boolean':
      need(cursor, 1);
      return;
    case 'int':
    case 'long':
      readLong(cursor);
      return;
    case 'float':
      need(cursor, 4);
      return;
    case 'double':
      need(cursor, 8);
      return;
    case 'bytes':
    case 'string':
      need(cursor, readLong(cursor));
      return;
    case 'fixed':
      need(cursor, t.size as number);
      return;
    case 'enum': {
      const index = readLong(cursor);
      if (index < 0 || index >= (t.symbols as string[]).length)
        throw new Corrupt('enum index out of range');
      return;
    }
    case 'array':
      skipBlocks(cursor, (c) => skip(t.itemsType as avro.Type, c, depth + 1));
      return;
    case 'map':
      skipBlocks(cursor, (c) => {
        need(c, readLong(c));
        skip(t.valuesType as avro.Type, c, depth + 1);
      });
      return;
    case 'record':
    case 'error':
      for (const field of t.fields as avro.types.Field[]) skip(field.type, cursor, depth + 1);
      return;
    default: {
      if (type.typeName.startsWith('logical:')) {
        skip(t.underlyingType as avro.Type, cursor, depth);
        return;
      }
      const branches = t.types as avro.Type[];
      const index = readLong(cursor);
      if (index < 0 || index >= branches.length) throw new Corrupt('union index out of range');
      skip(branches[index]!, cursor, depth + 1);
      return;
    }
  }
}

/**
 * Why Avro binary cannot be a value of `type`, or `undefined` if it can be decoded safely.
 * avsc trusts block counts: six bytes claiming 2^31 `null` items make it allocate until the
 * process dies, and it reads past the end before noticing truncation. This walk checks every
 * length, count, index and the nesting depth first, without building values.
 */
export function checkAvroBinary(type: avro.Type, bytes: Uint8Array): string | undefined {
  const cursor: Cursor = { bytes, pos: 0, emptyItems: 0 };
  try {
    skip(type, cursor, 0);
  } catch (error) {
    if (error instanceof Corrupt) return error.message;
    if (error instanceof RangeError) return 'data nests too deeply';
    throw error;
  }
  return cursor.pos === bytes.length ? undefined : `${bytes.length - cursor.pos} trailing bytes`;
}
