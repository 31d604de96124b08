import { parseModelOutput, repairPrompt } from '@llmsr/llm';
import { getValidator } from '../get-validator.js';
import type { RegistryContext } from '../registry-context.js';
import { RegistryError } from '../registry-error.js';
import type { ParseOutputInput, ParseOutputResult } from './llm-types.js';
import { registryValidateFunction } from './registry-validate-function.js';
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
    const { schema, schemaId } = await resolveLlmSchema(context, {
      schemaId: id,
      subject,
      version,
    });
    const resolvedId = schemaId as number;
    const validator = await getValidator(context, resolvedId, { timing: false });
    const result = parseModelOutput(input.text, schema, {
      coerce: input.coerce === true,
      validate: registryValidateFunction(validator),
      maxLength: MAX_OUTPUT_TEXT,
    });
    const prompt = repairPrompt(result);
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
