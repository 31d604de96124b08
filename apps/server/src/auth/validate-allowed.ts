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
  const refused = new Map<number, BatchValidationResult>();
  const allowed: { index: number; item: BatchValidationItem }[] = [];
  for (const [index, item] of items.entries()) {
    try {
      await auth.access.check({
        principal: auth.principal,
        action: 'validate',
        subject: item.subject,
        schemaId: item.subject === undefined ? item.schemaId : undefined,
        clientAddress: auth.clientAddress,
      });
      allowed.push({ index, item });
    } catch (error) {
      if (!isRegistryError(error)) throw error;
      const { code, message, details } = error;
      refused.set(index, { index, valid: false, error: { code, message, details } });
    }
  }
  const results = await registry.validation.validateBatch(allowed.map((a) => a.item));
  const merged: BatchValidationResult[] = [];
  for (const result of results) {
    merged[(allowed[result.index] as { index: number }).index] = {
      ...result,
      index: (allowed[result.index] as { index: number }).index,
    };
  }
  for (const [index, result] of refused) merged[index] = result;
  return merged;
}
