import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { DataProblem, ResolvedSchema, SchemaRef, SchemaResolver } from './schema-resolver.js';

/** Inline schemas by subject, then by version. */
export type InlineSchemas = Record<
  string,
  Record<string | number, Record<string, unknown> | boolean>
>;

/** Most problems reported for one value, so a huge invalid array cannot flood a run record. */
const MAX_PROBLEMS = 50;

/**
 * A {@link SchemaResolver} over JSON Schemas given inline, validated with ajv: the package works
 * without a registry. `latest` picks the highest numeric version. Each schema is compiled once,
 * on first use; a schema ajv refuses throws when it is resolved.
 *
 * @example
 * ```ts
 * const resolver = createInlineSchemaResolver({
 *   answer: { 1: { type: 'object', required: ['text'], properties: { text: { type: 'string' } } } },
 * });
 * const schema = await resolver.resolveSchema({ subject: 'answer', version: 1 });
 * schema?.validate({ text: 'hi' }).valid; // true
 * ```
 */
export function createInlineSchemaResolver(schemas: InlineSchemas): SchemaResolver {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const compiled = new Map<string, ResolvedSchema>();

  return {
    resolveSchema(ref: SchemaRef) {
      const versions = Object.hasOwn(schemas, ref.subject) ? schemas[ref.subject] : undefined;
      if (!versions) return undefined;
      const version = ref.version === 'latest' ? latestVersion(versions) : String(ref.version);
      if (version === undefined || !Object.hasOwn(versions, version)) return undefined;
      const key = `${ref.subject}\u0000${version}`;
      const cached = compiled.get(key);
      if (cached) return cached;
      const schema = versions[version]!;
      const check = ajv.compile(schema);
      const resolved: ResolvedSchema = {
        ref: { subject: ref.subject, version: Number(version) },
        jsonSchema: typeof schema === 'object' ? schema : undefined,
        validate: (data) => runValidate(check, data),
      };
      compiled.set(key, resolved);
      return resolved;
    },
  };
}

function latestVersion(versions: Record<string, unknown>): string | undefined {
  let best: number | undefined;
  for (const key of Object.keys(versions)) {
    const n = Number(key);
    if (Number.isInteger(n) && (best === undefined || n > best)) best = n;
  }
  return best === undefined ? undefined : String(best);
}

function runValidate(check: ValidateFunction, data: unknown) {
  try {
    if (check(data)) return { valid: true, problems: [] };
  } catch (error) {
    // A recursive schema over hostile, deeply nested data can exhaust the stack: report it as
    // invalid data instead of crashing the caller.
    if (error instanceof RangeError) {
      return {
        valid: false,
        problems: [
          { path: '/', message: 'data is nested too deeply to validate', keyword: 'depth' },
        ],
      };
    }
    throw error;
  }
  const problems = (check.errors ?? []).slice(0, MAX_PROBLEMS).map(toProblem);
  return { valid: false, problems };
}

function toProblem(error: ErrorObject): DataProblem {
  // ajv reports a missing property at its parent; point at the property itself.
  const missing =
    error.keyword === 'required'
      ? (error.params as { missingProperty?: string }).missingProperty
      : undefined;
  const path =
    missing === undefined ? error.instancePath : `${error.instancePath}/${escapePointer(missing)}`;
  return { path: path || '/', message: error.message ?? 'is invalid', keyword: error.keyword };
}

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}
