import { ConfluentError } from './confluent-error.js';

/**
 * Parse a Confluent `{version}` path segment: `latest` (any case, or -1) or an integer in
 * [1, 2^31-1]. Semvers, which the native API accepts, are not Confluent version ids.
 * @throws ConfluentError 42202.
 */
export function parseConfluentVersion(segment: string): number | 'latest' {
  const text = segment.trim();
  if (text.toLowerCase() === 'latest' || text === '-1') return 'latest';
  if (/^\d{1,10}$/.test(text)) {
    const version = Number(text);
    if (version >= 1 && version <= 2_147_483_647) return version;
  }
  throw new ConfluentError(
    42202,
    `The specified version '${text.slice(0, 100)}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string "latest"`,
  );
}

/**
 * An optional query flag (`?normalize=`): `true`/`false` (any case) when given, `undefined`
 * when absent so the registry falls back to the subject's and then the global config.
 */
export function confluentOptionalFlag(value: string | undefined): boolean | undefined {
  return value === undefined || value === '' ? undefined : value.toLowerCase() === 'true';
}

/** A query flag as Confluent reads booleans: `true` (any case) is true, anything else false. */
export function confluentFlag(value: string | undefined): boolean {
  return value?.toLowerCase() === 'true';
}
