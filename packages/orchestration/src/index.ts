/**
 * `@llmsr/orchestration`: process states, validated messages and schema-checked pipelines with
 * retries, timeouts, fallbacks and checkpoints. Stands alone over a pluggable
 * {@link SchemaResolver}; core adapts it to registered subjects.
 *
 * @packageDocumentation
 */

export { createInlineSchemaResolver, type InlineSchemas } from './create-inline-schema-resolver.js';
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
export {
  type DataProblem,
  type DataValidation,
  formatSchemaRef,
  type ResolvedSchema,
  type SchemaRef,
  type SchemaResolver,
} from './schema-resolver.js';
