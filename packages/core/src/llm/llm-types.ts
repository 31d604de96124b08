import type {
  CompiledSignature,
  LintIssue,
  LostConstraint,
  OutputRepair,
  OutputValidationError,
  Provider,
  SchemaChange,
} from '@llmsr/llm';
import type { SchemaSelector } from '../types.js';
import type { CompileSignatureInput } from './compile-registry-signature.js';

export type {
  LintIssue,
  LostConstraint,
  OutputRepair,
  OutputValidationError,
  Provider,
  SchemaChange,
} from '@llmsr/llm';

/** A schema given inline (`schema`, a JSON value or its text) or by selector (id, guid, subject + version). */
export type LlmSchemaSource = SchemaSelector & {
  /** A JSON Schema, as a value or as JSON text; wins over the selector. */
  schema?: unknown;
};

/** Input of {@link RegistryLlm.lint}. */
export type LintSchemaInput = LlmSchemaSource & {
  /** One of `PROVIDERS` (`openai`, `azure-openai`, `anthropic`, `gemini`). */
  provider: string;
};

/** Result of {@link RegistryLlm.lint}: `ok` when no issue is an error. */
export interface LintSchemaResult {
  ok: boolean;
  provider: Provider;
  issues: LintIssue[];
  /** The schema id linted, when it was given by selector. */
  schemaId?: number;
}

/** Input of {@link RegistryLlm.providerSchema}. */
export type ProviderSchemaInput = LintSchemaInput;

/** Result of {@link RegistryLlm.providerSchema}: the provider-ready schema and what changed. */
export interface ProviderSchemaView {
  provider: Provider;
  schema: Record<string, unknown>;
  changes: SchemaChange[];
  lost: LostConstraint[];
  /** Lint errors the transform could not fix. */
  remaining: LintIssue[];
  schemaId?: number;
}

/** Input of {@link RegistryLlm.parseOutput}: a model's reply and the registered schema it must match. */
export type ParseOutputInput = SchemaSelector & {
  text: string;
  /** Convert string scalars where the schema states one type (`"42"` -> 42); off by default. */
  coerce?: boolean | undefined;
};

/** One JSON candidate found in the reply, with what became of it. */
export interface OutputCandidateView {
  start: number;
  end: number;
  source: string;
  complete: boolean;
  status: 'valid' | 'invalid' | 'unparseable' | 'too-deep';
  repaired: boolean;
  chosen: boolean;
}

/** Result of {@link RegistryLlm.parseOutput}. */
export interface ParseOutputResult {
  valid: boolean;
  /** The chosen candidate's data (repaired, coerced), also when invalid; absent when none parsed. */
  data?: unknown;
  errors: OutputValidationError[];
  repairs: OutputRepair[];
  candidates: OutputCandidateView[];
  /** Why the result is not valid (`OUTPUT_NO_JSON`, `OUTPUT_SCHEMA_MISMATCH`, ...); absent when valid. */
  code?: string;
  /** A message telling the model what to fix, for a retry; absent when valid. */
  repairPrompt?: string;
  schemaId: number;
}

/** `registry.llm`: the `@llmsr/llm` tools over registered (or inline) schemas. */
export interface RegistryLlm {
  /** Lint a schema against a provider's structured-output subset. */
  lint(input: LintSchemaInput): Promise<LintSchemaResult>;
  /** The provider-ready variant of a schema, with every change and what could not be kept. */
  providerSchema(input: ProviderSchemaInput): Promise<ProviderSchemaView>;
  /** Find, repair, coerce and validate the JSON in a model's reply against a registered schema. */
  parseOutput(input: ParseOutputInput): Promise<ParseOutputResult>;
  /**
   * Compile a signature (text or JSON form) to the JSON Schemas of its inputs and outputs and
   * a prompt-ready field list. Rejects with `SIGNATURE_SYNTAX` (with `line`, `column`,
   * `expected`), `SIGNATURE_UNKNOWN_TYPE` or `INVALID_SIGNATURE`.
   */
  compileSignature(input: CompileSignatureInput): Promise<CompiledSignature>;
}
