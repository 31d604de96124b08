import type { PairViolation } from '../types.js';
import type { AvroIncompatibility } from './avro-incompatibility.js';
import { avroTypeLabel } from './avro-node.js';

function where(path: string): string {
  return path === '' ? 'the root' : `'${path}'`;
}

function describe(item: AvroIncompatibility): { message: string; fix?: string } {
  const { reader, writer } = item;
  const readerName = 'fullName' in reader ? reader.fullName : avroTypeLabel(reader);
  const writerName = 'fullName' in writer ? writer.fullName : avroTypeLabel(writer);
  switch (item.type) {
    case 'READER_FIELD_MISSING_DEFAULT_VALUE':
      return {
        message: `Field ${where(item.path)} is missing in the writer schema and has no default value in the reader schema`,
        fix: `give field '${item.fieldName}' a default`,
      };
    case 'TYPE_MISMATCH':
      return {
        message: `Type of ${where(item.path)} is incompatible: reader type ${avroTypeLabel(reader)} cannot read writer type ${avroTypeLabel(writer)}`,
      };
    case 'NAME_MISMATCH':
      return {
        message: `Name of the ${reader.kind} at ${where(item.path)} changed: reader '${readerName}', writer '${writerName}'`,
        fix: `add the alias '${writerName}' to the reader ${reader.kind} '${readerName}'`,
      };
    case 'FIXED_SIZE_MISMATCH': {
      const readerSize = reader.kind === 'fixed' ? reader.size : '?';
      const writerSize = writer.kind === 'fixed' ? writer.size : '?';
      return {
        message: `Fixed '${readerName}' at ${where(item.path)} has size ${readerSize} in the reader schema but ${writerSize} in the writer schema`,
      };
    }
    case 'MISSING_ENUM_SYMBOLS':
      return {
        message: `Reader enum '${readerName}' at ${where(item.path)} lacks writer symbols ${item.message}`,
        fix: `add the symbols ${item.message} to enum '${readerName}', or give it a default symbol`,
      };
    case 'MISSING_UNION_BRANCH':
      return {
        message: `Reader union at ${where(item.path)} has no branch for writer type ${avroTypeLabel(writer)}`,
        fix: `add the writer's ${avroTypeLabel(writer).toLowerCase()} type as a branch of the reader union`,
      };
    case 'READER_FIELD_AMBIGUOUS_ALIAS':
      return {
        message: item.message,
        fix: `remove aliases of field '${item.fieldName}' so that it matches one writer field`,
      };
  }
}

/** Turns one Avro resolution incompatibility into the violation the level engine reports. */
export function avroPairViolation(item: AvroIncompatibility): PairViolation {
  const { message, fix } = describe(item);
  return {
    rule: item.type,
    path: item.path,
    ...(item.writerPath !== item.path ? { oldPath: item.writerPath } : {}),
    message: `${message} (Avro location ${item.location})`,
    severity: 'error',
    ...(fix === undefined ? {} : { fix }),
  };
}
