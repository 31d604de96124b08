import {
  ANTHROPIC_UNSUPPORTED,
  AZURE_EXCLUDED,
  GEMINI_HONOURED_KEYWORDS,
  GEMINI_RESPONSE_SCHEMA_FIELDS,
  OPENAI_UNSUPPORTED,
  policies,
} from './provider-keywords.ts';
import type { Provider } from './providers.ts';

/** How a provider treats one JSON Schema keyword it does not support. */
export interface KeywordPolicy {
  readonly severity: 'error' | 'warning';
  readonly reason: string;
  /** The provider's own words, where the reference quotes them. */
  readonly providerMessage?: string;
}

/** Size limits of a provider, counted as documented on {@link lintForProvider}. */
export interface ProviderLimits {
  readonly maxProperties?: number;
  readonly maxNestingDepth?: number;
  readonly maxTotalStringLength?: number;
  readonly maxEnumValues?: number;
  /** A single string enum with more values than this must fit in `largeEnumMaxLength` characters. */
  readonly largeEnumThreshold?: number;
  readonly largeEnumMaxLength?: number;
  readonly maxOptionalParameters?: number;
  readonly maxUnionParameters?: number;
  readonly maxItemsSum?: number;
}

/** Everything the lint and the transform know about one provider's schema subset. */
export interface ProviderProfile {
  readonly provider: Provider;
  readonly label: string;
  readonly rootMustBeObject: boolean;
  readonly rootAnyOfForbidden: boolean;
  readonly closedObjects: boolean;
  readonly allPropertiesRequired: boolean;
  readonly recursion: 'allowed' | 'forbidden' | 'optional-properties-only';
  readonly refSiblingsForbidden: boolean;
  readonly enumValues: 'any' | 'primitives' | 'strings-and-numbers' | 'strings';
  /** Keywords outside this set are ignored by the provider (a warning; the transform moves them). */
  readonly honouredKeywords?: ReadonlySet<string>;
  /**
   * Keywords outside this set are rejected (an error; the transform moves them, and inlines
   * `$ref`s, since such a provider has no references).
   */
  readonly allowedKeywords?: ReadonlySet<string>;
  /** `null` is written `nullable: true` (OpenAPI 3.0), not as a type. */
  readonly nullableKeyword?: boolean;
  readonly types: ReadonlySet<string>;
  /** Supported `format` values; `undefined` accepts any. */
  readonly formats: ReadonlySet<string> | undefined;
  readonly formatSeverity: 'error' | 'warning';
  readonly keywords: Readonly<Record<string, KeywordPolicy>>;
  readonly limits: ProviderLimits;
  readonly namePattern: RegExp;
  readonly nameRuleText: string;
}

const ALL_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);
const OPENAI_FORMATS = new Set([
  'date-time',
  'time',
  'date',
  'duration',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'uuid',
]);
const ANTHROPIC_FORMATS = new Set([...OPENAI_FORMATS, 'uri']);

const NAME_64 = /^[a-zA-Z0-9_-]{1,64}$/;

const OPENAI_LIMITS: ProviderLimits = {
  maxProperties: 5000,
  maxNestingDepth: 10,
  maxTotalStringLength: 120_000,
  maxEnumValues: 1000,
  largeEnumThreshold: 250,
  largeEnumMaxLength: 15_000,
};
const AZURE_LIMITS: ProviderLimits = {
  maxProperties: 100,
  maxNestingDepth: 5,
  maxTotalStringLength: 15_000,
  maxEnumValues: 500,
  largeEnumThreshold: 250,
  largeEnumMaxLength: 7_500,
};

const openai: ProviderProfile = {
  provider: 'openai',
  label: 'OpenAI strict structured outputs',
  rootMustBeObject: true,
  rootAnyOfForbidden: true,
  closedObjects: true,
  allPropertiesRequired: true,
  recursion: 'allowed',
  refSiblingsForbidden: false,
  enumValues: 'any',
  types: ALL_TYPES,
  formats: OPENAI_FORMATS,
  formatSeverity: 'error',
  keywords: OPENAI_UNSUPPORTED,
  limits: OPENAI_LIMITS,
  namePattern: NAME_64,
  nameRuleText: 'a-z, A-Z, 0-9, _ and -, at most 64 characters',
};

/** The built-in provider profiles. */
export const PROVIDER_PROFILES: Readonly<Record<Provider, ProviderProfile>> = Object.freeze({
  openai,
  'azure-openai': {
    ...openai,
    provider: 'azure-openai',
    label: 'Azure OpenAI structured outputs',
    keywords: {
      ...OPENAI_UNSUPPORTED,
      ...policies(AZURE_EXCLUDED, {
        severity: 'error',
        reason: 'is documented as unsupported by Azure OpenAI structured outputs',
      }),
    },
    limits: AZURE_LIMITS,
  },
  anthropic: {
    provider: 'anthropic',
    label: 'Anthropic strict tool use',
    rootMustBeObject: true,
    rootAnyOfForbidden: false,
    closedObjects: true,
    allPropertiesRequired: false,
    recursion: 'forbidden',
    refSiblingsForbidden: false,
    enumValues: 'primitives',
    types: ALL_TYPES,
    formats: ANTHROPIC_FORMATS,
    formatSeverity: 'error',
    keywords: ANTHROPIC_UNSUPPORTED,
    limits: { maxOptionalParameters: 24, maxUnionParameters: 16 },
    namePattern: NAME_64,
    nameRuleText: 'a-z, A-Z, 0-9, _ and -, at most 64 characters (128 observed)',
  },
  gemini: {
    provider: 'gemini',
    label: 'Gemini responseJsonSchema',
    rootMustBeObject: false,
    rootAnyOfForbidden: false,
    closedObjects: false,
    allPropertiesRequired: false,
    recursion: 'optional-properties-only',
    refSiblingsForbidden: true,
    enumValues: 'strings-and-numbers',
    types: ALL_TYPES,
    formats: undefined,
    formatSeverity: 'warning',
    keywords: {},
    honouredKeywords: GEMINI_HONOURED_KEYWORDS,
    limits: { maxItemsSum: 960 },
    namePattern: /^[a-zA-Z_][a-zA-Z0-9_.-]{0,63}$/,
    nameRuleText:
      'starts with a letter or _, then a-z, A-Z, 0-9, _, . and -, at most 64 characters',
  },
});

/**
 * Gemini's older `responseSchema` field: an OpenAPI 3.0 Schema subset (`nullable` instead of a
 * `null` type, no `$ref`, string enums, unknown fields rejected). Selected with
 * `target: 'responseSchema'` on the gemini provider.
 */
export const GEMINI_RESPONSE_SCHEMA_PROFILE: ProviderProfile = Object.freeze({
  ...PROVIDER_PROFILES.gemini,
  label: 'Gemini responseSchema',
  recursion: 'forbidden',
  refSiblingsForbidden: false,
  enumValues: 'strings',
  honouredKeywords: undefined,
  allowedKeywords: GEMINI_RESPONSE_SCHEMA_FIELDS,
  nullableKeyword: true,
});
