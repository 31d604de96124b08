import { assertProvider, type LintIssue, lintForProvider, type Provider } from '@llmsr/llm';
import type { ParsedSchema } from '@llmsr/validation';
import { RegistryError } from '../registry-error.js';
import { toLlmRegistryError } from './to-llm-registry-error.js';

/** A lint issue found at registration, with the provider it came from. */
export type RegistrationLintIssue = LintIssue & { provider: Provider };

/** What a registration asked to be linted for, and whether errors refuse it. */
export interface RegistrationLint {
  /** Providers to lint the schema for (`lint_for`); at most one entry per provider counts. */
  lintFor?: readonly string[] | undefined;
  /** `warn` (default): issues come back as warnings; `enforce`: a lint error refuses the schema. */
  lintMode?: 'warn' | 'enforce' | undefined;
}

/**
 * Lint a schema being registered for the providers it asked for, before anything is stored.
 * Every provider name is checked first, so `lint_for: ["opena"]` fails whatever the schema.
 *
 * @returns every issue found (errors and warnings), to answer as the registration's warnings.
 * @throws RegistryError `UNKNOWN_PROVIDER`; `INVALID_SCHEMA` when a non-JSON schema asks for a
 * lint; `PROVIDER_LINT_FAILED` in `enforce` mode when an issue is an error (details: `issues`).
 */
export function lintRegistration(
  subject: string,
  parsed: ParsedSchema,
  lint: RegistrationLint,
): RegistrationLintIssue[] {
  const requested = lint.lintFor ?? [];
  if (requested.length === 0) return [];
  let providers: Provider[];
  try {
    providers = [...new Set(requested.map((name) => assertProvider(name)))];
  } catch (error) {
    throw toLlmRegistryError(error);
  }
  if (parsed.schemaType !== 'JSON') {
    throw new RegistryError(
      'INVALID_SCHEMA',
      `lint_for applies to JSON Schema only; this schema is ${parsed.schemaType}`,
      { field: 'lint_for', schemaType: parsed.schemaType },
    );
  }
  const issues: RegistrationLintIssue[] = [];
  for (const provider of providers) {
    try {
      for (const issue of lintForProvider(parsed.native, provider).issues) {
        issues.push({ ...issue, provider });
      }
    } catch (error) {
      throw toLlmRegistryError(error);
    }
  }
  if (lint.lintMode === 'enforce') {
    const errors = issues.filter((issue) => issue.severity === 'error');
    if (errors.length > 0) {
      const first = errors[0] as RegistrationLintIssue;
      throw new RegistryError(
        'PROVIDER_LINT_FAILED',
        `Schema for '${subject}' fails the ${first.provider} lint with ${errors.length} error(s); first: ${first.rule} at '${first.path}': ${first.message}`,
        { subject, issues: errors.slice(0, 100) },
      );
    }
  }
  return issues;
}
