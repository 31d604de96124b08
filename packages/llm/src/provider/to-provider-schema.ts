import { type GeminiTarget, lintForProvider, profileFor } from './lint-for-provider.ts';
import { assertProvider, PROVIDER_ERROR_CODES, ProviderError } from './provider-error.ts';
import type { ProviderSchemaResult } from './provider-schema-result.ts';
import type { Provider } from './providers.ts';
import { typesOf } from './schema-graph.ts';
import { type TransformContext, transformNode } from './transform-node.ts';
import { isSchemaObject, type SchemaObject } from './walk-schema.ts';

/** Options of {@link toProviderSchema}. */
export interface ToProviderSchemaOptions {
  /** OpenAI / Azure: target a fine-tuned model (more keywords move into descriptions). */
  readonly fineTuned?: boolean;
  /** Gemini: `responseJsonSchema` (default) or the older `responseSchema` (OpenAPI 3.0 subset). */
  readonly target?: GeminiTarget;
  /** Name of the property that wraps a non-object root (default `value`). */
  readonly rootProperty?: string;
  /** Most subschemas transformed before giving up with `SCHEMA_TOO_LARGE` (default 50,000). */
  readonly maxNodes?: number;
}

/** Root keywords that stay on a wrapper root rather than moving into the wrapped property. */
const ROOT_LEVEL = ['$schema', '$id', '$defs', 'definitions'];

/**
 * Rewrites a JSON Schema into the variant a provider accepts, where a faithful one exists, and
 * lists every change and every constraint the provider cannot keep:
 * - OpenAI / Azure: every object closed (`additionalProperties: false`), every property listed
 *   in `required` with optional ones made nullable (`null` then means absent, see
 *   {@link fromProviderOutput}), `oneOf` turned into `anyOf`, unsupported keywords and formats
 *   moved into `description`, and a non-object or `anyOf` root wrapped in `{ value: ... }`;
 * - Anthropic: objects closed, unsupported keywords into `description`, root wrapped;
 *   optional properties stay optional; recursion cannot be kept and stays in `remaining`;
 * - Gemini: ignored keywords into `description`, `const` as a one-value `enum`, `oneOf` as
 *   `anyOf`, `$ref` siblings split off, `propertyOrdering` added; with `target: 'responseSchema'`
 *   (the OpenAPI 3.0 subset) also `$ref`s inlined (recursion cut and reported), `null` written
 *   as `nullable: true`, and every non-field (`additionalProperties`, `const`, ...) moved.
 *
 * @throws ProviderError `UNKNOWN_PROVIDER`, `INVALID_SCHEMA` (not an object, or a cyclic object
 * graph), `SCHEMA_TOO_LARGE`.
 * @example
 * ```ts
 * const result = toProviderSchema(
 *   { type: 'object', properties: { name: { type: 'string', minLength: 1 }, age: { type: 'integer' } }, required: ['name'] },
 *   'openai',
 * );
 * result.schema.properties.age; // { type: ['integer', 'null'] }
 * result.lost; // [] (minLength is supported by OpenAI base models)
 * fromProviderOutput({ name: 'Ada', age: null }, result); // { name: 'Ada' }
 * ```
 */
export function toProviderSchema(
  schema: unknown,
  provider: Provider,
  options: ToProviderSchemaOptions = {},
): ProviderSchemaResult {
  const profile = profileFor(assertProvider(provider), { target: options.target });
  if (!isSchemaObject(schema)) {
    throw new ProviderError(
      PROVIDER_ERROR_CODES.INVALID_SCHEMA,
      'A JSON Schema to transform must be an object',
      '',
    );
  }
  const ctx: TransformContext = {
    profile,
    fineTuned: options.fineTuned === true,
    root: schema,
    changes: [],
    lost: [],
    nullableOptional: {},
    ancestors: new Set(),
    inlining: new Set(),
    maxNodes: options.maxNodes ?? 50_000,
    nodes: 0,
  };
  const types = typesOf(schema);
  const wrap =
    profile.rootMustBeObject &&
    (!(types.length === 1 && types[0] === 'object') ||
      (profile.rootAnyOfForbidden && 'anyOf' in schema));
  let out: SchemaObject;
  let wrappedRoot: string | undefined;
  if (!wrap) {
    out = transformNode(schema, '', ctx) as SchemaObject;
  } else {
    wrappedRoot = options.rootProperty ?? 'value';
    const inner: SchemaObject = {};
    const outer: SchemaObject = {};
    for (const key of Object.keys(schema))
      (ROOT_LEVEL.includes(key) ? outer : inner)[key] = schema[key];
    const transformed = transformNode(
      {
        ...outer,
        ...{ type: 'object', properties: { [wrappedRoot]: inner }, required: [wrappedRoot] },
      },
      '',
      ctx,
    );
    out = transformed as SchemaObject;
    rewriteRootRefs(out, `/properties/${wrappedRoot.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    ctx.changes.unshift({
      path: '',
      change: `wrapped the root schema in an object property "${wrappedRoot}"`,
    });
  }
  const remaining = lintForProvider(out, provider, {
    fineTuned: ctx.fineTuned,
    ...(options.target === undefined ? {} : { target: options.target }),
  }).issues.filter((i) => i.severity === 'error');
  return {
    provider: profile.provider,
    schema: out,
    changes: ctx.changes,
    lost: ctx.lost,
    remaining,
    mapping: { wrappedRoot, nullableOptional: ctx.nullableOptional },
  };
}

/** After wrapping, references to the old root (`#`, `#/properties/...`) point into the wrapper property. */
function rewriteRootRefs(root: SchemaObject, prefix: string): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    if (!isSchemaObject(node)) continue;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        const isDefinition = /^#\/(\$defs|definitions)(\/|$)/.test(value);
        if (value === '#') node.$ref = `#${prefix}`;
        else if (value.startsWith('#/') && !isDefinition) node.$ref = `#${prefix}${value.slice(1)}`;
      } else if (
        typeof value === 'object' &&
        value !== null &&
        key !== 'enum' &&
        key !== 'const' &&
        key !== 'default' &&
        key !== 'examples'
      ) {
        stack.push(value);
      }
    }
  }
}
