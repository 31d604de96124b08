import { countSchemaSizes } from './count-schema-sizes.ts';
import {
  type LintForProviderOptions,
  type LintResult,
  lintForProvider,
} from './lint-for-provider.ts';
import { createIssueSink, type LintIssue } from './lint-issue.ts';
import { assertProvider } from './provider-error.ts';
import { PROVIDER_PROFILES } from './provider-profile.ts';
import type { Provider } from './providers.ts';
import { buildSchemaGraph } from './schema-graph.ts';
import { isSchemaObject, walkSchema } from './walk-schema.ts';

/** One tool of a request: its name and input (parameters) schema. */
export interface ToolSchema {
  readonly name: string;
  readonly schema: unknown;
  /** Anthropic: strict tool use for this tool (default true); non-strict tools do not count toward request limits. */
  readonly strict?: boolean;
}

/** The result of {@link lintToolsForProvider}: request-wide issues plus each tool's own lint. */
export interface ToolsLintResult extends LintResult {
  readonly tools: readonly {
    readonly name: string;
    readonly ok: boolean;
    readonly issues: readonly LintIssue[];
  }[];
}

/** Anthropic's per-request limit on strict tools. */
const MAX_STRICT_TOOLS = 20;

/**
 * Lints the tools of one request: each tool's schema and name with {@link lintForProvider}, and
 * the limits providers count across a request: duplicate tool names, and for Anthropic at most
 * 20 strict tools, 24 optional parameters and 16 union-typed parameters summed over the strict
 * tools (paths are `/tools/<index>/...`). `ok` is false when any tool or request issue is an error.
 *
 * @example
 * ```ts
 * const result = lintToolsForProvider(
 *   [{ name: 'get_weather', schema: { type: 'object', properties: { city: { type: 'string' } }, additionalProperties: false } }],
 *   'anthropic',
 * );
 * result.ok; // true
 * ```
 */
export function lintToolsForProvider(
  tools: readonly ToolSchema[],
  provider: Provider,
  options: Omit<LintForProviderOptions, 'name' | 'strict'> = {},
): ToolsLintResult {
  const profile = PROVIDER_PROFILES[assertProvider(provider)];
  const sink = createIssueSink(provider);
  // Request-wide Anthropic limits are checked here on the sums, not per tool.
  const perTool = {
    ...options,
    limits: { ...options.limits, maxOptionalParameters: undefined, maxUnionParameters: undefined },
  };
  const results = tools.map((tool) => {
    const result = lintForProvider(tool.schema, provider, {
      ...perTool,
      name: tool.name,
      ...(tool.strict === false ? { strict: false } : {}),
    });
    return { name: tool.name, ok: result.ok, issues: result.issues };
  });
  const seen = new Map<string, number>();
  tools.forEach((tool, index) => {
    const first = seen.get(tool.name);
    if (first === undefined) seen.set(tool.name, index);
    else {
      sink.add({
        rule: 'duplicate-tool-name',
        path: `/tools/${index}/name`,
        severity: 'error',
        message: `tool name "${tool.name}" is already used by tool ${first}`,
        fix: 'give every tool of a request a distinct name',
      });
    }
  });
  if (profile.provider === 'anthropic') lintAnthropicRequest(tools, sink, options);
  const issues = sink.issues;
  return {
    ok: !issues.some((i) => i.severity === 'error') && results.every((r) => r.ok),
    provider: profile.provider,
    issues,
    tools: results,
  };
}

function lintAnthropicRequest(
  tools: readonly ToolSchema[],
  sink: ReturnType<typeof createIssueSink>,
  options: LintForProviderOptions,
): void {
  const strict = tools
    .map((tool, index) => ({ tool, index }))
    .filter(({ tool }) => tool.strict !== false);
  if (strict.length > MAX_STRICT_TOOLS) {
    sink.add({
      rule: 'max-strict-tools',
      path: `/tools/${strict[MAX_STRICT_TOOLS]!.index}`,
      severity: 'error',
      message: `${strict.length} strict tools exceed the Anthropic limit of ${MAX_STRICT_TOOLS} per request`,
      fix: 'turn strict off for some tools or split the request',
    });
  }
  const optional: string[] = [];
  const unions: string[] = [];
  for (const { tool, index } of strict) {
    if (!isSchemaObject(tool.schema)) continue;
    const walk = walkSchema(tool.schema, options.walkLimits);
    const sizes = countSchemaSizes(
      tool.schema,
      buildSchemaGraph(tool.schema, walk),
      Number.POSITIVE_INFINITY,
    );
    optional.push(...sizes.optionalParameters.map((p) => `/tools/${index}/schema${p}`));
    unions.push(...sizes.unionParameters.map((p) => `/tools/${index}/schema${p}`));
  }
  const maxOptional = options.limits?.maxOptionalParameters ?? 24;
  const maxUnions = options.limits?.maxUnionParameters ?? 16;
  if (optional.length > maxOptional) {
    sink.add({
      rule: 'max-optional-parameters',
      path: optional[maxOptional]!,
      severity: 'error',
      message: `${optional.length} optional parameters across the strict tools exceed the limit of ${maxOptional}`,
      fix: 'make parameters required (nullable if needed) or turn strict off for some tools',
      providerMessage: `Schemas contains too many optional parameters (${optional.length}) … (limit: ${maxOptional})`,
    });
  }
  if (unions.length > maxUnions) {
    sink.add({
      rule: 'max-union-parameters',
      path: unions[maxUnions]!,
      severity: 'error',
      message: `${unions.length} union-typed parameters across the strict tools exceed the limit of ${maxUnions}`,
      fix: 'replace unions with single types where possible',
      providerMessage: `too many parameters with union types (${unions.length} …) … (limit: ${maxUnions} parameters with unions)`,
    });
  }
}
