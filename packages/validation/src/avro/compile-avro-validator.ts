import avro from 'avsc';
import type {
  CompiledValidator,
  ParsedSchema,
  ValidateOptions,
  ValidationIssue,
  ValidationResult,
} from '../schema-format.js';
import { avroJsonType } from './avro-json-type.js';

function pointer(path: readonly string[]): string {
  return path.map((segment) => `/${segment.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Buffer.isBuffer(value)) return `a buffer of ${value.length} bytes`;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function expected(type: avro.Type): string {
  const shown = type instanceof avro.types.LogicalType ? type.underlyingType : type;
  if (shown.typeName.startsWith('union:')) {
    const branches = (shown as avro.types.UnwrappedUnionType).types.map(expected);
    return `one of ${branches.join(', ')}`;
  }
  if (shown.typeName === 'array')
    return `array of ${expected((shown as avro.types.ArrayType).itemsType)}`;
  if (shown.typeName === 'map')
    return `map of ${expected((shown as avro.types.MapType).valuesType)}`;
  return shown.name ?? shown.typeName;
}

/** Every error of an invalid value, with JSON-pointer paths; only run once the fast path failed. */
export function collectAvroIssues(
  type: avro.Type,
  data: unknown,
  strict: boolean,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  const add = (issue: ValidationIssue) => {
    const key = `${issue.path}\u0000${issue.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(issue);
    }
  };
  type.isValid(data, {
    errorHook: (path, value, at) => {
      const message =
        value === undefined
          ? `missing required field (${expected(at)})`
          : `expected ${expected(at)}, got ${describe(value)}`;
      add({ path: pointer(path), keyword: value === undefined ? 'required' : 'type', message });
    },
  });
  if (strict) {
    type.isValid(data, {
      noUndeclaredFields: true,
      errorHook: (path, value, at) => {
        if (at.typeName !== 'record' && at.typeName !== 'error') return;
        if (value === null || typeof value !== 'object') return;
        const declared = new Set((at as avro.types.RecordType).fields.map((field) => field.name));
        for (const key of Object.keys(value)) {
          if (!declared.has(key)) {
            add({
              path: pointer([...path, key]),
              keyword: 'unknownField',
              message: `unknown field "${key}"`,
            });
          }
        }
      },
    });
  }
  if (issues.length === 0) {
    // isValid said no, but no hook fired (e.g. a failing logical type); still report it.
    issues.push({ path: '', keyword: 'type', message: `value is not a valid ${expected(type)}` });
  }
  return issues;
}

function tooDeep(): ValidationIssue[] {
  return [{ path: '', keyword: 'depth', message: 'value nests too deeply to validate' }];
}

/**
 * Compiles a validator for a parsed Avro schema. The fast path is avsc's generated `isValid`
 * without a hook; the JSON-friendly type and the error paths are only computed when it fails.
 * Values use avsc's representation, JSON-friendly: `bytes`/`fixed` as Buffers or strings of
 * code points 0-255, `long` as safe integers, unions unwrapped unless ambiguous (then
 * `{ "branch": value }`).
 */
export function compileAvroValidator(
  parsed: ParsedSchema,
  options: ValidateOptions = {},
): CompiledValidator {
  const type = parsed.native as avro.Type;
  const strict = options.strict === true;
  const checkOptions = strict ? { noUndeclaredFields: true } : undefined;
  const timing = options.timing !== false;
  return {
    validate(data: unknown): ValidationResult {
      // Two clock reads cost more than checking a small record: callers may opt out.
      if (!timing) {
        try {
          if (type.isValid(data, checkOptions)) return VALID_UNTIMED;
        } catch (error) {
          if (!(error instanceof RangeError)) throw error;
        }
      }
      const start = timing ? performance.now() : 0;
      let errors: ValidationIssue[] = [];
      try {
        if (!type.isValid(data, checkOptions)) {
          // Only values that fail the plain type pay for the JSON-friendly one (built once).
          const jsonType = avroJsonType(type);
          if (jsonType === type || !jsonType.isValid(data, checkOptions)) {
            errors = collectAvroIssues(jsonType, data, strict);
          }
        }
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        errors = tooDeep();
      }
      return {
        valid: errors.length === 0,
        errors,
        warnings: [],
        validationTimeMs: timing ? performance.now() - start : 0,
      };
    },
  };
}

const VALID_UNTIMED: ValidationResult = Object.freeze({
  valid: true,
  errors: Object.freeze([]) as unknown as ValidationIssue[],
  warnings: Object.freeze([]) as unknown as string[],
  validationTimeMs: 0,
}) as ValidationResult;
