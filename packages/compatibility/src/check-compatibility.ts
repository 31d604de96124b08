import type { ParsedSchema, SchemaType } from '@llmsr/validation';
import { CompatibilityCheckError } from './compatibility-check-error.js';
import {
  DEFAULT_COMPATIBILITY_LEVEL,
  isCompatibilityLevel,
  planOf,
} from './compatibility-levels.js';
import { type CompatibilityCheckers, defaultCheckers } from './default-checkers.js';
import type { JsonCompatibilityPolicy } from './json/json-compatibility-policy.js';
import { createJsonSchemaCompatibility } from './json/json-schema-compatibility.js';
import type {
  CompatibilityLevel,
  CompatibilityReport,
  CompatibilityViolation,
  FormatCompatibilityChecker,
  PairViolation,
  PreviousVersion,
  ReaderWriterLabels,
} from './types.js';

const BACKWARD_LABELS: ReaderWriterLabels = { reader: 'new', writer: 'old' };
const FORWARD_LABELS: ReaderWriterLabels = { reader: 'old', writer: 'new' };

/** Input of {@link checkCompatibility}. */
export interface CheckCompatibilityInput {
  schemaType: SchemaType;
  /** Defaults to `BACKWARD`. */
  level?: CompatibilityLevel;
  candidate: ParsedSchema;
  /** Live earlier versions, newest first. */
  previous: readonly PreviousVersion[];
  /**
   * JSON Schema policy (Confluent's `compatibilityPolicy`): `STRICT` (default) or `LENIENT`.
   * Ignored for other formats and when `checkers.JSON` is given.
   */
  policy?: JsonCompatibilityPolicy;
  /** Overrides of the built-in checkers (e.g. a custom format checker, or a test double). */
  checkers?: CompatibilityCheckers;
  /**
   * Wall-clock budget of the whole check in milliseconds (default
   * {@link DEFAULT_CHECK_BUDGET_MS}). Each pair is bounded by its checker (JSON Schema: a step
   * count); this bounds their sum, which a transitive level over many versions multiplies.
   * Past it, the remaining versions are not compared and the report fails with
   * `CHECK_BUDGET_EXCEEDED`.
   */
  budgetMs?: number;
}

/** Default wall-clock budget of one compatibility check (all versions, both directions). */
export const DEFAULT_CHECK_BUDGET_MS = 10_000;

// One shared instance, so its per-schema caches survive across calls.
const lenientJsonChecker = createJsonSchemaCompatibility({ policy: 'LENIENT' });

/**
 * Check a candidate schema against earlier versions under a compatibility level.
 * BACKWARD: the new schema reads data written with the old; FORWARD: the old reads the new;
 * FULL: both. Plain levels compare with the newest version only, `*_TRANSITIVE` with every
 * version (newest first). Unlike Confluent, which stops at the first failing version, all
 * versions are checked so the report lists every reason. Violation paths always point into the
 * new schema (`path`) and the old one (`oldPath`), whatever the direction.
 *
 * @throws {CompatibilityCheckError} `UNKNOWN_LEVEL`, `NO_CHECKER` or `INVALID_INPUT`.
 * @example
 * ```ts
 * const report = checkCompatibility({
 *   schemaType: 'JSON',
 *   level: 'FULL_TRANSITIVE',
 *   candidate: parsedNew,
 *   previous: [{ version: 2, schema: parsedV2 }, { version: 1, schema: parsedV1 }],
 * });
 * if (!report.compatible) console.log(report.violations[0]?.message);
 * ```
 */
