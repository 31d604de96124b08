import { RegistryError } from '@llmsr/core';

/**
 * An optional non-negative integer query parameter; `INVALID_INPUT` naming it for anything else
 * (words, fractions, signs, more than 15 digits).
 */
export function queryInteger(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d{1,15}$/.test(value)) {
    throw new RegistryError('INVALID_INPUT', `'${name}' must be a non-negative integer`, {
      field: name,
    });
  }
  return Number(value);
}

/** An optional text query parameter, refused over `max` characters. */
export function queryText(
  value: string | undefined,
  name: string,
  max = 1_000,
): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (value.length > max) {
    throw new RegistryError('INVALID_INPUT', `'${name}' is longer than ${max} characters`, {
      field: name,
    });
  }
  return value;
}

/** A metadata value from the query: JSON when it parses (`1`, `true`, `"x"`), else the text itself. */
export function queryJsonValue(value: string | undefined, name: string): unknown {
  const text = queryText(value, name);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
