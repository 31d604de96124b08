import { readModelProfiles, readProviderProfiles } from './read-profiles.js';
import type { SpaceConstraint } from './space.js';
import type {
  ChoiceVariable,
  ConditionalVariable,
  FloatVariable,
  IntegerVariable,
  JsonObject,
  ModuleVariable,
} from './variable.js';

/** A provider with relative (0..1) cost and performance weights for multi-objective search. */
export interface ProviderProfile {
  name: string;
  cost: number;
  performance: number;
}

/** A model and the provider that serves it. */
export interface ModelProfile {
  name: string;
  provider: string;
}

/** Illustrative defaults: the weights are relative placeholders, not measured prices. */
export const DEFAULT_PROVIDERS: readonly ProviderProfile[] = [
  { name: 'openai', cost: 0.7, performance: 0.9 },
  { name: 'anthropic', cost: 0.8, performance: 0.9 },
  { name: 'google', cost: 0.5, performance: 0.8 },
  { name: 'groq', cost: 0.2, performance: 0.7 },
  { name: 'mistral', cost: 0.4, performance: 0.7 },
];

/** Illustrative models per provider; pass your own list for real use. */
export const DEFAULT_MODELS: readonly ModelProfile[] = [
  { name: 'gpt-4o', provider: 'openai' },
  { name: 'gpt-4o-mini', provider: 'openai' },
  { name: 'claude-sonnet', provider: 'anthropic' },
  { name: 'claude-haiku', provider: 'anthropic' },
  { name: 'gemini-flash', provider: 'google' },
  { name: 'llama-3.3-70b', provider: 'groq' },
  { name: 'mixtral-8x7b', provider: 'groq' },
  { name: 'mistral-large', provider: 'mistral' },
];

const base = { metadata: {}, hints: {} };

/** The LLM provider, with `{ weights: { <provider>: { cost, performance } } }` in metadata. */
export function providerVariable(
  given: readonly ProviderProfile[] = DEFAULT_PROVIDERS,
): ChoiceVariable {
  const providers = readProviderProfiles(given);
  const weights: JsonObject = {};
  for (const p of providers) weights[p.name] = { cost: p.cost, performance: p.performance };
  return {
    ...base,
    name: 'provider',
    kind: 'choice',
    description: 'LLM provider',
    values: providers.map((p) => p.name),
    default: providers[0]?.name ?? '',
    metadata: { weights },
    hints: { priority: 10 },
  };
}

/** The model, with `{ providers: { <model>: <provider> } }` in metadata; pair it with {@link providerModelConstraints}. */
export function modelVariable(given: readonly ModelProfile[] = DEFAULT_MODELS): ChoiceVariable {
  const models = readModelProfiles(given);
  // Model names are free strings (they may even be "__proto__"), so define rather than assign.
  const providers: JsonObject = {};
  for (const m of models)
    Object.defineProperty(providers, m.name, {
      value: m.provider,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return {
    ...base,
    name: 'model',
    kind: 'choice',
    description: 'Model name',
    values: models.map((m) => m.name),
    default: models[0]?.name ?? '',
    metadata: { providers },
    hints: { priority: 9 },
  };
}

/** One constraint per provider: `provider == p => model in [models of p]`. */
export function providerModelConstraints(
  given: readonly ModelProfile[] = DEFAULT_MODELS,
): SpaceConstraint[] {
  const models = readModelProfiles(given);
  const byProvider = new Map<string, string[]>();
  for (const m of models)
    byProvider.set(m.provider, [...(byProvider.get(m.provider) ?? []), m.name]);
  return [...byProvider].map(([provider, names]) => ({
    name: `model-for-${provider}`,
    description: `${provider} serves only ${names.join(', ')}`,
    rule: {
      when: { var: 'provider', eq: provider },
      // biome-ignore lint/suspicious/noThenProperty: {when, then} is the constraint AST
      then: { var: 'model', in: names },
    },
  }));
}

/** How prompts and outputs are formatted (DSPy-style adapters). */
export function adapterVariable(): ModuleVariable {
  return {
    ...base,
    name: 'adapter',
    kind: 'module',
    description: 'Prompt and output format adapter',
    behaviour: 'adapter',
    implementations: ['chat', 'json', 'xml'].map((name) => ({
      name,
      behaviours: ['adapter'],
      metadata: {},
    })),
    default: 'chat',
  };
}

/** The reasoning strategy. */
export function reasoningStrategyVariable(): ChoiceVariable {
  return {
    ...base,
    name: 'reasoning',
    kind: 'choice',
    description: 'Reasoning strategy',
    values: ['direct', 'chain_of_thought', 'react', 'self_consistency'],
    default: 'direct',
  };
}

/** Sampling temperature, 0..2, default 0.7. */
export function temperatureVariable(): FloatVariable {
  return {
    ...base,
    name: 'temperature',
    kind: 'float',
    description: 'Sampling temperature',
    min: 0,
    max: 2,
    precision: 0.01,
    log: false,
    default: 0.7,
  };
}

/**
 * Temperature whose range depends on the provider: Anthropic accepts 0..1, the others 0..2
 * (a conditional variable; its default is 0.7 everywhere).
 */
export function providerTemperatureVariable(): ConditionalVariable {
  return {
    ...base,
    name: 'temperature',
    kind: 'conditional',
    description: 'Sampling temperature, range by provider',
    cases: [
      {
        when: { var: 'provider', eq: 'anthropic' },
        domain: { kind: 'float', min: 0, max: 1, precision: 0.01, log: false, default: 0.7 },
      },
    ],
    fallback: { kind: 'float', min: 0, max: 2, precision: 0.01, log: false, default: 0.7 },
  };
}

/** Maximum output tokens, 1..32768 on a log scale, default 1024. */
export function maxTokensVariable(): IntegerVariable {
  return {
    ...base,
    name: 'max_tokens',
    kind: 'integer',
    description: 'Maximum output tokens',
    min: 1,
    max: 32_768,
    step: 1,
    log: true,
    default: 1024,
  };
}

/** Nucleus sampling, 0..1, default 1. */
export function topPVariable(): FloatVariable {
  return {
    ...base,
    name: 'top_p',
    kind: 'float',
    description: 'Nucleus sampling probability mass',
    min: 0,
    max: 1,
    precision: 0.01,
    log: false,
    default: 1,
  };
}
