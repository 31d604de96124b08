import { type ParseModelOutputResult, parseModelOutput, repairPrompt } from '@llmsr/llm';
import type { ParsedSchema } from '@llmsr/validation';
import { getValidator } from '../get-validator.js';
import type { RegistryContext } from '../registry-context.js';
import { RegistryError } from '../registry-error.js';
import type { ParseOutputInput, ParseOutputResult } from './llm-types.js';
import { outputValidatorFor } from './output-validator-for.js';
import { lostParams } from './registry-validate-function.js';
import { resolveLlmSchema } from './resolve-llm-schema.js';
import { toLlmRegistryError } from './to-llm-registry-error.js';

/** Longest reply parsed, in UTF-16 code units, as `parseModelOutput`'s own default. */
export const MAX_OUTPUT_TEXT = 1_000_000;

/**
 * Parse a model's reply against a registered JSON Schema: find the JSON, repair it, optionally
 * coerce scalars, and validate with the registry's own compiled validator (so references and the
 * schema's recorded draft apply exactly as in `validation.validate`). An invalid reply is a
 * result (`valid: false` with a `code` and a `repairPrompt`), not an error.
 *
 * @throws RegistryError `PAYLOAD_TOO_LARGE` for text over {@link MAX_OUTPUT_TEXT},
 * `SCHEMA_NOT_FOUND`, `INVALID_SCHEMA` for a schema that is not JSON Schema.
 */
export async function parseOutput(
  context: RegistryContext,
  input: ParseOutputInput,
): Promise<ParseOutputResult> {
  if (typeof input.text !== 'string') {
    throw new RegistryError('INVALID_INPUT', 'text must be a string', { field: 'text' });
  }
  if (input.text.length > MAX_OUTPUT_TEXT) {
    throw new RegistryError(
      'PAYLOAD_TOO_LARGE',
      `The model output has ${input.text.length} characters; the limit is ${MAX_OUTPUT_TEXT}`,
      { field: 'text', limit: MAX_OUTPUT_TEXT },
    );
  }
  try {
    const { schemaId: id, subject, version } = input;
    const { schema, schemaId, parsed } = await resolveLlmSchema(context, {
      schemaId: id,
      subject,
      version,
    });
    const resolvedId = schemaId as number;
    const validator = await outputValidatorFor(parsed as ParsedSchema, () =>
      getValidator(context, resolvedId, { timing: false }),
    );
    const parsedOutput = parseModelOutput(input.text, schema, {
      coerce: input.coerce === true,
      validate: validator.validate,
      maxLength: MAX_OUTPUT_TEXT,
    });
    const result = validator.registry ? withoutLostParams(parsedOutput) : parsedOutput;
    // The prompt's per-keyword lines need the lost params: quote ajv's message instead.
    const prompt = repairPrompt(
      validator.registry
        ? {
            ...result,
            errors: result.errors.map((e) =>
              lostParams(e.keyword) ? { ...e, keyword: 'message' } : e,
            ),
          }
        : result,
    );
    return {
      valid: result.valid,
      ...(result.data === undefined ? {} : { data: result.data }),
      errors: [...result.errors],
      repairs: [...result.repairs],
      candidates: result.candidates.map((c) => ({
        start: c.start,
        end: c.end,
        source: c.source,
        complete: c.complete,
        status: c.status,
        repaired: c.repaired,
        chosen: c.chosen,
      })),
      ...(result.code === undefined ? {} : { code: result.code }),
      ...(prompt === undefined ? {} : { repairPrompt: prompt }),
      schemaId: resolvedId,
    };
  } catch (error) {
    throw toLlmRegistryError(error);
  }
}

/**
 * Errors from the registry's validator carry ajv's message but not its params: drop the
 * `expected` text built from the missing params, and let the prompt quote the message.
 */
function withoutLostParams(result: ParseModelOutputResult): ParseModelOutputResult {
  const errors = result.errors.map((error) => {
    if (!lostParams(error.keyword)) return error;
    const { expected: _lost, ...rest } = error;
    return rest;
  });
  return { ...result, errors };
}
