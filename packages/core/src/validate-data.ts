import type { ValidationResult } from '@llmsr/validation';
import { getValidator, validatorKey } from './get-validator.js';
import type { RegistryContext } from './registry-context.js';
import { resolveSchemaId } from './resolve-schema-id.js';
import { toRegistryError } from './to-registry-error.js';
import type { ValidateDataInput } from './types.js';

const withSchemaId = (result: ValidationResult, schemaId: number) => ({
  valid: result.valid,
  errors: result.errors,
  warnings: result.warnings,
  validationTimeMs: result.validationTimeMs,
  schemaId,
});

/**
 * Validate a document against a registered schema. The compiled validator is cached by
 * schema id and options; a warm call by numeric id touches neither storage nor an `await`,
 * because this is the registry's hot path.
 */
export function validateData(
  context: RegistryContext,
  input: ValidateDataInput,
): Promise<ValidationResult & { schemaId: number }> {
  if (typeof input.schemaId === 'number') {
    const validator = context.validators.get(validatorKey(input.schemaId, input));
    if (validator) {
      try {
        return Promise.resolve(withSchemaId(validator.validate(input.data), input.schemaId));
      } catch (error) {
        return Promise.reject(toRegistryError(error));
      }
    }
  }
  return validateDataCold(context, input).catch((error: unknown) => {
    throw toRegistryError(error);
  });
}

async function validateDataCold(context: RegistryContext, input: ValidateDataInput) {
  const schemaId = await resolveSchemaId(context, input);
  const validator = await getValidator(context, schemaId, input);
  return withSchemaId(validator.validate(input.data), schemaId);
}
