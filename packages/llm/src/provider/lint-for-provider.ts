import { createIssueSink, type LintIssue } from './lint-issue.ts';
import { lintLimits } from './lint-limits.ts';
import { lintNode } from './lint-node.ts';
import { lintRefs } from './lint-refs.ts';
import { assertProvider, PROVIDER_ERROR_CODES, ProviderError } from './provider-error.ts';
import { OPENAI_FINE_TUNE_EXCLUDED } from './provider-keywords.ts';
import {
  GEMINI_RESPONSE_SCHEMA_PROFILE,
  PROVIDER_PROFILES,
  type ProviderLimits,
  type ProviderProfile,
} from './provider-profile.ts';
import type { Provider } from './providers.ts';
import { buildSchemaGraph, typesOf } from './schema-graph.ts';
import { DEFAULT_WALK_LIMITS, isSchemaObject, type WalkLimits, walkSchema } from './walk-schema.ts';

/** Options of {@link lintForProvider}. */
export interface LintForProviderOptions {
  /** The function / tool / response-format name to check against the provider's name rule. */
  readonly name?: string;
  /** OpenAI / Azure: the target is a fine-tuned model, which loses more keywords. */
  readonly fineTuned?: boolean;
  /** Anthropic: lint for strict tool use (default) or plain tool use (`false`: only name and root). */
  readonly strict?: boolean;
  /**
   * Gemini: the request field the schema goes to, `responseJsonSchema` (default, JSON Schema)
   * or the older `responseSchema` (OpenAPI 3.0 subset).
   */
  readonly target?: GeminiTarget;
  /** Override some limits, e.g. when a provider raises them before this table is updated. */
  readonly limits?: Partial<ProviderLimits>;
  /** Bounds of the schema walk (defaults: 50,000 nodes, 256 levels). */
  readonly walkLimits?: WalkLimits;
}

/** The result of {@link lintForProvider}: `ok` when no issue is an error. */
export interface LintResult {
  readonly ok: boolean;
  readonly provider: Provider;
  readonly issues: readonly LintIssue[];
}

/**
 * Lints a JSON Schema against one provider's structured-output subset (the rule matrix of the
 * reference, section 3.4), returning every issue with a stable rule id (`<provider>/<rule>`),
 * the JSON pointer, the provider's wording where known, and a fix.
 *
 * How limits are counted (each schema node once as written; a `$defs` entry used ten times
 * counts once; a recursive `$ref` is never unrolled):
 * - properties (`max-properties`): keys of every `properties` map;
 * - nesting (`max-nesting-depth`): object and array schemas on the deepest path from the root,
 *   the root object being level 1; `$ref` hops and `anyOf` branches add no level, a referenced
 *   definition's containers do;
 * - string length (`max-total-string-length`): property names + `$defs`/`definitions` names +
 *   enum values + const values, strings by length, other values by their JSON text;
 * - enum values (`max-enum-values`): all `enum` entries; a single all-string enum with more than
 *   250 values must total at most 15,000 characters (7,500 on Azure);
 * - Anthropic optional/union parameters: properties missing from `required` / whose schema (or
 *   its `$ref` target) has `anyOf` or a `type` array; the provider counts across all strict tools
 *   of a request, so lint each tool's share or a combined schema;
 * - Gemini `maxItems` sum: all numeric `maxItems` (a measured limit, reported as a warning).
 *
 * Bounded on hostile input: the walk is iterative, visits each object once (cyclic object graphs
 * terminate) and stops at `walkLimits`, reporting `<provider>/schema-too-large`.
 *
 * @throws ProviderError `UNKNOWN_PROVIDER` for an unknown provider, `INVALID_SCHEMA` when the
 * schema is neither an object nor a boolean.
 * @example
 * ```ts
 * const result = lintForProvider({ type: 'object', properties: { a: { type: 'string' } } }, 'openai');
 * result.ok; // false
 * result.issues.map((i) => i.rule);
 * // ['openai/additional-properties-false', 'openai/required-all']
 * ```
 */
