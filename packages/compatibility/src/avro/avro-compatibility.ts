import type { ParsedSchema } from '@llmsr/validation';
import { CompatibilityCheckError } from '../compatibility-check-error.js';
import type { FormatCompatibilityChecker, PairViolation, SchemaDiff } from '../types.js';
import type { AvroNode } from './avro-node.js';
import { avroNodeFromType, isAvscType } from './avro-node-from-type.js';
import { avroPairViolation } from './avro-pair-violation.js';
import { checkAvroReaderWriter } from './check-avro-reader-writer.js';
import { diffAvro } from './diff-avro.js';
import { schemaTypeViolation } from './schema-type-violation.js';

/** The resolution view of a parsed Avro schema; throws {@link CompatibilityCheckError} (`INVALID_INPUT`) for anything else. */
export function avroNodeOf(schema: ParsedSchema, role: string): AvroNode {
  if (schema.schemaType !== 'AVRO') {
    throw new CompatibilityCheckError(
      'INVALID_INPUT',
      `The ${role} schema is ${schema.schemaType}, not AVRO`,
    );
  }
  if (!isAvscType(schema.native)) {
    throw new CompatibilityCheckError(
      'INVALID_INPUT',
      `The ${role} schema's native value is not an avsc Type`,
    );
  }
  return avroNodeFromType(schema.native);
}

/**
 * Avro compatibility with Apache Avro's schema-resolution semantics (what Confluent Schema
 * Registry delegates to): type promotions, unions, enum symbols and defaults, fixed sizes,
 * names and aliases, reader fields needing defaults, recursive types.
 * @example
 * const violations = avroCompatibility.checkReaderWriter(newSchema, oldSchema); // BACKWARD
 * const ok = violations.length === 0;
 */
export const avroCompatibility: FormatCompatibilityChecker = {
  schemaType: 'AVRO',
  checkReaderWriter(reader: ParsedSchema, writer: ParsedSchema): PairViolation[] {
    if (reader.schemaType !== writer.schemaType) return [schemaTypeViolation(reader, writer)];
    const found = checkAvroReaderWriter(avroNodeOf(reader, 'reader'), avroNodeOf(writer, 'writer'));
    return found.map(avroPairViolation);
  },
  diff(previous: ParsedSchema, next: ParsedSchema): SchemaDiff {
    return diffAvro(avroNodeOf(previous, 'previous'), avroNodeOf(next, 'next'));
  },
};
