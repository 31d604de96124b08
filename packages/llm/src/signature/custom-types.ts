import type { CustomTypes } from './resolve-type.js';
import { isBuiltinType } from './resolve-type.js';
import { SignatureError } from './signature-error.js';

const TYPE_NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;
/** Characters of one custom type's schema as JSON. */
export const CUSTOM_SCHEMA_LIMIT = 1_000_000;
/** Words the parsers read as values, so they cannot name types. */
const RESERVED = new Set(['None', 'True', 'False', 'nil', 'true', 'false', '_']);
/** Custom types one call may supply. */
const CUSTOM_TYPE_COUNT = 1_000;

/**
 * Checks and copies a schema given for a custom type: a JSON object (no cycles, functions or
 * BigInts) of bounded size. The copy keeps the caller's object out of the frozen signature.
 */
export function copyCustomSchema(name: string, schema: unknown): { [keyword: string]: unknown } {
  const fail = (
    message: string,
    code: 'SIGNATURE_INVALID_TYPE' | 'SIGNATURE_TOO_LARGE' = 'SIGNATURE_INVALID_TYPE',
  ): never => {
    throw new SignatureError(code, `custom type ${name}: ${message}`, { typeName: name });
  };
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema))
    return fail('the schema must be a JSON object');
  let json: string;
  try {
    json = JSON.stringify(schema);
  } catch (error) {
    return fail(`the schema is not JSON (${(error as Error).message})`);
  }
  if (json.length > CUSTOM_SCHEMA_LIMIT)
    return fail(
      `the schema is over ${CUSTOM_SCHEMA_LIMIT} characters of JSON`,
      'SIGNATURE_TOO_LARGE',
    );
  return JSON.parse(json);
}

/** Checks a custom type name: a (dotted) identifier that does not shadow a built-in type. */
export function checkCustomTypeName(name: unknown): string {
  if (
    typeof name !== 'string' ||
    name.length > 128 ||
    !TYPE_NAME.test(name) ||
    name === '__proto__'
  )
    throw new SignatureError(
      'SIGNATURE_INVALID_NAME',
      `custom type name ${JSON.stringify(String(name)).slice(0, 40)} must be a (dotted) identifier of at most 128 characters`,
    );
  if (RESERVED.has(name))
    throw new SignatureError(
      'SIGNATURE_INVALID_NAME',
      `custom type ${name} is a reserved value name`,
    );
  if (isBuiltinType(name))
    throw new SignatureError(
      'SIGNATURE_INVALID_NAME',
      `custom type ${name} would shadow the built-in type of that name`,
    );
  return name;
}

/** Checks and copies the `types` option of `parseSignature` into a lookup map. */
export function prepareCustomTypes(types: unknown): CustomTypes {
  const map = new Map<string, { [keyword: string]: unknown }>();
  if (types === undefined) return map;
  if (typeof types !== 'object' || types === null || Array.isArray(types))
    throw new SignatureError(
      'SIGNATURE_INVALID_TYPE',
      'types must be an object of name -> JSON Schema',
    );
  const names = Object.keys(types);
  if (names.length > CUSTOM_TYPE_COUNT)
    throw new SignatureError(
      'SIGNATURE_TOO_LARGE',
      `at most ${CUSTOM_TYPE_COUNT} custom types may be given`,
    );
  for (const name of names)
    map.set(
      checkCustomTypeName(name),
      copyCustomSchema(name, (types as Record<string, unknown>)[name]),
    );
  return map;
}
