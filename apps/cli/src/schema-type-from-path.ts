import type { SchemaType } from '@llmsr/sdk';
import { UsageError } from './usage-error.js';

// Maps, not object literals: a --type of `__proto__` or `constructor` must not find anything.
const BY_EXTENSION = new Map<string, SchemaType>([
  ['.json', 'JSON'],
  ['.avsc', 'AVRO'],
  ['.proto', 'PROTOBUF'],
]);

const TYPE_NAMES = new Map<string, SchemaType>([
  ['json', 'JSON'],
  ['avro', 'AVRO'],
  ['protobuf', 'PROTOBUF'],
  ['proto', 'PROTOBUF'],
]);

/**
 * The schema type of a file: `--type` when given (json, avro, protobuf), else from the
 * extension (`.json`, `.avsc`, `.proto`), else `undefined` (the server assumes JSON).
 */
export function schemaTypeFromPath(
  path: string | undefined,
  explicit: string | undefined,
  command: string,
): SchemaType | undefined {
  if (explicit !== undefined) {
    const type = TYPE_NAMES.get(explicit.toLowerCase());
    if (!type) {
      throw new UsageError(`--type must be json, avro or protobuf, got '${explicit}'`, command);
    }
    return type;
  }
  if (path === undefined) return undefined;
  const dot = path.lastIndexOf('.');
  return dot < 0 ? undefined : BY_EXTENSION.get(path.slice(dot).toLowerCase());
}
