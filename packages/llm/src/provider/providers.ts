/**
 * The providers whose structured-output JSON Schema subsets {@link lintForProvider} and
 * {@link toProviderSchema} know: OpenAI strict structured outputs (current limits), the Azure
 * OpenAI variant (older limits and keyword exclusions), Anthropic tool input schemas with strict
 * tool use, and Google Gemini `responseJsonSchema`.
 */
export const PROVIDERS = Object.freeze(['openai', 'azure-openai', 'anthropic', 'gemini'] as const);

/** One of the {@link PROVIDERS}. */
export type Provider = (typeof PROVIDERS)[number];

/**
 * True when `value` names one of the {@link PROVIDERS}.
 *
 * @example
 * ```ts
 * isProvider('openai'); // true
 * isProvider('mistral'); // false
 * ```
 */
export function isProvider(value: unknown): value is Provider {
  return typeof value === 'string' && (PROVIDERS as readonly string[]).includes(value);
}
