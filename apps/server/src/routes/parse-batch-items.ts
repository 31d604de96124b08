import {
  type BatchValidationItem,
  isRegistryError,
  MAX_BATCH_ITEMS,
  RegistryError,
} from '@llmsr/core';
import { optionalBoolean, optionalString, optionalStringOrInteger } from '../body-fields.js';

type Body = Record<string, unknown>;

/**
 * The items of a batch body: either `{ items: [{ schema_id | subject + version, data, strict? }] }`,
 * or one selector at the top (`schema_id` or `subject` + `version`, `strict?`) with `items`
 * being the documents. Field errors name the item: `items[3].schema_id`.
 */
export function parseBatchItems(body: Body): BatchValidationItem[] {
  const items = body.items;
  if (!Array.isArray(items)) {
    throw new RegistryError('INVALID_INPUT', "'items' must be an array", { field: 'items' });
  }
  if (items.length === 0 || items.length > MAX_BATCH_ITEMS) {
    throw new RegistryError(
      'INVALID_INPUT',
      `'items' must hold 1 to ${MAX_BATCH_ITEMS} entries, got ${items.length}`,
      { field: 'items', limit: MAX_BATCH_ITEMS },
    );
  }
  const shared = body.schema_id !== undefined || body.subject !== undefined;
  if (shared) {
    const selector = selectorOf(body, '');
    return items.map((data) => ({ ...selector, data }));
  }
  return items.map((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new RegistryError('INVALID_INPUT', `'items[${index}]' must be a JSON object`, {
        field: `items[${index}]`,
      });
    }
    const entry = item as Body;
    return { ...selectorOf(entry, `items[${index}].`), data: entry.data };
  });
}

function selectorOf(body: Body, prefix: string): Omit<BatchValidationItem, 'data'> {
  try {
    return {
      schemaId: optionalStringOrInteger(body, 'schema_id'),
      subject: optionalString(body, 'subject'),
      version: optionalStringOrInteger(body, 'version'),
      strict: optionalBoolean(body, 'strict'),
      messageName: optionalString(body, 'message_name'),
      // Batches skip the per-document clock: the response reports one time for the batch.
      timing: false,
    };
  } catch (error) {
    if (!isRegistryError(error) || prefix === '') throw error;
    const field = `${prefix}${String(error.details.field ?? '')}`;
    throw new RegistryError('INVALID_INPUT', error.message.replace(/^'([^']*)'/, `'${field}'`), {
      field,
    });
  }
}
