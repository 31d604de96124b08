/**
 * The request and response schemas of the Confluent-compatible API (Confluent's camelCase
 * field names, its `{ error_code, message }` error body).
 * @module
 */
export { ConfluentCompatibilityResponse } from './confluent-compatibility.js';
export {
  CONFLUENT_CONFIG_FIELDS,
  ConfluentConfig,
  ConfluentConfigRequest,
  ConfluentConfigUpdate,
} from './confluent-config.js';
export { ConfluentMetadata, ConfluentRuleSet } from './confluent-data-contract.js';
export { ConfluentErrorBody } from './confluent-error-body.js';
export { ConfluentMode, ConfluentModeRequest } from './confluent-mode.js';
export { ConfluentRegisterRequest } from './confluent-register-request.js';
export {
  ConfluentRegisterResponse,
  ConfluentSchema,
  ConfluentSchemaById,
  ConfluentSubjectVersion,
} from './confluent-schema.js';
