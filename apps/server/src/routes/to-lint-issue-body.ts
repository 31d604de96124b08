import type { LintIssue } from '@llmsr/core';

/** A provider lint issue as the REST API answers it (snake_case `provider_message`). */
export function toLintIssueBody<T extends LintIssue>(issue: T) {
  const { providerMessage, ...rest } = issue;
  return {
    ...rest,
    ...(providerMessage === undefined ? {} : { provider_message: providerMessage }),
  };
}
