import { createHash } from 'node:crypto';
import type { ParsedSchema } from '@llmsr/validation';
import protobuf from 'protobufjs';
import { MAIN_PROTO_FILE } from '../src/protobuf/protobuf-package.js';

// protobufjs stamps `filename` on every object it parses from this (undeclared) static.
const parser = protobuf.parse as typeof protobuf.parse & { filename: string | null };

function parseInto(root: protobuf.Root, text: string, filename: string): void {
  parser.filename = filename;
  try {
    protobuf.parse(text, root, { keepCase: true });
  } finally {
    parser.filename = null;
  }
}

/**
 * Builds a PROTOBUF `ParsedSchema` the way `@llmsr/validation` does: a protobufjs `Root` from
 * `protobuf.parse(text, root, { keepCase: true })`, the schema's own objects stamped with the
 * main file name, imported files parsed into the same root under their import paths, and
 * `resolveAll()` called.
 */
export function parsedProto(text: string, imports: Record<string, string> = {}): ParsedSchema {
  const root = new protobuf.Root();
  parseInto(root, text, MAIN_PROTO_FILE);
  for (const [path, source] of Object.entries(imports)) parseInto(root, source, path);
  root.resolveAll();
  return {
    schemaType: 'PROTOBUF',
    canonical: text,
    fingerprint: createHash('sha256').update(text).digest('hex'),
    native: root,
    references: [],
  };
}
