import type { StagePlan } from './execute-stage.js';
import type { HandlerRegistry } from './handler-registry.js';
import { OrchestrationError } from './orchestration-error.js';
import {
  DEFAULT_RETRY_POLICY,
  type PipelineDefinition,
  type RetryPolicy,
} from './pipeline-definition.js';
import { formatSchemaRef, type SchemaRef, type SchemaResolver } from './schema-resolver.js';

/** No retries: one attempt. */
const SINGLE_ATTEMPT: RetryPolicy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 1 };

/**
 * Resolves every stage's handlers and schemas before anything runs, so a missing handler or
 * schema fails the run up front (naming the stage and side) instead of halfway through.
 */
export async function planStages(
  pipeline: PipelineDefinition,
  handlers: HandlerRegistry,
  resolver: SchemaResolver,
): Promise<StagePlan[]> {
  const cache = new Map<string, ReturnType<SchemaResolver['resolveSchema']>>();
  async function resolve(ref: SchemaRef, stageId: string, side: 'input' | 'output') {
    const key = `${ref.subject}\u0000${ref.version}`;
    let pending = cache.get(key);
    if (!pending) {
      pending = resolver.resolveSchema(ref);
      cache.set(key, pending);
    }
    const resolved = await pending;
    if (!resolved) {
      throw new OrchestrationError(
        'SCHEMA_NOT_FOUND',
        `stage ${stageId} ${side} schema ${formatSchemaRef(ref)} was not found`,
        {
          stageId,
          side,
          schema: ref,
        },
      );
    }
    return resolved;
  }
  const plans: StagePlan[] = [];
  for (const stage of pipeline.stages) {
    const plan: StagePlan = {
      stage,
      handler: handlerOrThrow(handlers, stage.handler, stage.id),
      policy:
        stage.retry ??
        (pipeline.error_handling === 'retry'
          ? (pipeline.retry ?? DEFAULT_RETRY_POLICY)
          : SINGLE_ATTEMPT),
    };
    if (stage.fallback)
      plan.fallbackHandler = handlerOrThrow(handlers, stage.fallback.handler, stage.id);
    if (stage.input_schema) plan.inputSchema = await resolve(stage.input_schema, stage.id, 'input');
    if (stage.output_schema)
      plan.outputSchema = await resolve(stage.output_schema, stage.id, 'output');
    plans.push(plan);
  }
  return plans;
}

function handlerOrThrow(handlers: HandlerRegistry, name: string, stageId: string) {
  const handler = handlers.get(name);
  if (!handler) {
    throw new OrchestrationError(
      'UNKNOWN_HANDLER',
      `stage ${stageId} uses handler ${name}, which is not registered`,
      {
        stageId,
        handler: name,
      },
    );
  }
  return handler;
}
