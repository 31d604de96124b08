import type {
  CompiledValidator,
  ParsedSchema,
  ValidateOptions,
  ValidationResult,
} from '../schema-format.js';
import { checkProtobufMessageJson, type ProtobufJsonContext } from './check-protobuf-json.js';
import { findProtobufMessage } from './find-protobuf-message.js';

/**
 * Compiles a validator of JSON data (protobuf JSON mapping: lowerCamelCase or proto field
 * names, 64-bit integers as numbers or strings, enums by name or number, bytes as base64,
 * well-known types in their JSON form) for the first message of the schema or
 * `options.messageName`. Throws {@link SchemaParseError} when that message does not exist.
 */
export function compileProtobufValidator(
  parsed: ParsedSchema,
  options: ValidateOptions = {},
): CompiledValidator {
  const type = findProtobufMessage(parsed, options.messageName);
  const strict = options.strict === true;
  const timing = options.timing !== false;
  return {
    validate(data: unknown): ValidationResult {
      const start = timing ? performance.now() : 0;
      const ctx: ProtobufJsonContext = { strict, issues: [] };
      try {
        checkProtobufMessageJson(type, data, '', ctx);
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        ctx.issues.push({
          path: '',
          keyword: 'depth',
          message: 'value nests too deeply to validate',
        });
      }
      return {
        valid: ctx.issues.length === 0,
        errors: ctx.issues,
        warnings: [],
        validationTimeMs: timing ? performance.now() - start : 0,
      };
    },
  };
}
