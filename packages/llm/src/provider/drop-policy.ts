import { ANNOTATION_KEYWORDS, OPENAI_FINE_TUNE_EXCLUDED } from './provider-keywords.ts';
import type { ProviderProfile } from './provider-profile.ts';

/** Keywords every provider keeps: they never change what output is valid, or are handled apart. */
const ALWAYS_KEPT = new Set([
  'description',
  'title',
  '$defs',
  'definitions',
  '$ref',
  '$id',
  '$schema',
  '$comment',
]);

/** Why a keyword cannot go to the provider, or `undefined` when it can stay. */
export function dropReason(
  profile: ProviderProfile,
  keyword: string,
  value: unknown,
  fineTuned: boolean,
): string | undefined {
  if (profile.allowedKeywords !== undefined) {
    if (
      keyword === 'enum' &&
      Array.isArray(value) &&
      value.some((v) => typeof v !== 'string' && v !== null)
    ) {
      return `${profile.label} takes string enums only`;
    }
    return profile.allowedKeywords.has(keyword) ? undefined : `not a field of ${profile.label}`;
  }
  if (ALWAYS_KEPT.has(keyword)) return undefined;
  if (
    fineTuned &&
    profile.provider !== 'anthropic' &&
    profile.provider !== 'gemini' &&
    OPENAI_FINE_TUNE_EXCLUDED.includes(keyword)
  ) {
    return 'not supported for fine-tuned models';
  }
  const policy = profile.keywords[keyword];
  if (policy !== undefined && keyword !== 'oneOf') return policy.reason;
  if (
    keyword === 'format' &&
    typeof value === 'string' &&
    profile.formats !== undefined &&
    !profile.formats.has(value)
  ) {
    return `format "${value}" is not supported by ${profile.label}`;
  }
  if (profile.provider === 'anthropic') {
    if (keyword === 'minItems' && typeof value === 'number' && value > 1)
      return 'minItems above 1 is not supported';
    if (
      keyword === 'pattern' &&
      typeof value === 'string' &&
      /\\[1-9]|\\k<|\(\?<?[=!]|\\[bB]/.test(value)
    ) {
      return 'only simple patterns are supported';
    }
  }
  if (
    profile.honouredKeywords !== undefined &&
    !profile.honouredKeywords.has(keyword) &&
    !ANNOTATION_KEYWORDS.has(keyword)
  ) {
    return `ignored by ${profile.label}`;
  }
  return undefined;
}
