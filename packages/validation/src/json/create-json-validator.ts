import type { ErrorObject, ValidateFunction } from 'ajv';
import type { CompiledValidator, ValidationIssue, ValidationResult } from '../schema-format.js';
import { escapePointerSegment } from './json-pointer.js';

const NO_ISSUES: ValidationIssue[] = Object.freeze([]) as unknown as ValidationIssue[];

/**
 * Wraps a compiled ajv function as a {@link CompiledValidator}. This is the hot path: a valid
 * document costs the ajv call, two `performance.now()` reads and one small result object
 * (errors and warnings are shared frozen arrays).
 */
export function createJsonValidator(
  validateFn: ValidateFunction,
  compileWarnings: readonly string[] = [],
  options: { timing?: boolean } = {},
): CompiledValidator {
  const warnings = Object.freeze([...compileWarnings]) as unknown as string[];
  if (options.timing === false) return createUntimedValidator(validateFn, warnings);
  return {
    validate(data: unknown): ValidationResult {
      const start = performance.now();
      let valid: boolean;
      try {
        valid = validateFn(data) as boolean;
      } catch (error) {
        // Recursive schemas recurse with the data; hostile nesting overflows the stack.
        if (!(error instanceof RangeError)) throw error;
        return {
          valid: false,
          errors: [
            { path: '', keyword: 'depth', message: 'data is nested too deeply to validate' },
          ],
          warnings,
          validationTimeMs: performance.now() - start,
        };
      }
      if (valid) {
        return {
          valid: true,
          errors: NO_ISSUES,
          warnings,
          validationTimeMs: performance.now() - start,
        };
      }
      const errors = toIssues(validateFn.errors);
      return { valid: false, errors, warnings, validationTimeMs: performance.now() - start };
    },
  };
}

/** Without timing a valid document allocates nothing: the same frozen result is returned. */
function createUntimedValidator(
  validateFn: ValidateFunction,
  warnings: string[],
): CompiledValidator {
  const validResult: ValidationResult = Object.freeze({
    valid: true,
    errors: NO_ISSUES,
    warnings,
    validationTimeMs: 0,
  });
  return {
    validate(data: unknown): ValidationResult {
      let valid: boolean;
      try {
        valid = validateFn(data) as boolean;
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        const message = 'data is nested too deeply to validate';
        return {
          valid: false,
          errors: [{ path: '', keyword: 'depth', message }],
          warnings,
          validationTimeMs: 0,
        };
      }
      if (valid) return validResult;
      return { valid: false, errors: toIssues(validateFn.errors), warnings, validationTimeMs: 0 };
    },
  };
}

/** Maps ajv errors to issues; unknown-property errors point at the offending property. */
export function toIssues(errors: readonly ErrorObject[] | null | undefined): ValidationIssue[] {
  if (!errors) return [];
  const issues: ValidationIssue[] = new Array(errors.length);
  for (let i = 0; i < errors.length; i++) {
    const error = errors[i]!;
    let path = error.instancePath;
    const params = error.params as { additionalProperty?: string; unevaluatedProperty?: string };
    const extra = params.additionalProperty ?? params.unevaluatedProperty;
    let message = error.message ?? error.keyword;
    if (extra !== undefined) {
      path += `/${escapePointerSegment(extra)}`;
      message = `${message}: ${JSON.stringify(extra)}`;
    }
    issues[i] = { path, keyword: error.keyword, message };
  }
  return issues;
}
