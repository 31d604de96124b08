import { OUTPUT_ERROR_CODES } from './output-error.ts';
import type { OutputValidationError } from './output-validation-error.ts';
import type { ParseModelOutputResult } from './parse-model-output.ts';

/** Options of {@link repairPrompt}. */
export interface RepairPromptOptions {
  /** Most errors listed (default 10); the rest are counted. */
  readonly maxErrors?: number;
}

function at(path: string): string {
  return path === '' ? 'the top level' : `"${path}"`;
}

function line(error: OutputValidationError): string {
  const got = error.received === undefined ? '' : ` (got ${error.received})`;
  switch (error.keyword) {
    case 'required':
      return `- ${at(error.path)}: add this missing property (${error.expected ?? 'a value'})`;
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return `- ${at(error.path)}: remove this property, it is not allowed`;
    case 'type':
      return `- ${at(error.path)}: must be ${error.expected}${got}`;
    case 'enum':
      return `- ${at(error.path)}: must be ${error.expected}${got}`;
    case 'const':
      return `- ${at(error.path)}: must be exactly ${error.expected}${got}`;
    default:
      return `- ${at(error.path)}: ${error.expected === undefined ? error.message : `must be ${error.expected}`}${got}`;
  }
}

/**
 * A short message telling the model exactly what to fix in its previous reply (paths, expected
 * types, allowed values), for a retry loop; `undefined` when the result is valid.
 *
 * @example
 * ```ts
 * const result = parseModelOutput('{"age": "x"}', schema);
 * messages.push({ role: 'user', content: repairPrompt(result) });
 * // Your JSON does not match the required schema. Fix these and reply with only the corrected JSON:
 * // - "/age": must be integer (got "x")
 * ```
 */
export function repairPrompt(
  result: ParseModelOutputResult,
  options: RepairPromptOptions = {},
): string | undefined {
  if (result.valid) return undefined;
  const reason = result.errors[0]?.message ?? '';
  switch (result.code) {
    case OUTPUT_ERROR_CODES.OUTPUT_NO_JSON:
      return 'Your reply contained no JSON. Reply with only the JSON value the schema asks for, in a ```json code block, with no other text.';
    case OUTPUT_ERROR_CODES.OUTPUT_TOO_LARGE:
      return `Your reply was too long. ${reason}. Reply with only the JSON, without repetition or extra text.`;
    case OUTPUT_ERROR_CODES.OUTPUT_TOO_DEEP:
      return `Your JSON nests too deeply. ${reason}. Reply with a flatter JSON value that matches the schema.`;
    case OUTPUT_ERROR_CODES.OUTPUT_INVALID_JSON:
      return `Your reply's JSON is malformed and could not be repaired. ${reason}. Reply with only valid JSON: double-quoted keys and strings, no comments, no trailing commas.`;
    default: {
      const max = options.maxErrors ?? 10;
      const shown = result.errors.slice(0, max).map(line);
      const more =
        result.errors.length > max ? [`- and ${result.errors.length - max} more problem(s)`] : [];
      return [
        'Your JSON does not match the required schema. Fix these and reply with only the corrected JSON:',
        ...shown,
        ...more,
      ].join('\n');
    }
  }
}
