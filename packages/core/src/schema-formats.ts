import {
  type CompatibilityCheckers,
  createJsonSchemaCompatibility,
  type JsonCompatibilityPolicy,
} from '@llmsr/compatibility';
import { ML_TYPE_KEYWORDS, ML_TYPE_SCHEMAS } from '@llmsr/llm';
import type { SchemaType } from '@llmsr/storage';
import {
  type AjvPoolOptions,
  createAjvPool,
  createJsonSchemaFormat,
  getSchemaFormat,
  type SchemaFormat,
} from '@llmsr/validation';

/**
 * The schema formats and compatibility checkers the registry reads schemas with: the
 * validation and compatibility packages' own, with the same known schemas on both sides so a
 * `$ref` that validates also compares.
 */
export interface SchemaFormats {
  /** The format parsing and compiling schemas of a type. */
  formatOf(schemaType: SchemaType): SchemaFormat;
  /** The checkers `checkCompatibility` runs under a JSON Schema policy. */
  checkers(policy: JsonCompatibilityPolicy | undefined): CompatibilityCheckers;
}

/**
 * Creates {@link SchemaFormats} whose JSON Schemas can `$ref` `knownSchemas` by id (resolved
 * from memory, never fetched) and use `keywords`.
 *
 * @example
 * ```ts
 * const formats = createSchemaFormats({ knownSchemas: { 'https://x.example/p.json': { type: 'number' } } });
 * formats.formatOf('JSON').parse('{"$ref":"https://x.example/p.json"}');
 * ```
 */
export function createSchemaFormats(options: AjvPoolOptions = {}): SchemaFormats {
  const json = createJsonSchemaFormat(createAjvPool(options));
  const known = options.knownSchemas === undefined ? {} : { knownSchemas: options.knownSchemas };
  // One checker per policy, made once: they cache per-schema work across checks.
  const strict: CompatibilityCheckers = {
    JSON: createJsonSchemaCompatibility({ policy: 'STRICT', ...known }),
  };
  const lenient: CompatibilityCheckers = {
    JSON: createJsonSchemaCompatibility({ policy: 'LENIENT', ...known }),
  };
  return {
    formatOf: (schemaType) => (schemaType === 'JSON' ? json : getSchemaFormat(schemaType)),
    checkers: (policy) => (policy === 'LENIENT' ? lenient : strict),
  };
}

/**
 * The formats every registry uses: JSON Schemas may `$ref` the ML types of `@llmsr/llm`
 * (`https://llmsr.dev/ml-types/*.json`) and use their keywords (`x-unit-norm`, ...).
 */
export const registrySchemaFormats: SchemaFormats = createSchemaFormats({
  knownSchemas: ML_TYPE_SCHEMAS,
  keywords: ML_TYPE_KEYWORDS,
});
