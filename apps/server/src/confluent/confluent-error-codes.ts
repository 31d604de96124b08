import type { ErrorCode, RegistryError } from '@llmsr/core';

const SCHEMA_FIELDS = new Set(['schema', 'schema_type', 'schemaType']);
/** Config settings the registry checks (closed value sets): an invalid value is Confluent's 42203. */
const CONFIG_SETTINGS = new Set(['compatibilityPolicy', 'jsonSchemaDefaultDraft', 'normalize']);

/**
 * Confluent `error_code` of every registry error code: one exhaustive table (a new registry
 * code fails to compile until it is mapped here). A few codes depend on the error's details.
 */
export const CONFLUENT_ERROR_CODES: Record<ErrorCode, number | ((error: RegistryError) => number)> =
  {
    SUBJECT_NOT_FOUND: (error) => (error.details.softDeleted === true ? 40404 : 40401),
    VERSION_NOT_FOUND: 40402,
    SCHEMA_NOT_FOUND: 40403,
    RESOURCE_NOT_FOUND: 404,
    ROUTE_NOT_FOUND: 404,
    INVALID_INPUT: (error) => {
      const field = typeof error.details.field === 'string' ? error.details.field : '';
      if (field === 'subject') return 42208;
      if (CONFIG_SETTINGS.has(field)) return 42203;
      if (SCHEMA_FIELDS.has(field) || field.startsWith('references')) return 42201;
      return 400;
    },
    INVALID_SCHEMA: 42201,
    INCOMPATIBLE_SCHEMA: 409,
    INVALID_VERSION: 42202,
    INVALID_COMPATIBILITY_LEVEL: 42203,
    INVALID_MODE: 42204,
    OPERATION_NOT_PERMITTED: 42205,
    NOT_SOFT_DELETED: (error) => (error.details.version === undefined ? 40405 : 40407),
    REFERENCED: 42206,
    PAYLOAD_TOO_LARGE: 413,
    RATE_LIMITED: 42901,
    TOO_MANY_STREAMS: 50003,
    CONFLICT: 42205,
    STORAGE_UNAVAILABLE: 50001,
    INTERNAL: 50001,
  };

/** The Confluent `error_code` of a registry error. */
export function toConfluentErrorCode(error: RegistryError): number {
  const entry = CONFLUENT_ERROR_CODES[error.code];
  return typeof entry === 'function' ? entry(error) : entry;
}
