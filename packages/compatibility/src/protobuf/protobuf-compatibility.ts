import type { ParsedSchema } from '@llmsr/validation';
import protobuf from 'protobufjs';
import { schemaTypeViolation } from '../avro/schema-type-violation.js';
import { CompatibilityCheckError } from '../compatibility-check-error.js';
import type {
  FormatCompatibilityChecker,
  PairViolation,
  SchemaChange,
  SchemaDiff,
} from '../types.js';
import { compareProtobufSchemas } from './compare-protobuf-schemas.js';
import { type ProtobufDifference, protobufDifferenceSeverity } from './protobuf-difference.js';

/** The resolved protobufjs root of a parsed Protobuf schema; throws {@link CompatibilityCheckError} (`INVALID_INPUT`) otherwise. */
export function protobufRootOf(schema: ParsedSchema, role: string): protobuf.Root {
  if (schema.schemaType !== 'PROTOBUF') {
    throw new CompatibilityCheckError(
      'INVALID_INPUT',
      `The ${role} schema is ${schema.schemaType}, not PROTOBUF`,
    );
  }
  if (!(schema.native instanceof protobuf.Root)) {
    throw new CompatibilityCheckError(
      'INVALID_INPUT',
      `The ${role} schema's native value is not a protobufjs Root`,
    );
  }
  return schema.native;
}

function toViolation(d: ProtobufDifference, severity: 'error' | 'warning'): PairViolation {
  const fix = FIXES[d.type];
  return {
    rule: d.type,
    path: d.path,
    ...(d.originalPath === undefined ? {} : { oldPath: d.originalPath }),
    message: `${d.message} (${d.fullPath})`,
    severity,
    ...(fix === undefined ? {} : { fix }),
  };
}

const FIXES: Partial<Record<ProtobufDifference['type'], string>> = {
  MESSAGE_REMOVED: 'keep the message (mark it deprecated instead of removing it)',
  FIELD_SCALAR_KIND_CHANGED: 'add a new field with a new number instead of changing the type',
  FIELD_KIND_CHANGED: 'add a new field with a new number instead of changing the type',
  FIELD_NAMED_TYPE_CHANGED: 'add a new field with a new number instead of changing the type',
  REQUIRED_FIELD_ADDED: 'make the new field optional',
  REQUIRED_FIELD_REMOVED: 'keep the required field',
  ONEOF_FIELD_REMOVED: 'keep the oneof member, or reserve its number and remove the whole oneof',
  PACKAGE_CHANGED: 'keep the package name',
  RESERVED_FIELD_REUSED: 'use a new field number and name',
  RESERVED_ENUM_VALUE_REUSED: 'use a new enum number and name',
};

const ADDED = /_ADDED$/;
const REMOVED = /_REMOVED$/;

/**
 * Protobuf compatibility with Confluent Schema Registry's semantics (`SchemaDiff` and its
 * `COMPATIBLE_CHANGES`): fields matched by number, wire-compatible scalar groups, messages,
 * enums, oneofs, labels, maps, package, referenced types compared recursively.
 * @example
 * const violations = protobufCompatibility.checkReaderWriter(newSchema, oldSchema); // BACKWARD
 */
export const protobufCompatibility: FormatCompatibilityChecker = {
  schemaType: 'PROTOBUF',
  checkReaderWriter(reader: ParsedSchema, writer: ParsedSchema): PairViolation[] {
    if (reader.schemaType !== writer.schemaType) return [schemaTypeViolation(reader, writer)];
    const differences = compareProtobufSchemas(
      protobufRootOf(writer, 'writer'),
      protobufRootOf(reader, 'reader'),
    );
    const out: PairViolation[] = [];
    for (const d of differences) {
      const severity = protobufDifferenceSeverity(d.type);
      if (severity === 'incompatible') out.push(toViolation(d, 'error'));
      else if (severity === 'warning') out.push(toViolation(d, 'warning'));
    }
    return out;
  },
  diff(previous: ParsedSchema, next: ParsedSchema): SchemaDiff {
    const differences = compareProtobufSchemas(
      protobufRootOf(previous, 'previous'),
      protobufRootOf(next, 'next'),
    );
    const changes: SchemaChange[] = differences.map((d) => ({
      kind: ADDED.test(d.type) ? 'added' : REMOVED.test(d.type) ? 'removed' : 'changed',
      path: d.path,
      annotationOnly: d.type === 'DOC_CHANGED',
      message: `${d.type}: ${d.message}`,
    }));
    return { changes };
  },
};
