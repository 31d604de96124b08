import { RegistryError } from './registry-error.js';

/** A parsed version selector: `latest` (or -1), an integer version, or a semver string. */
export type VersionSpec =
  | { kind: 'latest' }
  | { kind: 'number'; version: number }
  | { kind: 'semver'; semver: string };

const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/**
 * Parse a version selector as the REST routes receive it.
 * @throws RegistryError `INVALID_VERSION` for anything else (0, negative, too large, words).
 */
export function parseVersionSpec(spec: string | number): VersionSpec {
  const text = String(spec).trim();
  if (text === 'latest' || text === '-1') return { kind: 'latest' };
  if (/^\d{1,10}$/.test(text)) {
    const version = Number(text);
    if (version >= 1 && version <= 2_147_483_647) return { kind: 'number', version };
  }
  if (text.length <= 256 && SEMVER.test(text)) return { kind: 'semver', semver: text };
  throw new RegistryError(
    'INVALID_VERSION',
    `The specified version '${text.slice(0, 100)}' is not valid: use a positive integer, a semver (1.2.3) or 'latest'`,
    { version: text.slice(0, 100) },
  );
}
