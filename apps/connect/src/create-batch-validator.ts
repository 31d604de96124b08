import type { Registry, ValidateDataInput, ValidationResult } from '@llmsr/core';
import type { ValidateDataRequest } from '@llmsr/proto';
import { parseValidateInput, parseValue } from './parse-validate-input.js';

type Validator = Awaited<ReturnType<Registry['validation']['getValidator']>>;
type Result = ValidationResult & { schemaId: number };

/** Validates the items of one BatchValidate stream. */
export interface BatchValidator {
  /**
   * Validate one item: synchronously once the stream holds its schema's compiled validator (no
   * promise per item on the hot path), else through the registry.
   */
  validate(item: ValidateDataRequest): Result | Promise<Result>;
}

/** Streams with more distinct schemas than this stop caching new validators, bounding memory. */
const MAX_VALIDATORS_PER_STREAM = 1_000;

/**
 * A validator for one BatchValidate stream: items naming a schema by numeric id reuse that
 * schema's compiled validator, fetched from the registry once per stream. Subject selectors
 * always go through the registry because "latest" may change while the stream is open.
 *
 * @example
 * ```ts
 * const batch = createBatchValidator(registry);
 * const result = await batch.validate(request.item);
 * ```
 */
export function createBatchValidator(registry: Registry): BatchValidator {
  const validators = new Map<string, Validator>();

  const slow = async (input: ValidateDataInput & { schemaId: number }, key: string) => {
    const validator = await registry.validation.getValidator(input);
    if (validators.size < MAX_VALIDATORS_PER_STREAM) validators.set(key, validator);
    return run(validator, input);
  };

  const run = (validator: Validator, input: ValidateDataInput & { schemaId: number }) => {
    try {
      const result = validator.validate(input.data);
      return {
        valid: result.valid,
        errors: result.errors,
        warnings: result.warnings,
        validationTimeMs: result.validationTimeMs,
        schemaId: input.schemaId,
      };
    } catch {
      // Let the registry redo it: it turns whatever was thrown into a RegistryError.
      return registry.validation.validate(input);
    }
  };

  // Streams usually repeat one schema: remember the last one to skip building a map key.
  let lastId = -1;
  let lastStrict = false;
  let lastMessage = '';
  let lastValidator: Validator | undefined;

  return {
    validate(item) {
      const selector = item.selector;
      if (selector.case !== 'schemaId')
        return registry.validation.validate(parseValidateInput(item));
      const input: ValidateDataInput & { schemaId: number } = {
        schemaId: selector.value,
        data: parseValue(item.data, 'data'),
        strict: item.strict,
      };
      if (item.messageName !== '') input.messageName = item.messageName;
      if (
        lastValidator !== undefined &&
        lastId === selector.value &&
        lastStrict === item.strict &&
        lastMessage === item.messageName
      ) {
        return run(lastValidator, input);
      }
      const key = `${selector.value}|${item.strict ? 1 : 0}|${item.messageName}`;
      const validator = validators.get(key);
      if (validator === undefined) return slow(input, key);
      lastId = selector.value;
      lastStrict = item.strict;
      lastMessage = item.messageName;
      lastValidator = validator;
      return run(validator, input);
    },
  };
}
