import type { PipelineDefinition } from './pipeline-definition.js';
import type { StageGraph } from './stage-graph.js';
import { type ValidatePipelineOptions, validatePipelineOrThrow } from './validate-pipeline.js';

const PREPARED = Symbol('llmsr.preparedPipeline');

/** A validated pipeline with its graph, reusable across runs without validating again. */
export interface PreparedPipeline {
  readonly [PREPARED]: true;
  readonly pipeline: PipelineDefinition;
  readonly graph: StageGraph;
}

/**
 * Validates a definition once (throwing `INVALID_PIPELINE` with every problem) for many runs.
 *
 * @example
 * ```ts
 * const prepared = preparePipeline(definition, definitionChecksFor(handlers));
 * await runner.run(prepared, input);
 * ```
 */
export function preparePipeline(
  definition: unknown,
  options: ValidatePipelineOptions = {},
): PreparedPipeline {
  if (isPreparedPipeline(definition)) return definition;
  const { pipeline, graph } = validatePipelineOrThrow(definition, options);
  return Object.freeze({ [PREPARED]: true as const, pipeline, graph });
}

/** True when `value` came from {@link preparePipeline}. */
export function isPreparedPipeline(value: unknown): value is PreparedPipeline {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { [PREPARED]?: true })[PREPARED] === true
  );
}
