import type { CompatibilityLevel, SchemaType } from '@llmsr/spec';
import type { ParsedSchema } from '@llmsr/validation';

/** The seven compatibility levels (defined once in `@llmsr/spec`, re-exported for this package's API). */
export type { CompatibilityLevel } from '@llmsr/spec';

/** One reason a new schema is not compatible with an earlier version. */
export interface CompatibilityViolation {
  /** Stable rule id, e.g. `READER_FIELD_MISSING_DEFAULT_VALUE`, `FIELD_NUMBER_REUSED`, `PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL`. */
  rule: string;
  /** Path in the new schema (JSON pointer, Avro field path, proto `Message.field`). */
  path: string;
  /** Path in the old schema, when it differs. */
  oldPath?: string;
  message: string;
  severity: 'error' | 'warning';
  /** Which direction failed: the new schema reading old data (`backward`) or the old reading new (`forward`). */
  direction: 'backward' | 'forward';
  /** The earlier version this violation was found against. */
  comparedVersion?: number;
  /** An obvious fix, when there is one ("give field 'f2' a default"). */
  fix?: string;
}

/** The verdict of a compatibility check. */
export interface CompatibilityReport {
  compatible: boolean;
  level: CompatibilityLevel;
  violations: CompatibilityViolation[];
  /** Versions the candidate was compared with, in the order compared. */
  comparedVersions: number[];
}

/** An earlier version to check against. */
export interface PreviousVersion {
  version: number;
  schema: ParsedSchema;
}

/** One structural change between two schemas. */
export interface SchemaChange {
  kind: 'added' | 'removed' | 'changed';
  path: string;
  /** True when only documentation/annotations changed (doc, description, title, examples). */
  annotationOnly: boolean;
  /**
   * True when the change alone breaks every reader whatever the level (the schema type changed,
   * e.g. JSON to AVRO): the semver bump is major even where the level allowed it.
   */
  breaking?: boolean;
  message: string;
}

/** Semver bump implied by a change set. */
export type SemverBump = 'major' | 'minor' | 'patch' | 'none';

/** A structural diff between two versions of a schema. */
export interface SchemaDiff {
  changes: SchemaChange[];
}

/** A violation as a format checker reports it, before the level engine adds direction and version. */
export type PairViolation = Omit<CompatibilityViolation, 'direction' | 'comparedVersion'>;

/** What to call the reader and writer schemas in messages: `{ reader: 'new', writer: 'old' }` for BACKWARD. */
export interface ReaderWriterLabels {
  reader: string;
  writer: string;
}

/**
 * What each format implements: can `reader` read data written with `writer`?
 * BACKWARD calls it as (new, old), FORWARD as (old, new).
 */
export interface FormatCompatibilityChecker {
  readonly schemaType: SchemaType;
  /**
   * `labels` (optional, default new/old) names the two schemas in messages, so FORWARD
   * messages read "the old schema ..." where BACKWARD ones read "the new schema ...".
   */
  checkReaderWriter(
    reader: ParsedSchema,
    writer: ParsedSchema,
    labels?: ReaderWriterLabels,
  ): PairViolation[];
  /** Structural diff from `previous` to `next`, for semver bumps and change reports. */
  diff(previous: ParsedSchema, next: ParsedSchema): SchemaDiff;
}