export function checkCompatibility(input: CheckCompatibilityInput): CompatibilityReport {
  const level = input.level ?? DEFAULT_COMPATIBILITY_LEVEL;
  if (!isCompatibilityLevel(level)) {
    throw new CompatibilityCheckError(
      'UNKNOWN_LEVEL',
      `Unknown compatibility level '${String(level).slice(0, 50)}'`,
    );
  }
  if (!Array.isArray(input.previous)) {
    throw new CompatibilityCheckError(
      'INVALID_INPUT',
      'previous must be an array of earlier versions',
    );
  }
  const plan = planOf(level);
  const versions = plan.transitive ? input.previous : input.previous.slice(0, 1);
  const report: CompatibilityReport = {
    compatible: true,
    level,
    violations: [],
    comparedVersions: [],
  };
  if (plan.directions.length === 0 || versions.length === 0) return report;
  const policyCheckers: CompatibilityCheckers =
    input.policy === 'LENIENT' ? { JSON: lenientJsonChecker } : {};
  const checker = { ...defaultCheckers, ...policyCheckers, ...input.checkers }[input.schemaType];
  if (!checker) {
    throw new CompatibilityCheckError(
      'NO_CHECKER',
      `No compatibility checker for schema type '${input.schemaType}'`,
    );
  }
  const deadline = performance.now() + (input.budgetMs ?? DEFAULT_CHECK_BUDGET_MS);
  for (const [index, previous] of versions.entries()) {
    const firstDirection = plan.directions[0] ?? 'backward';
    if (index > 0 && performance.now() > deadline) {
      report.violations.push(budgetExceeded(versions.slice(index), firstDirection, input.budgetMs));
      break;
    }
    report.comparedVersions.push(previous.version);
    if (
      previous.schema?.schemaType !== input.schemaType ||
      input.candidate?.schemaType !== input.schemaType
    ) {
      report.violations.push({
        rule: 'SCHEMA_TYPE_CHANGED',
        path: '',
        message: `Incompatible because of different schema type: version ${previous.version} is ${previous.schema?.schemaType}, the new schema is ${input.candidate?.schemaType}`,
        severity: 'error',
        direction: firstDirection,
        comparedVersion: previous.version,
        fix: 'register the schema under a new subject',
      });
      continue;
    }
    for (const direction of plan.directions) {
      const found =
        direction === 'backward'
          ? runChecker(checker, input.candidate, previous.schema, BACKWARD_LABELS)
          : runChecker(checker, previous.schema, input.candidate, FORWARD_LABELS);
      for (const violation of found)
        report.violations.push(orient(violation, direction, previous.version));
    }
  }
  report.compatible = report.violations.every((violation) => violation.severity !== 'error');
  return report;
}

/** The violation that ends a check past its budget, naming the versions left unchecked. */
function budgetExceeded(
  remaining: readonly PreviousVersion[],
  direction: 'backward' | 'forward',
  budgetMs: number | undefined,
): CompatibilityViolation {
  const unchecked = remaining.map((previous) => previous.version);
  return {
    rule: 'CHECK_BUDGET_EXCEEDED',
    path: '',
    message: `The compatibility check took longer than its budget of ${budgetMs ?? DEFAULT_CHECK_BUDGET_MS} ms and was stopped; versions ${unchecked.join(', ')} were not compared`,
    severity: 'error',
    direction,
    comparedVersion: unchecked[0] ?? 0,
    fix: 'use a non-transitive compatibility level, or delete old versions no longer read',
  };
}

/** A checker that throws (a bug, or a stack overflow on hostile input) fails the check, never the caller. */
function runChecker(
  checker: FormatCompatibilityChecker,
  reader: ParsedSchema,
  writer: ParsedSchema,
  labels: ReaderWriterLabels,
): PairViolation[] {
  try {
    return checker.checkReaderWriter(reader, writer, labels);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [
      {
        rule: 'CHECK_FAILED',
        path: '',
        message: `The ${checker.schemaType} compatibility check failed: ${reason.slice(0, 300)}`,
        severity: 'error',
      },
    ];
  }
}

/** Checkers report paths as (reader, writer); the report wants (new, old). */
function orient(
  violation: PairViolation,
  direction: 'backward' | 'forward',
  version: number,
): CompatibilityViolation {
  const oriented: CompatibilityViolation = { ...violation, direction, comparedVersion: version };
  if (direction === 'forward') {
    const newPath = violation.oldPath ?? violation.path;
    oriented.path = newPath;
    if (violation.path === newPath) delete oriented.oldPath;
    else oriented.oldPath = violation.path;
  }
  return oriented;
}
