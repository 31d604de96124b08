import { createHash } from 'node:crypto';
import type { SchemaType } from './types.js';

/**
 * Derives the schema guid from its content address, so the same content gets the same guid on
 * every backend and again after a hard delete and re-registration (an RFC 9562 version 8 UUID).
 */
export function contentGuid(schemaType: SchemaType, fingerprint: string): string {
  const bytes = createHash('sha256').update(`${schemaType}\n${fingerprint}`).digest();
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
