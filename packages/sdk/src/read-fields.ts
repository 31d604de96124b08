import { RegistryClientError } from './registry-client-error.js';

/** A JSON object from the server, read field by field with type checks. */
export type JsonObject = Record<string, unknown>;

function bad(what: string, field: string, expected: string): RegistryClientError {
  return new RegistryClientError(
    'INVALID_RESPONSE',
    `The server's ${what} has no valid '${field}' (expected ${expected})`,
    undefined,
    { field },
  );
}

/** The body as an object; anything else is an `INVALID_RESPONSE`. */
export function asObject(value: unknown, what: string): JsonObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new RegistryClientError(
      'INVALID_RESPONSE',
      `The server's ${what} is not a JSON object`,
      undefined,
    );
  }
  return value as JsonObject;
}

/** The body as an array. */
export function asArray(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) {
    throw new RegistryClientError(
      'INVALID_RESPONSE',
      `The server's ${what} is not a JSON array`,
      undefined,
    );
  }
  return value;
}

/** A required string field. */
export function str(body: JsonObject, field: string, what: string): string {
  const value = body[field];
  if (typeof value !== 'string') throw bad(what, field, 'a string');
  return value;
}

/** A string-or-null field (absent reads as null). */
export function strOrNull(body: JsonObject, field: string, what: string): string | null {
  const value = body[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw bad(what, field, 'a string or null');
  return value;
}

/** A required integer field. */
export function int(body: JsonObject, field: string, what: string): number {
  const value = body[field];
  if (typeof value !== 'number' || !Number.isSafeInteger(value))
    throw bad(what, field, 'an integer');
  return value;
}

/** An integer-or-null field (absent reads as null). */
export function intOrNull(body: JsonObject, field: string, what: string): number | null {
  const value = body[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw bad(what, field, 'an integer or null');
  }
  return value;
}

/** A required boolean field. */
export function bool(body: JsonObject, field: string, what: string): boolean {
  const value = body[field];
  if (typeof value !== 'boolean') throw bad(what, field, 'true or false');
  return value;
}
