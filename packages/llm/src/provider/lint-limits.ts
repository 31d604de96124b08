import { countSchemaSizes } from './count-schema-sizes.ts';
import type { IssueSink } from './lint-issue.ts';
import type { ProviderLimits, ProviderProfile } from './provider-profile.ts';
import { deepestNesting, type SchemaGraph } from './schema-graph.ts';

/** Checks the size limits of a profile (see {@link lintForProvider} for how each is counted). */
export function lintLimits(
  root: unknown,
  graph: SchemaGraph,
  profile: ProviderProfile,
  limits: ProviderLimits,
  sink: IssueSink,
): void {
  const sizes = countSchemaSizes(
    root,
    graph,
    limits.largeEnumThreshold ?? Number.POSITIVE_INFINITY,
  );
  const over = (
    rule: string,
    actual: number,
    limit: number | undefined,
    what: string,
    fix: string,
    extra: { path?: string; providerMessage?: string; severity?: 'error' | 'warning' } = {},
  ): void => {
    if (limit === undefined || actual <= limit) return;
    sink.add({
      rule,
      path: extra.path ?? '',
      severity: extra.severity ?? 'error',
      message: `${what}: ${actual} exceeds the ${profile.label} limit of ${limit}`,
      fix,
      ...(extra.providerMessage === undefined ? {} : { providerMessage: extra.providerMessage }),
    });
  };
  over(
    'max-properties',
    sizes.properties,
    limits.maxProperties,
    'object properties in total',
    'split the schema or remove properties',
  );
  if (limits.maxNestingDepth !== undefined) {
    const nesting = deepestNesting(graph);
    over(
      'max-nesting-depth',
      nesting.levels,
      limits.maxNestingDepth,
      'levels of nesting',
      'flatten nested objects/arrays, or move a deep part behind a recursive $ref',
      {
        path: nesting.chain[limits.maxNestingDepth] ?? '',
        providerMessage: `${nesting.levels} levels of nesting exceeds limit of ${limits.maxNestingDepth}`,
      },
    );
  }
  over(
    'max-total-string-length',
    sizes.totalStringLength,
    limits.maxTotalStringLength,
    'total characters of property names, definition names, enum and const values',
    'shorten property names and enum values, or remove enum values',
  );
  over(
    'max-enum-values',
    sizes.enumValues,
    limits.maxEnumValues,
    'enum values in total',
    'reduce the enum values, or use a string with a description',
  );
  for (const large of sizes.largeStringEnums) {
    over(
      'max-large-enum-string-length',
      large.length,
      limits.largeEnumMaxLength,
      `characters in a string enum of ${large.values} values (more than ${limits.largeEnumThreshold})`,
      'shorten the values or split the enum',
      { path: large.path },
    );
  }
  over(
    'max-optional-parameters',
    sizes.optionalParameters.length,
    limits.maxOptionalParameters,
    'optional parameters (counted across all strict tools of a request)',
    'make parameters required (nullable if needed) or turn strict off for some tools',
    {
      path: sizes.optionalParameters[limits.maxOptionalParameters ?? 0] ?? '',
      providerMessage: `Schemas contains too many optional parameters (${sizes.optionalParameters.length}) … (limit: ${limits.maxOptionalParameters})`,
    },
  );
  over(
    'max-union-parameters',
    sizes.unionParameters.length,
    limits.maxUnionParameters,
    'parameters with union types (anyOf or type arrays, counted across all strict tools)',
    'replace unions with single types where possible',
    {
      path: sizes.unionParameters[limits.maxUnionParameters ?? 0] ?? '',
      providerMessage: `too many parameters with union types (${sizes.unionParameters.length} …) … (limit: ${limits.maxUnionParameters} parameters with unions)`,
    },
  );
  over(
    'max-items-sum',
    sizes.maxItemsSum,
    limits.maxItemsSum,
    'sum of maxItems (a measured, undocumented limit)',
    'lower maxItems values or drop them',
    {
      severity: 'warning',
      providerMessage: 'The API may reject very large or deeply nested schemas …',
    },
  );
}
