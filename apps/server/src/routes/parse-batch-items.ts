import { type BatchValidationItem, MAX_BATCH_ITEMS, RegistryError } from '@llmsr/core';
import { BatchItem, type ValidateBatchRequest } from '@llmsr/spec/rest';
import type { z } from 'zod';
import { invalidInput } from '../openapi/invalid-input.js';

type Body = z.output<typeof ValidateBatchRequest>;

/**
 * The items of a batch body: either `{ items: [{ schema_id | subject + version, data, strict? }] }`,
 * or one selector at the top (`schema_id` or `subject` + `version`, `strict?`) with `items`
 * being the documents. Field errors name the item: `items[3].schema_id`.
 */
export function parseBatchItems(body: Body): BatchValidationItem[] {
  const items = body.items;
  if (items.length === 0 || items.length > MAX_BATCH_ITEMS) {
    throw new RegistryError(
      'INVALID_INPUT',
      `'items' must hold 1 to ${MAX_BATCH_ITEMS} entries, got ${items.length}`,
      { field: 'items', limit: MAX_BATCH_ITEMS },
    );
  }
  if (body.schema_id !== undefined || body.subject !== undefined) {
    const selector = selectorOf(body);
    return items.map((data) => ({ ...selector, data }));
  }
  return items.map((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new RegistryError('INVALID_INPUT', `'items[${index}]' must be a JSON object`, {
        field: `items[${index}]`,
      });
    }
    const parsed = BatchItem.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issue.path.unshift('items', index);
      throw invalidInput(parsed.error);
    }
    return { ...selectorOf(parsed.data), data: parsed.data.data };
  });
}

function selectorOf(body: Omit<Body, 'items'>): Omit<BatchValidationItem, 'data'> {
  return {
    schemaId: body.schema_id,
    subject: body.subject,
    version: body.version,
    strict: body.strict,
    messageName: body.message_name,
    // Batches skip the per-document clock: the response reports one time for the batch.
    timing: false,
  };
}
