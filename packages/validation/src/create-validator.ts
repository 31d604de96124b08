import { getSchemaFormat } from './get-schema-format.js';
import type {
  CompiledValidator,
  ParsedSchema,
  ResolvedReference,
  SchemaType,
  ValidateOptions,
} from './schema-format.js';

/** Options of {@link parseSchema}. */
export interface ParseSchemaOptions {
  /** Schemas this one references, resolved (Confluent references). */
  references?: ResolvedReference[];
  /**
   * JSON Schema: the draft used when the schema has no `$schema` (draft-07 unless given), by
   * any name `jsonDraftFromName` reads (`draft-04`, `DRAFT_2019_09`, ...); an unknown name
   * throws a `RangeError`.
   */
  defaultJsonDraft?: string;
}

/** Options of {@link createValidator}: references plus validation options. */
export interface CreateValidatorOptions extends ParseSchemaOptions, ValidateOptions {}

/**
 * Parses and checks a schema of any type. Throws `SchemaParseError` (with locations) for an
 * invalid schema.
 *
 * @example
 * ```ts
 * const parsed = parseSchema('JSON', '{"type":"object","required":["id"]}');
 * parsed.fingerprint; // SHA-256 of the canonical form
 * ```
 */
export function parseSchema(
  type: SchemaType,
  schema: string,
  options: ParseSchemaOptions = {},
): ParsedSchema {
  return getSchemaFormat(type).parse(schema, options);
}

/**
 * Compiles a parsed schema with the format it was parsed by.
 *
 * @example
 * ```ts
 * const validator = compileSchema(parseSchema('JSON', '{"type":"string"}'), { strict: true });
 * validator.validate('hello').valid; // true
 * ```
 */
export function compileSchema(
  parsed: ParsedSchema,
  options: ValidateOptions = {},
): CompiledValidator {
  return getSchemaFormat(parsed.schemaType).compile(parsed, options);
}

/**
 * Parses, checks and compiles a schema in one call: the convenient entry point.
 *
 * @example
 * ```ts
 * const validator = createValidator('JSON', '{"type":"object","properties":{"id":{"type":"integer"}}}', {
 *   strict: true,
 * });
 * validator.validate({ id: 1 }); // { valid: true, errors: [], warnings: [], validationTimeMs: 0.002 }
 * validator.validate({ id: 1, x: 2 }).errors; // [{ path: '/x', keyword: 'unevaluatedProperties', ... }]
 * ```
 */
export function createValidator(
  type: SchemaType,
  schema: string,
  options: CreateValidatorOptions = {},
): CompiledValidator {
  const { references, defaultJsonDraft, ...validateOptions } = options;
  return compileSchema(
    parseSchema(type, schema, { references, defaultJsonDraft }),
    validateOptions,
  );
}
