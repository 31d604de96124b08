import type { ValidationResult } from '@llmsr/validation';
import { isRegistryError, RegistryError } from './registry-error.js';
import type { BatchValidationItem, BatchValidationResult, ValidateDataInput } from './types.js';

/** Most documents one batch may carry. */
export const MAX_BATCH_ITEMS = 1_000;

/**
 * Validate many documents in one call. A selector that designates no schema fails only its own
 * item (with the error's code); the batch itself fails only when it is empty or too long.
 */
export async function validateBatch(
  validate: (input: ValidateDataInput) => Promise<ValidationResult & { schemaId: number }>,
  items: readonly BatchValidationItem[],
): Promise<BatchValidationResult[]> {
  if (items.length === 0) {
    throw new RegistryError('INVALID_INPUT', 'A batch needs at least one item', { field: 'items' });
  }
  if (items.length > MAX_BATCH_ITEMS) {
    throw new RegistryError(
      'INVALID_INPUT',
      `A batch holds at most ${MAX_BATCH_ITEMS} items, got ${items.length}`,
      { field: 'items', limit: MAX_BATCH_ITEMS },
    );
  }
  const results: BatchValidationResult[] = [];
  for (const [index, item] of items.entries()) {
    try {
      const result = await validate(item);
      results.push({
        index,
        valid: result.valid,
        schemaId: result.schemaId,
        errors: result.errors,
        warnings: result.warnings,
      });
    } catch (error) {
      if (
        !isRegistryError(error) ||
        error.code === 'INTERNAL' ||
        error.code === 'STORAGE_UNAVAILABLE'
      ) {
        throw error;
      }
      results.push({
        index,
        valid: false,
        error: { code: error.code, message: error.message, details: error.details },
      });
    }
  }
  return results;
}
