import {
  adapterVariable,
  DEFAULT_MODELS,
  DEFAULT_PROVIDERS,
  type ModelProfile,
  maxTokensVariable,
  modelVariable,
  type ProviderProfile,
  providerModelConstraints,
  providerTemperatureVariable,
  providerVariable,
  reasoningStrategyVariable,
  topPVariable,
} from './ml-variables.js';
import { parseSpace } from './parse-space.js';
import type { VariableSpace } from './space.js';
import { guard } from './variable-space-error.js';

/** Options of {@link createLlmSpace}. */
export interface LlmSpaceOptions {
  id?: string;
  name?: string;
  providers?: readonly ProviderProfile[];
  models?: readonly ModelProfile[];
}

/**
 * A ready-made space for an LLM program: provider, model (constrained by provider), adapter,
 * reasoning strategy, provider-dependent temperature, max tokens and top_p, with
 * `temperature <= 1.0 when reasoning == 'chain_of_thought'`.
 *
 * @example
 * const space = createLlmSpace();
 * const configs = sample(space, { count: 20, seed: 1 });
 */
export function createLlmSpace(options: LlmSpaceOptions = {}): VariableSpace {
  return guard('createLlmSpace', () => buildLlmSpace(options));
}

function buildLlmSpace(options: LlmSpaceOptions): VariableSpace {
  const models = options.models ?? DEFAULT_MODELS;
  return parseSpace({
    id: options.id ?? 'llm-program',
    name: options.name ?? 'LLM program',
    variables: [
      providerVariable(options.providers ?? DEFAULT_PROVIDERS),
      modelVariable(models),
      adapterVariable(),
      reasoningStrategyVariable(),
      providerTemperatureVariable(),
      maxTokensVariable(),
      topPVariable(),
    ],
    dependencies: { model: ['provider'], temperature: ['provider', 'reasoning'] },
    constraints: [
      ...providerModelConstraints(models),
      {
        name: 'cot-temperature',
        description: 'chain of thought runs cool',
        rule: "temperature <= 1.0 when reasoning == 'chain_of_thought'",
      },
    ],
    optimization: {
      objectives: [
        { metric: 'accuracy', direction: 'maximize', weight: 3 },
        { metric: 'cost', direction: 'minimize', weight: 1 },
        { metric: 'latency', direction: 'minimize', weight: 1 },
      ],
    },
  });
}
