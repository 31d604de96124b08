import protobuf from 'protobufjs';
import type { SchemaProblem } from '../schema-format.js';
import type { ProtobufFileInfo } from './protobuf-file-info.js';
import { problemAt } from './protobuf-parse-error.js';
import { locatePattern, locateToken } from './protobuf-source-location.js';

const MAX_FIELD_NUMBER = 536_870_911;

function isReservedNumber(reserved: Array<number[] | string> | undefined, id: number): boolean {
  return (reserved ?? []).some(
    (range) => Array.isArray(range) && id >= range[0]! && id <= range[1]!,
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function checkType(type: protobuf.Type, info: ProtobufFileInfo, problems: SchemaProblem[]): void {
  for (const field of type.fieldsArray) {
    const id = field.id;
    let message: string | undefined;
    if (!Number.isInteger(id) || id < 1 || id > MAX_FIELD_NUMBER) {
      message = `field ${type.name}.${field.name} has number ${id}, outside 1..${MAX_FIELD_NUMBER}`;
    } else if (id >= 19_000 && id <= 19_999) {
      message = `field ${type.name}.${field.name} uses number ${id}, reserved for the protobuf implementation`;
    } else if (isReservedNumber(type.reserved, id)) {
      message = `field ${type.name}.${field.name} uses reserved number ${id}`;
    }
    if (message !== undefined) {
      const pattern = new RegExp(`\\b(${escapeRegExp(field.name)})\\s*=\\s*${id}\\b`);
      problems.push(problemAt(message, locatePattern(info.source, pattern)));
    }
  }
}

function checkEnum(
  enumType: protobuf.Enum,
  info: ProtobufFileInfo,
  problems: SchemaProblem[],
): void {
  const values = Object.values(enumType.values);
  if (info.syntax === 'proto3' && values[0] !== 0) {
    const position = locatePattern(
      info.source,
      new RegExp(`\\benum\\s+(${escapeRegExp(enumType.name)})\\b`),
    );
    problems.push(problemAt(`the first value of proto3 enum ${enumType.name} must be 0`, position));
  }
  for (const [name, id] of Object.entries(enumType.values)) {
    if (isReservedNumber(enumType.reserved, id)) {
      problems.push(
        problemAt(
          `enum value ${enumType.name}.${name} uses reserved number ${id}`,
          locateToken(info.source, name),
        ),
      );
    }
  }
}

/**
 * Checks what protobufjs lets through but protoc rejects: field numbers out of range, in the
 * implementation-reserved 19000-19999 block or in `reserved` ranges, and proto3 enums whose
 * first value is not zero.
 */
export function checkProtobufDefinitions(info: ProtobufFileInfo): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const visit = (objects: readonly protobuf.ReflectionObject[]) => {
    for (const object of objects) {
      if (object instanceof protobuf.Type) {
        checkType(object, info, problems);
        visit(object.nestedArray);
      } else if (object instanceof protobuf.Enum) {
        checkEnum(object, info, problems);
      }
    }
  };
  visit(info.topLevel);
  return problems;
}
