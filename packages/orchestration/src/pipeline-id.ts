import { PIPELINE_LIMITS } from './pipeline-definition.js';

/** Ids: letters, digits, `.`, `_`, `-`; they appear in paths, logs and URLs. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** True when `value` is a valid pipeline or stage id. */
export function isPipelineId(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= PIPELINE_LIMITS.maxIdLength &&
    ID_PATTERN.test(value)
  );
}

/** The message for an invalid id. */
export function idMessage(what: string): string {
  return `${what} must be 1..${PIPELINE_LIMITS.maxIdLength} characters of letters, digits, '.', '_' or '-', starting with a letter or digit`;
}
