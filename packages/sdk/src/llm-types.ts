import type * as Wire from '@llmsr/spec/rest';
import type { CamelCaseKeys } from './camel-case-keys.js';

/** One finding of a provider lint (`providerMessage`: the provider's own wording, when known). */
export type ProviderLintIssue = CamelCaseKeys<Wire.ProviderLintIssue>;

/**
 * Which JSON Schema an LLM call reads: `schema` inline (a value or JSON text), else a registered
 * one by `schemaId` (id or guid) or `subject` (+ `version`, default latest).
 */
export type LlmSchemaRef =
  | { schema: unknown }
  | { schemaId: number | string }
  | { subject: string; version?: number | string };

/** Input of `lintForProvider` and `providerSchema`. */
export type ProviderLintInput = LlmSchemaRef & {
  /** `openai`, `azure-openai`, `anthropic` or `gemini`; another is `UNKNOWN_PROVIDER` (400). */
  provider: string;
};

/** The result of `lintForProvider`: `ok` when no issue is an error. */
export type ProviderLintResult = CamelCaseKeys<Wire.ProviderLintResponse>;

/** The result of `providerSchema`: the provider-ready schema and every change made. */
export type ProviderSchemaResult = CamelCaseKeys<Wire.ProviderSchemaResponse>;

/** Input of `parseOutput`: a model's reply and the registered schema it must match. */
export type ParseOutputInput = Exclude<LlmSchemaRef, { schema: unknown }> & {
  /** The reply, at most 1,000,000 characters (more is `PAYLOAD_TOO_LARGE`). */
  text: string;
  /** Convert string scalars where the schema states one type (`"42"` -> 42). */
  coerce?: boolean;
};

/**
 * The result of `parseOutput`. An invalid reply is a result, not an error: `valid: false`, a
 * `code` (`OUTPUT_NO_JSON`, `OUTPUT_SCHEMA_MISMATCH`, ...) and a `repairPrompt` for a retry.
 */
export type ParseOutputResult = CamelCaseKeys<Wire.ParseOutputResponse>;
