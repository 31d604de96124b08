import type { ParsedSchema } from '@llmsr/validation';
import type { PairViolation } from '../types.js';

/** Confluent answers "Incompatible because of different schema type" before any format check. */
export function schemaTypeViolation(reader: ParsedSchema, writer: ParsedSchema): PairViolation {
  return {
    rule: 'SCHEMA_TYPE_CHANGED',
    path: '',
    message: `Incompatible because of different schema type: reader ${reader.schemaType}, writer ${writer.schemaType}`,
    severity: 'error',
  };
}
