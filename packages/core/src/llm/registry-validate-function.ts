import type { OutputValidateFunction } from '@llmsr/llm';
import type { CompiledValidator, ValidationIssue } from '@llmsr/validation';

const REQUIRED = /required property '(.*)'$/;
const TYPE = /^must be ([a-z,]+)$/;
/** Keywords whose ajv `params` the adapter recovers; for the others only the message is kept. */
const RECOVERED: ReadonlySet<string> = new Set([
  'required',
  'additionalProperties',
  'unevaluatedProperties',
  'type',
]);

/**
 * True when an error of this keyword came through {@link registryValidateFunction} without the
 * `params` its "expected" text is built from (allowed values, bounds, patterns): its message
 * (ajv's own, e.g. `must be >= 0`) is then the whole story.
 */
export function lostParams(keyword: string): boolean {
  return !RECOVERED.has(keyword);
}

/**
 * Presents the registry's compiled validator (references resolved, the draft recorded at
 * registration, bounded regexes) in the shape `parseModelOutput` takes as `validate`: ajv's
 * error objects. The registry's issues point at an unknown property itself and name a missing
 * one only in the message, so both are turned back into ajv's `params`.
 */
export function registryValidateFunction(validator: CompiledValidator): OutputValidateFunction {
  const validate: OutputValidateFunction = (data: unknown) => {
    const result = validator.validate(data);
    validate.errors = result.valid ? null : result.errors.map(toErrorObject);
    return result.valid;
  };
  return validate;
}

type AjvErrors = NonNullable<OutputValidateFunction['errors']>;

function toErrorObject(issue: ValidationIssue): AjvErrors[number] {
  const base = { keyword: issue.keyword, message: issue.message, schemaPath: '' };
  if (issue.keyword === 'required') {
    const name = REQUIRED.exec(issue.message)?.[1];
    if (name !== undefined) {
      return { ...base, instancePath: issue.path, params: { missingProperty: name } };
    }
  }
  if (issue.keyword === 'additionalProperties' || issue.keyword === 'unevaluatedProperties') {
    const slash = issue.path.lastIndexOf('/');
    const name = unescapePointer(issue.path.slice(slash + 1));
    const key =
      issue.keyword === 'additionalProperties' ? 'additionalProperty' : 'unevaluatedProperty';
    return {
      ...base,
      instancePath: issue.path.slice(0, Math.max(slash, 0)),
      params: { [key]: name },
    };
  }
  if (issue.keyword === 'type') {
    const type = TYPE.exec(issue.message)?.[1];
    if (type !== undefined) {
      return { ...base, instancePath: issue.path, params: { type: type.split(',') } };
    }
  }
  return { ...base, instancePath: issue.path, params: {} };
}

function unescapePointer(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}
