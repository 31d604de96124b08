import type { IssueSink } from './lint-issue.ts';
import { ANNOTATION_KEYWORDS } from './provider-keywords.ts';
import type { ProviderProfile } from './provider-profile.ts';
import { typesOf } from './schema-graph.ts';
import { isSchemaObject, pointer, type WalkedNode } from './walk-schema.ts';

/** Regex features Anthropic's "simple pattern" excludes: backreferences, lookaround, `\b`. */
const COMPLEX_PATTERN = /\\[1-9]|\\k<|\(\?<?[=!]|\\[bB]/;

/** Options of the per-node checks. */
export interface NodeLintOptions {
  readonly fineTuneExcluded: readonly string[] | undefined;
}

/** Checks one schema node against the keyword, type, object and enum rules of a profile. */
export function lintNode(
  node: WalkedNode,
  profile: ProviderProfile,
  sink: IssueSink,
  options: NodeLintOptions,
): void {
  const { schema, path } = node;
  for (const keyword of Object.keys(schema)) lintKeyword(node, keyword, profile, sink, options);

  for (const type of typesOf(schema)) {
    if (!profile.types.has(type)) {
      sink.add({
        rule: 'unsupported-type',
        path: pointer(path, 'type'),
        severity: 'error',
        message: `type "${type}" is not a JSON Schema type ${profile.label} supports`,
        fix: `use one of ${[...profile.types].join(', ')}`,
      });
    }
  }

  const types = typesOf(schema);
  if (profile.nullableKeyword && (types.includes('null') || types.length > 1)) {
    sink.add({
      rule: 'null-type',
      path: pointer(path, 'type'),
      severity: 'error',
      message: `${profile.label} takes one type per schema; null is written "nullable": true`,
      fix: 'use a single "type" with "nullable": true (or anyOf for several types); toProviderSchema does this',
    });
  }
  if (
    profile.nullableKeyword &&
    isSchemaObject(schema.properties) &&
    Object.keys(schema.properties).length > 1 &&
    !Array.isArray(schema.propertyOrdering)
  ) {
    sink.add({
      rule: 'property-ordering',
      path,
      severity: 'warning',
      message: 'Gemini 2.0 models need an explicit "propertyOrdering" to keep the key order',
      fix: 'add "propertyOrdering" listing the property names; toProviderSchema does this',
    });
  }
  const isObject = types.includes('object') || isSchemaObject(schema.properties);
  if (isObject && profile.closedObjects && schema.additionalProperties !== false) {
    sink.add({
      rule: 'additional-properties-false',
      path: pointer(path, 'additionalProperties'),
      severity: 'error',
      message: `${profile.label} requires "additionalProperties": false on every object`,
      fix: 'set "additionalProperties": false and list every allowed key under "properties"',
    });
  }
  if (isObject && profile.allPropertiesRequired && isSchemaObject(schema.properties)) {
    const required = new Set(Array.isArray(schema.required) ? schema.required : []);
    for (const name of Object.keys(schema.properties)) {
      if (required.has(name)) continue;
      sink.add({
        rule: 'required-all',
        path: pointer(path, 'properties', name),
        severity: 'error',
        message: `property "${name}" is optional, but ${profile.label} requires every property in "required"`,
        fix: `add "${name}" to "required" and allow null instead (e.g. "type": [..., "null"]); toProviderSchema does this`,
      });
    }
  }

  if (Array.isArray(schema.enum)) lintEnum(node, schema.enum, profile, sink);
  if (typeof schema.$ref === 'string' && profile.refSiblingsForbidden) {
    const siblings = Object.keys(schema).filter((k) => !k.startsWith('$'));
    if (siblings.length > 0) {
      sink.add({
        rule: 'ref-siblings',
        path,
        severity: 'error',
        message: `a subschema with "$ref" must not set other keywords (${siblings.join(', ')})`,
        fix: 'move the sibling keywords into the referenced definition, or wrap the $ref in anyOf',
        providerMessage:
          'If `$ref` is set on a sub-schema, no other properties, except … those starting as a `$`, may be set.',
      });
    }
  }
}

function lintKeyword(
  node: WalkedNode,
  keyword: string,
  profile: ProviderProfile,
  sink: IssueSink,
  options: NodeLintOptions,
): void {
  const { schema, path } = node;
  const at = pointer(path, keyword);
  const value = schema[keyword];
  if (options.fineTuneExcluded?.includes(keyword)) {
    sink.add({
      rule: 'fine-tune-keyword',
      path: at,
      severity: 'error',
      message: `"${keyword}" is not supported for fine-tuned models`,
      fix: `remove "${keyword}" and state the constraint in "description"`,
    });
    return;
  }
  const policy = profile.keywords[keyword];
  if (policy !== undefined) {
    sink.add({
      rule: keyword === 'oneOf' ? 'one-of' : 'unsupported-keyword',
      path: at,
      severity: policy.severity,
      message: `"${keyword}" ${policy.reason}`,
      fix:
        keyword === 'oneOf'
          ? 'use "anyOf" (with branches that cannot both match) instead of "oneOf"'
          : `remove "${keyword}" and state the constraint in "description"; toProviderSchema does this`,
      ...(policy.providerMessage === undefined ? {} : { providerMessage: policy.providerMessage }),
    });
    return;
  }
  if (profile.allowedKeywords !== undefined && !profile.allowedKeywords.has(keyword)) {
    const isRef = keyword === '$ref' || keyword === '$defs' || keyword === 'definitions';
    sink.add({
      rule: isRef ? 'ref-not-supported' : 'unsupported-keyword',
      path: at,
      severity: 'error',
      message: `"${keyword}" is not a field of ${profile.label} (an OpenAPI 3.0 Schema subset), so the request is rejected`,
      fix: isRef
        ? 'inline the referenced definitions (toProviderSchema does this), or use responseJsonSchema'
        : `remove "${keyword}" and state it in "description"; toProviderSchema does this`,
    });
    return;
  }
  if (
    profile.honouredKeywords !== undefined &&
    !profile.honouredKeywords.has(keyword) &&
    !ANNOTATION_KEYWORDS.has(keyword)
  ) {
    sink.add({
      rule: 'ignored-keyword',
      path: at,
      severity: 'warning',
      message: `"${keyword}" is ignored by Gemini responseJsonSchema, so the model may break it`,
      fix: `state the constraint in "description" and check it after parsing`,
    });
  }
  if (profile.honouredKeywords !== undefined && keyword === 'oneOf') {
    sink.add({
      rule: 'one-of-as-any-of',
      path: at,
      severity: 'warning',
      message: 'Gemini interprets "oneOf" as "anyOf": more than one branch may match',
      fix: 'use "anyOf" with branches that cannot both match',
    });
  }
  if (
    keyword === 'format' &&
    typeof value === 'string' &&
    profile.formats &&
    !profile.formats.has(value)
  ) {
    sink.add({
      rule: 'unsupported-format',
      path: at,
      severity: profile.formatSeverity,
      message: `format "${value}" is not supported by ${profile.label}`,
      fix: `use one of ${[...profile.formats].join(', ')}, or "pattern", or describe it in "description"`,
    });
  }
  if (
    keyword === 'format' &&
    profile.provider === 'gemini' &&
    value !== 'enum' &&
    value !== 'date-time' &&
    typeof value === 'string'
  ) {
    sink.add({
      rule: 'developer-api-format',
      path: at,
      severity: 'warning',
      message: `format "${value}" fails on the Gemini Developer API (Vertex AI accepts more)`,
      fix: 'on the Developer API, drop the format or describe it in "description"',
      providerMessage: "must be either 'enum' or 'date-time', otherwise requests will fail",
    });
  }
  if (profile.provider === 'anthropic') lintAnthropicKeyword(node, keyword, value, sink);
}

function lintAnthropicKeyword(
  node: WalkedNode,
  keyword: string,
  value: unknown,
  sink: IssueSink,
): void {
  const at = pointer(node.path, keyword);
  if (keyword === 'minItems' && typeof value === 'number' && value > 1) {
    sink.add({
      rule: 'min-items',
      path: at,
      severity: 'error',
      message: `"minItems": ${value} is not supported; Anthropic strict tool use allows only 0 or 1`,
      fix: 'use "minItems": 1 at most and state the minimum in "description"',
    });
  }
  if (keyword === 'pattern' && typeof value === 'string' && COMPLEX_PATTERN.test(value)) {
    sink.add({
      rule: 'complex-pattern',
      path: at,
      severity: 'error',
      message: 'Anthropic supports only simple patterns: no backreferences, lookaround or \\b',
      fix: 'simplify the pattern, or check it after parsing',
    });
  }
  if (keyword === 'allOf' && Array.isArray(value)) {
    const withRef =
      typeof node.schema.$ref === 'string' || value.some((b) => isSchemaObject(b) && '$ref' in b);
    if (withRef) {
      sink.add({
        rule: 'all-of-with-ref',
        path: at,
        severity: 'error',
        message: 'Anthropic supports "allOf" only when not combined with "$ref"',
        fix: 'inline the referenced definition into the allOf branch',
      });
    }
  }
}

function lintEnum(
  node: WalkedNode,
  values: unknown[],
  profile: ProviderProfile,
  sink: IssueSink,
): void {
  const bad = values.findIndex((v) =>
    profile.enumValues === 'primitives'
      ? typeof v === 'object' && v !== null
      : profile.enumValues === 'strings-and-numbers'
        ? typeof v !== 'string' && typeof v !== 'number'
        : profile.enumValues === 'strings'
          ? typeof v !== 'string'
          : false,
  );
  if (bad < 0) return;
  sink.add({
    rule: profile.enumValues === 'primitives' ? 'enum-complex' : 'enum-type',
    path: pointer(node.path, 'enum', bad),
    severity: 'error',
    message:
      profile.enumValues === 'primitives'
        ? `${profile.label} allows only primitive enum values, not objects or arrays`
        : `${profile.label} allows only ${profile.enumValues === 'strings' ? 'string' : 'string and number'} enum values`,
    fix: 'use primitive values in "enum" (or anyOf with const-like branches)',
  });
}