export function lintForProvider(
  schema: unknown,
  provider: Provider,
  options: LintForProviderOptions = {},
): LintResult {
  const profile = profileFor(assertProvider(provider), options);
  const sink = createIssueSink(profile.provider);
  if (typeof schema === 'boolean') {
    sink.add({
      rule: 'root-object',
      path: '',
      severity: profile.rootMustBeObject || !schema ? 'error' : 'warning',
      message: `a boolean schema (${schema}) gives the model no structure to follow`,
      fix: 'use an object schema with "type": "object"',
    });
    return result(profile.provider, sink.issues);
  }
  if (!isSchemaObject(schema)) {
    throw new ProviderError(
      PROVIDER_ERROR_CODES.INVALID_SCHEMA,
      'A JSON Schema must be an object or a boolean',
      '',
    );
  }
  if (options.name !== undefined && !profile.namePattern.test(options.name)) {
    sink.add({
      rule: 'name-pattern',
      path: '',
      severity: 'error',
      message: `name "${options.name.slice(0, 80)}" does not match ${profile.namePattern.source}`,
      fix: `use ${profile.nameRuleText}`,
      ...(profile.provider === 'anthropic'
        ? { providerMessage: "String should match pattern '^[a-zA-Z0-9_-]{1,128}$'" }
        : {}),
    });
  }
  const walk = walkSchema(schema, options.walkLimits ?? DEFAULT_WALK_LIMITS);
  if (walk.truncated !== undefined) {
    sink.add({
      rule: 'schema-too-large',
      path: '',
      severity: 'error',
      message: `the schema exceeds the lint bound (${walk.truncated === 'nodes' ? 'node count' : 'nesting'}); no provider accepts it`,
      fix: 'split the schema into smaller ones',
    });
    return result(profile.provider, sink.issues);
  }
  lintRoot(schema, profile, sink);
  const fineTuneExcluded =
    options.fineTuned && profile.provider !== 'anthropic' && profile.provider !== 'gemini'
      ? OPENAI_FINE_TUNE_EXCLUDED
      : undefined;
  for (const node of walk.nodes) lintNode(node, profile, sink, { fineTuneExcluded });
  const graph = buildSchemaGraph(schema, walk);
  lintRefs(graph, profile, sink);
  lintLimits(schema, graph, profile, { ...profile.limits, ...options.limits }, sink);
  return result(profile.provider, sink.issues);
}

/** The Gemini request field a schema is meant for. */
export type GeminiTarget = 'responseJsonSchema' | 'responseSchema';

/** The profile for a provider and the options that select a variant of it. */
export function profileFor(
  provider: Provider,
  options: { strict?: boolean; target?: GeminiTarget },
): ProviderProfile {
  if (provider === 'gemini' && options.target === 'responseSchema')
    return GEMINI_RESPONSE_SCHEMA_PROFILE;
  const profile = PROVIDER_PROFILES[provider];
  if (provider !== 'anthropic' || options.strict !== false) return profile;
  // Plain (non-strict) tool use: only the tool shape is checked, nothing counts toward limits.
  return {
    ...profile,
    closedObjects: false,
    keywords: {},
    recursion: 'allowed',
    formats: undefined,
    limits: {},
    enumValues: 'any',
  };
}

function lintRoot(
  schema: Record<string, unknown>,
  profile: ProviderProfile,
  sink: ReturnType<typeof createIssueSink>,
): void {
  const types = typesOf(schema);
  if (profile.rootMustBeObject && !(types.length === 1 && types[0] === 'object')) {
    sink.add({
      rule: 'root-object',
      path: '',
      severity: 'error',
      message: `the root of a ${profile.label} schema must be "type": "object"`,
      fix: 'wrap the schema in an object property, e.g. { "type": "object", "properties": { "value": ... } }; toProviderSchema does this',
    });
  }
  if (profile.rootAnyOfForbidden && Array.isArray(schema.anyOf)) {
    sink.add({
      rule: 'root-any-of',
      path: '/anyOf',
      severity: 'error',
      message: `the root of a ${profile.label} schema must not be "anyOf"`,
      fix: 'wrap the union in an object property; toProviderSchema does this',
    });
  }
}

function result(provider: Provider, issues: readonly LintIssue[]): LintResult {
  return { ok: !issues.some((i) => i.severity === 'error'), provider, issues };
}
