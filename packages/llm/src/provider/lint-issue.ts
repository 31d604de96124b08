/** One finding of {@link lintForProvider}. */
export interface LintIssue {
  /** Stable rule id, `<provider>/<rule>`, e.g. `openai/additional-properties-false`. */
  readonly rule: string;
  /** JSON pointer into the schema (`''` is the root). */
  readonly path: string;
  readonly message: string;
  /** What to change so the provider accepts the schema. */
  readonly fix: string;
  /** `error`: the provider rejects the schema; `warning`: accepted, but a constraint is lost or at risk. */
  readonly severity: 'error' | 'warning';
  /** The provider's own wording of the error, where it is known. */
  readonly providerMessage?: string;
}

/** Collects issues for one provider, prefixing rule ids. */
export interface IssueSink {
  readonly issues: LintIssue[];
  add(issue: Omit<LintIssue, 'rule'> & { rule: string }): void;
}

/** Creates an {@link IssueSink} whose rules are prefixed with `provider/`. */
export function createIssueSink(provider: string): IssueSink {
  const issues: LintIssue[] = [];
  return {
    issues,
    add(issue) {
      const { providerMessage, ...rest } = issue;
      issues.push({
        ...rest,
        rule: `${provider}/${issue.rule}`,
        ...(providerMessage === undefined ? {} : { providerMessage }),
      });
    },
  };
}
