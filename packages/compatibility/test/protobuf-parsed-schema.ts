import { createHash } from 'node:crypto';
import type { ParsedSchema } from '@llmsr/validation';
import protobuf from 'protobufjs';

/**
 * Builds a PROTOBUF `ParsedSchema` the way `@llmsr/validation` does: a protobufjs `Root` from
 * `protobuf.parse(text, { keepCase: true })` with `resolveAll()` called.
 */
export function parsedProto(text: string): ParsedSchema {
  const root = protobuf.parse(text, { keepCase: true }).root;
  root.resolveAll();
  return {
    schemaType: 'PROTOBUF',
    canonical: text,
    fingerprint: createHash('sha256').update(text).digest('hex'),
    native: root,
    references: [],
  };
}
