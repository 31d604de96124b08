import { RegistryError } from '@llmsr/core';

type Body = Record<string, unknown>;

function wrongType(field: string, expected: string): RegistryError {
  return new RegistryError('INVALID_INPUT', `'${field}' must be ${expected}`, { field });
}

/** An optional string field; throws `INVALID_INPUT` naming the field for another type. */
export function optionalString(body: Body, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw wrongType(field, 'a string');
  return value;
}

/** A required string field. */
export function requiredString(body: Body, field: string): string {
  const value = optionalString(body, field);
  if (value === undefined) {
    throw new RegistryError('INVALID_INPUT', `'${field}' is required`, { field });
  }
  return value;
}

/** An optional boolean field. */
export function optionalBoolean(body: Body, field: string): boolean | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw wrongType(field, 'true or false');
  return value;
}

/** An optional positive integer field. */
export function optionalPositiveInteger(body: Body, field: string): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw wrongType(field, 'a positive integer');
  }
  return value;
}

/** An optional string-or-integer field (versions, ids). */
export function optionalStringOrInteger(body: Body, field: string): string | number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' || (typeof value === 'number' && Number.isSafeInteger(value))) {
    return value;
  }
  throw wrongType(field, 'a string or an integer');
}

/** A query flag: `?deleted=true`. */
export function queryFlag(value: string | undefined): boolean {
  return value === 'true' || value === '1';
}
