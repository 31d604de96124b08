import type { ParsedSchema } from '@llmsr/validation';
import type { FormatCompatibilityChecker, PairViolation, ReaderWriterLabels } from '../types.js';
import { createCompareContext } from './compare-context.js';
import { compareSchemas } from './compare-schemas.js';
import type { JsonCompatibilityPolicy } from './json-compatibility-policy.js';
import { diffJsonSchemas } from './json-schema-diff.js';
import { createSchemaResolver, type SchemaResolver } from './schema-resolver.js';

/** Options of {@link createJsonSchemaCompatibility}. */
export interface JsonSchemaCompatibilityOptions {
  /** `STRICT` (default, Confluent's default) or `LENIENT` (relaxed content-model rules). */
  policy?: JsonCompatibilityPolicy;
  /** Nesting depth past which a schema is reported as `SCHEMA_TOO_DEEP` instead of checked (default 200). */
  maxDepth?: number;
  /**
   * Most subschema pairs compared for one reader/writer pair (default 100,000); past it the check
   * stops with `SCHEMA_TOO_COMPLEX` (incompatible) rather than run for minutes on hostile input.
   */
  maxSteps?: number;
  /**
   * Schemas a `$ref` may name by id without being a reference: the same well-known schemas the
   * validator is given (`createAjvPool({ knownSchemas })`), so a ref to one is compared by its
   * content (changing it to another known type is a type change) instead of `REFERENCE_UNRESOLVED`.
   */
  knownSchemas?: Readonly<Record<string, unknown>>;
}

/**
 * A JSON Schema compatibility checker with Confluent's difference catalogue (open, closed and
 * partially open content models, combinations, `$ref` and recursion, every constraint keyword).
 *
 * @example
 * ```ts
 * const checker = createJsonSchemaCompatibility({ policy: 'LENIENT' });
 * const violations = checker.checkReaderWriter(newSchema, oldSchema); // [] = new reads old
 * ```
 */
export function createJsonSchemaCompatibility(
  options: JsonSchemaCompatibilityOptions = {},
): FormatCompatibilityChecker {
  const policy = options.policy ?? 'STRICT';
  const resolvers = new WeakMap<ParsedSchema, SchemaResolver>();
  const resolverFor = (parsed: ParsedSchema): SchemaResolver => {
    let resolver = resolvers.get(parsed);
    if (!resolver) {
      resolver = createSchemaResolver(parsed, { knownSchemas: options.knownSchemas });
      resolvers.set(parsed, resolver);
    }
    return resolver;
  };
  return {
    schemaType: 'JSON',
    checkReaderWriter(
      reader: ParsedSchema,
      writer: ParsedSchema,
      labels?: ReaderWriterLabels,
    ): PairViolation[] {
      if (reader.schemaType !== 'JSON' || writer.schemaType !== 'JSON') {
        return [
          {
            rule: 'SCHEMA_TYPE_CHANGED',
            path: '#',
            message: `Incompatible because of different schema type (${writer.schemaType} to ${reader.schemaType})`,
            severity: 'error',
          },
        ];
      }
      if (isSameSchema(reader, writer)) return [];
      const context = createCompareContext({
        policy,
        writer: resolverFor(writer),
        reader: resolverFor(reader),
        ...(labels === undefined ? {} : { labels }),
        ...(options.maxDepth === undefined ? {} : { maxDepth: options.maxDepth }),
        ...(options.maxSteps === undefined ? {} : { maxSteps: options.maxSteps }),
      });
      const found = compareSchemas(context, writer.native, reader.native).map(toReported);
      if (context.steps > context.maxSteps) {
        found.push({
          rule: 'SCHEMA_TOO_COMPLEX',
          path: '#',
          message: `The schemas need more than ${context.maxSteps} subschema comparisons; the check was stopped`,
          severity: 'error',
          fix: 'simplify nested allOf/anyOf/oneOf combinations',
        });
      }
      return found;
    },
    diff: diffJsonSchemas,
  };
}

/** The default (STRICT) JSON Schema compatibility checker. */
export const jsonSchemaCompatibility: FormatCompatibilityChecker = createJsonSchemaCompatibility();

function isSameSchema(reader: ParsedSchema, writer: ParsedSchema): boolean {
  if (reader === writer) return true;
  if (reader.canonical === '' || reader.canonical !== writer.canonical) return false;
  if (reader.references.length !== writer.references.length) return false;
  return reader.references.every((reference, index) => {
    const other = writer.references[index];
    return (
      other !== undefined && other.name === reference.name && other.schema === reference.schema
    );
  });
}

function toReported(violation: PairViolation): PairViolation {
  const path = `#${violation.path}`;
  const oldPath = `#${violation.oldPath ?? violation.path}`;
  const reported: PairViolation = { ...violation, path };
  if (oldPath === path) delete reported.oldPath;
  else reported.oldPath = oldPath;
  return reported;
}
