import { diffSchemas, semverBump } from '@llmsr/compatibility';
import type { SubjectVersionRecord } from '@llmsr/storage';
import type { ParsedSchema } from '@llmsr/validation';
import semver from 'semver';
import { RegistryError } from './registry-error.js';

/**
 * The semver of a new version: the client's (must be valid and higher than every earlier one),
 * else 1.0.0 for a first version, else the latest bumped by the kind of change: major when
 * incompatible (allowed by the level) or of another schema type (allowed under NONE), minor for
 * a compatible structural change, patch when only annotations changed.
 */
export function computeSemver(input: {
  requested: string | undefined;
  allVersions: SubjectVersionRecord[];
  latest: { semver: string; parsed: ParsedSchema } | undefined;
  candidate: ParsedSchema;
  compatibleWithLatest: boolean;
}): string {
  const highest = input.allVersions
    .map((row) => semver.valid(row.semver))
    .filter((value): value is string => value !== null)
    .sort(semver.rcompare)[0];
  if (input.requested !== undefined) {
    const requested = semver.valid(input.requested);
    if (!requested) {
      throw new RegistryError(
        'INVALID_VERSION',
        `'${input.requested.slice(0, 100)}' is not a semver`,
        {
          field: 'version',
        },
      );
    }
    if (highest && !semver.gt(requested, highest)) {
      throw new RegistryError(
        'INVALID_VERSION',
        `Version ${requested} must be higher than the subject's highest version ${highest}`,
        { field: 'version', highest },
      );
    }
    return requested;
  }
  if (!input.latest || !highest) return '1.0.0';
  // The formats' differs compare two schemas of one type; a new type breaks every reader.
  if (input.latest.parsed.schemaType !== input.candidate.schemaType) {
    return semver.inc(highest, 'major') ?? '1.0.0';
  }
  const diff = diffSchemas(input.candidate.schemaType, input.latest.parsed, input.candidate);
  const bump = semverBump({ diff, compatible: input.compatibleWithLatest });
  return semver.inc(highest, bump === 'none' ? 'patch' : bump) ?? '1.0.0';
}
