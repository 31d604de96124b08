import type {
  CompiledValidator,
  ParsedSchema,
  ValidateOptions,
  ValidationIssue,
  ValidationResult,
} from '../schema-format.js';
import { checkProtobufMessageJson, type ProtobufJsonContext } from './check-protobuf-json.js';
import { compileProtobufChecker } from './compile-protobuf-checker.js';
import { findProtobufMessage } from './find-protobuf-message.js';

const NO_ISSUES = Object.freeze([]) as unknown as ValidationIssue[];
const NO_WARNINGS = Object.freeze([]) as unknown as string[];
const VALID_UNTIMED: ValidationResult = Object.freeze({
  valid: true,
  errors: NO_ISSUES,
  warnings: NO_WARNINGS,
  validationTimeMs: 0,
}) as ValidationResult;

/** The full walk: decides unusual documents and names every problem with its JSON pointer. */
function collectIssues(
  type: ReturnType<typeof findProtobufMessage>,
  data: unknown,
  strict: boolean,
): ValidationIssue[] {
  // Subtrees the fast check accepts hold no error: only the others are walked with paths.
  const ctx: ProtobufJsonContext = {
    strict,
    issues: [],
    skipValid: (nested, value, depth) => compileProtobufChecker(nested, strict)(value, depth),
  };
  try {
    checkProtobufMessageJson(type, data, '', ctx);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    ctx.issues.push({ path: '', keyword: 'depth', message: 'value nests too deeply to validate' });
  }
  return ctx.issues;
}

/**
 * Compiles a validator of JSON data (protobuf JSON mapping: lowerCamelCase or proto field
 * names, 64-bit integers as numbers or strings, enums by name or number, bytes as base64,
 * well-known types in their JSON form) for the first message of the schema or
 * `options.messageName`. Throws {@link SchemaParseError} when that message does not exist.
 * Valid documents take a compiled yes/no check; only the others pay for the walk that builds
 * error paths.
 */
export function compileProtobufValidator(
  parsed: ParsedSchema,
  options: ValidateOptions = {},
): CompiledValidator {
  const type = findProtobufMessage(parsed, options.messageName);
  const strict = options.strict === true;
  const timing = options.timing !== false;
  const check = compileProtobufChecker(type, strict);
  const passes = (data: unknown): boolean => {
    try {
      return check(data, 0);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      return false;
    }
  };
  return {
    validate(data: unknown): ValidationResult {
      if (!timing) {
        if (passes(data)) return VALID_UNTIMED;
        const errors = collectIssues(type, data, strict);
        return errors.length === 0
          ? VALID_UNTIMED
          : { valid: false, errors, warnings: [], validationTimeMs: 0 };
      }
      const start = performance.now();
      const errors = passes(data) ? NO_ISSUES : collectIssues(type, data, strict);
      return {
        valid: errors.length === 0,
        errors,
        warnings: NO_WARNINGS,
        validationTimeMs: performance.now() - start,
      };
    },
  };
}
