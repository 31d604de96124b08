import semver from 'semver';
import type { SchemaDiff, SemverBump } from './types.js';

/**
 * The semver bump a change implies: `major` when incompatible or when a change is `breaking`
 * (a schema type change, which NONE allows), `minor` for a compatible
 * structural change, `patch` when only annotations changed, `none` when nothing changed.
 *
 * @example
 * ```ts
 * semverBump({ diff: diffSchemas('JSON', v1, v2), compatible: true }); // 'minor'
 * ```
 */
export function semverBump(input: { diff: SchemaDiff; compatible: boolean }): SemverBump {
  if (!input.compatible || input.diff.changes.some((change) => change.breaking === true))
    return 'major';
  if (input.diff.changes.length === 0) return 'none';
  return input.diff.changes.every((change) => change.annotationOnly) ? 'patch' : 'minor';
}

/**
 * The next version after `previous` for a bump (`none` keeps it). An invalid previous version
 * yields `undefined`.
 *
 * @example
 * ```ts
 * nextSemver('1.4.2', 'minor'); // '1.5.0'
 * ```
 */
export function nextSemver(previous: string, bump: SemverBump): string | undefined {
  const valid = semver.valid(previous);
  if (valid === null) return undefined;
  return bump === 'none' ? valid : (semver.inc(valid, bump) ?? undefined);
}
