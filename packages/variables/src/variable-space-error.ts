/** Stable machine-readable codes for every problem the package reports. */
export type VariableSpaceErrorCode =
  | 'invalid_type'
  | 'invalid_value'
  | 'missing_field'
  | 'unknown_field'
  | 'forbidden_key'
  | 'too_large'
  | 'duplicate_name'
  | 'invalid_name'
  | 'invalid_range'
  | 'invalid_step'
  | 'invalid_default'
  | 'empty_choices'
  | 'conflicting_constraints'
  | 'invalid_condition'
  | 'invalid_expression'
  | 'unknown_variable'
  | 'cyclic_dependency'
  | 'out_of_range'
  | 'off_step'
  | 'not_allowed'
  | 'not_finite'
  | 'inactive_variable'
  | 'dependency_inactive'
  | 'constraint_violated'
  | 'invalid_configuration'
  | 'invalid_options'
  | 'infeasible_space'
  | 'too_many_rejections'
  | 'not_discrete'
  | 'invalid_schema'
  | 'invalid_metrics';

/** One problem, located by a dotted path (`variables[2].min`, `llm.temperature`). */
export interface VariableSpaceIssue {
  code: VariableSpaceErrorCode;
  /** Where it went wrong: a definition path or a configuration variable path; `''` is the root. */
  path: string;
  message: string;
  /** The rule that was broken, when there is one (constraint name, `min < max`, ...). */
  rule?: string;
}

/**
 * The only error the package throws: bad definitions, invalid configurations (through the
 * `...OrThrow` variants), infeasible sampling and hostile input all end up here.
 */
export class VariableSpaceError extends Error {
  override readonly name = 'VariableSpaceError';
  readonly code: VariableSpaceErrorCode;
  readonly path: string;
  /** Every problem found, the first of which gave `code`, `path` and `message`. */
  readonly issues: readonly VariableSpaceIssue[];

  constructor(issues: readonly VariableSpaceIssue[], options?: { code?: VariableSpaceErrorCode });
  constructor(code: VariableSpaceErrorCode, path: string, message: string);
  constructor(
    codeOrIssues: VariableSpaceErrorCode | readonly VariableSpaceIssue[],
    pathOrOptions?: string | { code?: VariableSpaceErrorCode },
    message?: string,
  ) {
    const issues: readonly VariableSpaceIssue[] =
      typeof codeOrIssues === 'string'
        ? [
            {
              code: codeOrIssues,
              path: typeof pathOrOptions === 'string' ? pathOrOptions : '',
              message: message ?? codeOrIssues,
            },
          ]
        : codeOrIssues.length > 0
          ? codeOrIssues
          : [{ code: 'invalid_value', path: '', message: 'unknown problem' }];
    const first = issues[0]!;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(`${first.path ? `${first.path}: ` : ''}${first.message}${more}`);
    this.code = (typeof pathOrOptions === 'object' ? pathOrOptions.code : undefined) ?? first.code;
    this.path = first.path;
    this.issues = issues;
  }
}

/** Runs `fn`, turning any stray exception (getters, proxies, stack overflow) into a VariableSpaceError. */
export function guard<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof VariableSpaceError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new VariableSpaceError(
      'invalid_value',
      '',
      `${what} failed on malformed input: ${reason}`,
    );
  }
}
