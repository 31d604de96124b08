/** A reference to a schema: a registry subject and a version (an integer or `latest`). */
export interface SchemaRef {
  subject: string;
  version: number | 'latest';
}

/** One reason data failed a schema: where (JSON Pointer into the data) and why. */
export interface DataProblem {
  path: string;
  message: string;
  keyword?: string;
}

/** The outcome of validating data against a resolved schema. */
export interface DataValidation {
  valid: boolean;
  problems: DataProblem[];
}

/** A schema ready to check data, with its JSON Schema document (used by `llm.chat`). */
export interface ResolvedSchema {
  ref: SchemaRef;
  /** The JSON Schema document, or undefined when the schema is not JSON Schema. */
  jsonSchema?: Record<string, unknown>;
  validate(data: unknown): DataValidation;
}

/**
 * Resolves schema references for stages and message payloads. This is the seam between the
 * package and a registry: standalone use passes inline schemas, core passes registered
 * subjects. Returns undefined when the reference is unknown (callers then raise
 * `SCHEMA_NOT_FOUND` with their own location).
 *
 * @example
 * ```ts
 * const resolver: SchemaResolver = {
 *   async resolveSchema(ref) { return registry.lookup(ref); },
 * };
 * ```
 */
export interface SchemaResolver {
  resolveSchema(ref: SchemaRef): ResolvedSchema | undefined | Promise<ResolvedSchema | undefined>;
}

/** Formats a reference for messages: `orders-value@3`. */
export function formatSchemaRef(ref: SchemaRef): string {
  return `${ref.subject}@${ref.version}`;
}
