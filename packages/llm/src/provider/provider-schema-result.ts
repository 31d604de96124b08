import type { LintIssue } from './lint-issue.ts';
import type { Provider } from './providers.ts';

/** One change {@link toProviderSchema} made, at a JSON pointer of the transformed schema. */
export interface SchemaChange {
  readonly path: string;
  readonly change: string;
}

/** A constraint the provider cannot enforce: output may break it, so check it after parsing. */
export interface LostConstraint {
  readonly path: string;
  readonly keyword: string;
  readonly reason: string;
}

/**
 * What {@link fromProviderOutput} needs to map output back: the root wrapper property, if the
 * root was wrapped, and per object schema (JSON pointer in the transformed schema) the properties
 * that were optional and became required-and-nullable.
 */
export interface OutputMapping {
  readonly wrappedRoot: string | undefined;
  readonly nullableOptional: Readonly<Record<string, readonly string[]>>;
}

/** The result of {@link toProviderSchema}. */
export interface ProviderSchemaResult {
  readonly provider: Provider;
  /** The provider-ready schema (a fresh object; the input is not modified). */
  readonly schema: Record<string, unknown>;
  readonly changes: readonly SchemaChange[];
  readonly lost: readonly LostConstraint[];
  /** Lint errors the transform could not fix (recursion on Anthropic, size limits, ...). */
  readonly remaining: readonly LintIssue[];
  readonly mapping: OutputMapping;
}
