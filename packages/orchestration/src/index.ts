/**
 * `@llmsr/orchestration`: process states, validated messages and schema-checked pipelines with
 * retries, timeouts, fallbacks and checkpoints. Stands alone over a pluggable
 * {@link SchemaResolver}; core adapts it to registered subjects.
 *
 * @packageDocumentation
 */

export { type Clock, createVirtualClock, systemClock, type VirtualClock } from './clock.js';
export { createInlineSchemaResolver, type InlineSchemas } from './create-inline-schema-resolver.js';
export {
  type CreateRunnerOptions,
  createRunner,
  type RunHandle,
  type Runner,
  type StartOptions,
} from './create-runner.js';
export {
  type ConfigProblem,
  createHandlerRegistry,
  definitionChecksFor,
  type HandlerContext,
  type HandlerRegistry,
  type StageHandler,
} from './handler-registry.js';
export {
  type BuiltinHandlerOptions,
  createBuiltinHandlers,
} from './handlers/create-builtin-handlers.js';
export { HandlerError } from './handlers/handler-error.js';
export {
  createHttpRequestHandler,
  HTTP_REQUEST_LIMITS,
  type HttpRequestHandlerOptions,
} from './handlers/http-request.js';
export { createJsonTransformHandler, JSON_TRANSFORM_LIMITS } from './handlers/json-transform.js';
export { createLlmChatHandler, type LlmChatHandlerOptions } from './handlers/llm-chat.js';
export { createSchemaValidateHandler } from './handlers/schema-validate.js';
export {
  createMessageValidator,
  MESSAGE_TYPES,
  type Message,
  type MessageInput,
  type MessageType,
  type MessageValidator,
  type MessageValidatorOptions,
} from './message.js';
export { DEFAULT_MESSAGE_PAYLOAD_SCHEMAS } from './message-payload-schemas.js';
export {
  type ErrorInfo,
  errorTypeOf,
  ORCHESTRATION_ERROR_CODES,
  OrchestrationError,
  type OrchestrationErrorCode,
  type OrchestrationOnlyCode,
  toErrorInfo,
} from './orchestration-error.js';
export {
  type Connection,
  DEFAULT_RETRY_POLICY,
  ERROR_HANDLING_MODES,
  type ErrorHandlingMode,
  EXECUTION_STRATEGIES,
  type ExecutionStrategy,
  type HandlerCall,
  PIPELINE_LIMITS,
  type PipelineDefinition,
  type RetryPolicy,
  type StageDefinition,
} from './pipeline-definition.js';
export type { PipelineProblem } from './pipeline-problem.js';
export {
  createInMemoryPipelineStore,
  type InMemoryPipelineStoreOptions,
  type PipelineStore,
  type StoredPipeline,
} from './pipeline-store.js';
export { isPreparedPipeline, type PreparedPipeline, preparePipeline } from './prepare-pipeline.js';
export {
  isProcessStatus,
  isProcessType,
  PROCESS_STATUSES,
  PROCESS_TRANSITIONS,
  PROCESS_TYPES,
  type Process,
  type ProcessStatus,
  type ProcessType,
  type TransitionRequest,
  transitionProcess,
} from './process-state.js';
export {
  type CreateProcessInput,
  createInMemoryProcessStore,
  type InMemoryProcessStoreOptions,
  type ProcessStore,
} from './process-store.js';
export { retryDelayMs } from './retry-policy.js';
export { createEventChannel, type EventChannel, type RunEvent } from './run-event.js';
export type { RunPatch, RunRecord, RunStatus, StageRecord, StageStatus } from './run-record.js';
export { createInMemoryRunStore, type ListRunsFilter, type RunStore } from './run-store.js';
export {
  type DataProblem,
  type DataValidation,
  formatSchemaRef,
  type ResolvedSchema,
  type SchemaRef,
  type SchemaResolver,
} from './schema-resolver.js';
export type { StreamOptions } from './stream-pipeline.js';
export {
  type PipelineValidation,
  type ValidatePipelineOptions,
  validatePipeline,
  validatePipelineOrThrow,
} from './validate-pipeline.js';
