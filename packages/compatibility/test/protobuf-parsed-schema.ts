import { type ParsedSchema, protobufFormat } from '@llmsr/validation';

/**
 * Parses a `.proto` text with `@llmsr/validation`'s `protobufFormat`; `imports` maps import
 * paths to the texts of referenced schemas.
 */
export function parsedProto(text: string, imports: Record<string, string> = {}): ParsedSchema {
  const references = Object.entries(imports).map(([name, schema]) => ({
    name,
    subject: name,
    version: 1,
    schemaType: 'PROTOBUF' as const,
    schema,
    references: [],
  }));
  return protobufFormat.parse(text, { references });
}
