import type { RegistryError } from '@llmsr/core';
import {
  type ConfluentErrorCodeRule,
  confluentErrorCodeOf,
  ERROR_CONFLUENT_CODES,
  type ErrorCode,
} from '@llmsr/spec';

/**
 * Confluent `error_code` of every registry error code: `@llmsr/spec`'s one exhaustive table (a
 * new registry code fails to compile until it is mapped there). A few codes depend on the
 * error's details.
 */
export const CONFLUENT_ERROR_CODES: Readonly<Record<ErrorCode, ConfluentErrorCodeRule>> =
  ERROR_CONFLUENT_CODES;

/** The Confluent `error_code` of a registry error. */
export function toConfluentErrorCode(error: RegistryError): number {
  return confluentErrorCodeOf(error.code, error.details);
}
