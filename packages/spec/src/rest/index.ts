/**
 * `@llmsr/spec/rest`: the request and response schemas of the native REST API (zod v4). The
 * server validates requests and generates its OpenAPI document from them; clients take their
 * types from them (`import type`, so they load no zod at runtime).
 *
 * @packageDocumentation
 */
export * from './confluent/index.js';
export { ErrorBody } from './error-body.js';
export { fieldError } from './field-error.js';
export { optionalField } from './optional-field.js';
export { RegisterRequest } from './register-request.js';
export { RootBody } from './root-body.js';
export {
  booleanField,
  positiveIntegerField,
  stringField,
  stringOrIntegerField,
} from './scalar-fields.js';
export { SchemaBody } from './schema-body.js';
export { SchemaReference } from './schema-reference.js';
export {
  Metadata,
  RegisterResponse,
  SchemaContent,
  SchemaVersionBody,
} from './schema-version-body.js';
export { CompatibilityLevelEnum, SchemaTypeEnum } from './vocabulary-enums.js';
