import type { KeywordPolicy } from './provider-profile.ts';

/** The same policy for several keywords. */
export function policies(
  keywords: readonly string[],
  policy: KeywordPolicy,
): Record<string, KeywordPolicy> {
  return Object.fromEntries(keywords.map((keyword) => [keyword, policy]));
}

/** OpenAI strict structured outputs: keywords it rejects (errors) or does not list (warnings). */
export const OPENAI_UNSUPPORTED: Record<string, KeywordPolicy> = {
  ...policies(['allOf', 'not', 'if', 'then', 'else', 'dependentRequired', 'dependentSchemas'], {
    severity: 'error',
    reason: 'is not supported by OpenAI strict structured outputs',
  }),
  oneOf: {
    severity: 'error',
    reason: 'is not supported by OpenAI strict structured outputs (use anyOf)',
    providerMessage: "'oneOf' is not permitted",
  },
  // Absent from the current supported list and on the launch "not yet supported" list.
  ...policies(
    [
      'patternProperties',
      'unevaluatedProperties',
      'propertyNames',
      'minProperties',
      'maxProperties',
      'unevaluatedItems',
      'contains',
      'minContains',
      'maxContains',
      'uniqueItems',
    ],
    {
      severity: 'warning',
      reason: 'is not in the documented supported keyword list of OpenAI structured outputs',
    },
  ),
};

/** The keywords Azure OpenAI documents as unsupported on top of OpenAI's list. */
export const AZURE_EXCLUDED = [
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'multipleOf',
  'patternProperties',
  'unevaluatedProperties',
  'propertyNames',
  'minProperties',
  'maxProperties',
  'unevaluatedItems',
  'contains',
  'minContains',
  'maxContains',
  'minItems',
  'maxItems',
  'uniqueItems',
];

/** Keywords fine-tuned OpenAI models lose (`fineTuned: true`). */
export const OPENAI_FINE_TUNE_EXCLUDED = Object.freeze([
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'multipleOf',
  'patternProperties',
  'minItems',
  'maxItems',
]);

/** Anthropic strict tool use: keywords outside its supported list. */
export const ANTHROPIC_UNSUPPORTED: Record<string, KeywordPolicy> = {
  ...policies(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'], {
    severity: 'error',
    reason: 'is not supported in Anthropic strict tool use (numeric bounds)',
  }),
  ...policies(['minLength', 'maxLength'], {
    severity: 'error',
    reason: 'is not supported in Anthropic strict tool use (string length)',
    providerMessage: "you'll receive a 400 error",
  }),
  maxItems: { severity: 'error', reason: 'is not supported in Anthropic strict tool use' },
  ...policies(
    [
      'oneOf',
      'not',
      'if',
      'then',
      'else',
      'dependentRequired',
      'dependentSchemas',
      'patternProperties',
      'propertyNames',
      'unevaluatedProperties',
      'unevaluatedItems',
      'contains',
      'minContains',
      'maxContains',
      'uniqueItems',
      'minProperties',
      'maxProperties',
    ],
    {
      severity: 'error',
      reason: 'is not on the supported keyword list of Anthropic strict tool use',
    },
  ),
};

/** What Gemini `responseJsonSchema` honours; other keywords are ignored (annotations aside). */
export const GEMINI_HONOURED_KEYWORDS = Object.freeze(
  new Set([
    '$id',
    '$defs',
    '$ref',
    '$anchor',
    'type',
    'format',
    'title',
    'description',
    'enum',
    'items',
    'prefixItems',
    'minItems',
    'maxItems',
    'minimum',
    'maximum',
    'anyOf',
    'oneOf',
    'properties',
    'additionalProperties',
    'required',
    'propertyOrdering',
  ]),
);
/** Keywords that never constrain output, so Gemini ignoring them loses nothing. */
export const ANNOTATION_KEYWORDS = Object.freeze(
  new Set([
    '$schema',
    '$comment',
    'examples',
    'deprecated',
    'readOnly',
    'writeOnly',
    'definitions',
  ]),
);

/**
 * The fields of Gemini's `responseSchema` (the Vertex AI `Schema` object, an OpenAPI 3.0
 * subset); any other field is rejected. `anyOf`, numeric and length bounds and `pattern` are
 * Vertex additions.
 */
export const GEMINI_RESPONSE_SCHEMA_FIELDS = Object.freeze(
  new Set([
    'type',
    'format',
    'title',
    'description',
    'nullable',
    'default',
    'example',
    'items',
    'minItems',
    'maxItems',
    'enum',
    'properties',
    'propertyOrdering',
    'required',
    'minProperties',
    'maxProperties',
    'minimum',
    'maximum',
    'minLength',
    'maxLength',
    'pattern',
    'anyOf',
  ]),
);
