import type { BatchValidationItem, BatchValidationResult, Registry } from '@llmsr/core';
import { isRegistryError } from '@llmsr/core';
import type { Context } from 'hono';
import { requestAuthOf } from './request-auth.js';

/**
 * Validate a batch, checking each item's subject or schema against the principal first: a
 * refused item answers its own `FORBIDDEN` result, like an item naming an unknown schema, and the
 * others are validated. With auth off the batch goes straight to the registry.
 */
export async function validateAllowed(
  registry: Registry,
  c: Context,
  items: BatchValidationItem[],
): Promise<BatchValidationResult[]> {
  const auth = requestAuthOf(c);
  if (!auth?.access.enabled) return registry.validation.validateBatch(items);
  const merged: BatchValidationResult[] = [];
  // Position in the request of each item passed on to the registry.
  const positions: number[] = [];
  const allowed: BatchValidationItem[] = [];
  for (const [index, item] of items.entries()) {
    try {
      await auth.access.check({
        principal: auth.principal,
        action: 'validate',
        subject: item.subject,
        schemaId: item.subject === undefined ? item.schemaId : undefined,
        clientAddress: auth.clientAddress,
      });
      positions.push(index);
      allowed.push(item);
    } catch (error) {
      if (!isRegistryError(error)) throw error;
      const { code, message, details } = error;
      merged[index] = { index, valid: false, error: { code, message, details } };
    }
  }
  for (const result of await registry.validation.validateBatch(allowed)) {
    const index = positions[result.index] as number;
    merged[index] = { ...result, index };
  }
  return merged;
}
