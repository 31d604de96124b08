import type { PairViolation, ReaderWriterLabels } from '../types.js';
import {
  type JsonCompatibilityPolicy,
  LENIENT_ACCEPTED_RULES,
} from './json-compatibility-policy.js';
import type { SchemaResolver } from './schema-resolver.js';

/** Violations found for one (writer, reader) pair; paths are relative to that pair. */
export type Violations = PairViolation[];

/** State shared by one reader/writer comparison. @internal */
export interface CompareContext {
  readonly policy: JsonCompatibilityPolicy;
  readonly writer: SchemaResolver;
  readonly reader: SchemaResolver;
  /** Names of the two schemas in messages. */
  readonly labels: ReaderWriterLabels;
  /** Results per (writer node, reader node); `null` marks a pair still being compared (recursion). */
  readonly memo: Map<object, Map<object, Violations | null>>;
  depth: number;
  readonly maxDepth: number;
  /** Schema pairs compared so far, and the budget: hostile combinations cannot run for minutes. */
  steps: number;
  readonly maxSteps: number;
}

/** A new comparison context. @internal */
export function createCompareContext(input: {
  policy: JsonCompatibilityPolicy;
  writer: SchemaResolver;
  reader: SchemaResolver;
  labels?: ReaderWriterLabels;
  maxDepth?: number;
  maxSteps?: number;
}): CompareContext {
  return {
    policy: input.policy,
    writer: input.writer,
    reader: input.reader,
    labels: input.labels ?? { reader: 'new', writer: 'old' },
    memo: new Map(),
    depth: 0,
    maxDepth: input.maxDepth ?? 200,
    steps: 0,
    maxSteps: input.maxSteps ?? 100_000,
  };
}

/** Message text, or a function of the schema labels (`reader` is "new" for BACKWARD, "old" for FORWARD). @internal */
export type Text = string | ((labels: ReaderWriterLabels) => string);

/**
 * One violation at the current pair, or none when the policy accepts the rule. Fixes are
 * phrased as edits to the new schema, so they are only attached when the reader is the new one.
 * @internal
 */
export function issue(
  context: CompareContext,
  rule: string,
  message: Text,
  fix?: Text,
): Violations {
  if (context.policy === 'LENIENT' && LENIENT_ACCEPTED_RULES.has(rule)) return [];
  const { labels } = context;
  const text = typeof message === 'string' ? message : message(labels);
  const violation: PairViolation = {
    rule,
    path: '',
    oldPath: '',
    message: text,
    severity: 'error',
  };
  if (fix !== undefined && labels.reader === 'new')
    violation.fix = typeof fix === 'string' ? fix : fix(labels);
  return [violation];
}

/** Prefix the paths of nested violations with the reader and writer pointers of the child. @internal */
export function nest(
  violations: Violations,
  readerPath: string,
  writerPath = readerPath,
): Violations {
  if (violations.length === 0) return violations;
  return violations.map((violation) => ({
    ...violation,
    path: readerPath + violation.path,
    oldPath: writerPath + (violation.oldPath ?? violation.path),
  }));
}
