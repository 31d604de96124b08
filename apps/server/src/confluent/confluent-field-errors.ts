import { ConfluentError } from './confluent-error.js';

const INVALID_LEVEL =
  'Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive';
const INVALID_MODE =
  'Invalid mode. Valid values are READWRITE, READONLY, READONLY_OVERRIDE and IMPORT.';

/** What a refused field answers. */
type FieldError = () => ConfluentError;

const typed =
  (code: number, field: string, type: string): FieldError =>
  () =>
    new ConfluentError(code, `\`${field}\` must be ${type}`);

/**
 * The Confluent error of each request body field the REST schemas refuse, by field name: one
 * table, so a body refused by `@llmsr/spec/rest` answers Confluent's code and message.
 */
export const CONFLUENT_FIELD_ERRORS: Record<string, FieldError> = {
  schema: () => new ConfluentError(42201, 'Empty schema: `schema` must be a non-empty string'),
  schemaType: () => new ConfluentError(42201, 'Invalid schema type: `schemaType` must be a string'),
  metadata: typed(422, 'metadata', 'a JSON object'),
  ruleSet: typed(42210, 'ruleSet', 'a JSON object'),
  id: typed(422, 'id', 'an integer'),
  version: typed(422, 'version', 'an integer'),
  compatibility: () => new ConfluentError(42203, INVALID_LEVEL),
  compatibilityLevel: () => new ConfluentError(42203, INVALID_LEVEL),
  mode: () => new ConfluentError(42204, INVALID_MODE),
  alias: typed(422, 'alias', 'a string'),
  normalize: typed(422, 'normalize', 'a boolean'),
  validateFields: typed(422, 'validateFields', 'a boolean'),
  validateNewSchemas: typed(422, 'validateNewSchemas', 'a boolean'),
  validateRules: typed(422, 'validateRules', 'a boolean'),
  compatibilityPolicy: typed(422, 'compatibilityPolicy', 'a string'),
  compatibilityGroup: typed(422, 'compatibilityGroup', 'a string'),
  jsonSchemaDefaultDraft: typed(422, 'jsonSchemaDefaultDraft', 'a string'),
  defaultMetadata: typed(422, 'defaultMetadata', 'a JSON object'),
  overrideMetadata: typed(422, 'overrideMetadata', 'a JSON object'),
  defaultRuleSet: typed(42210, 'defaultRuleSet', 'a JSON object'),
  overrideRuleSet: typed(42210, 'overrideRuleSet', 'a JSON object'),
};

/** The Confluent error of a refused body field (422 naming it when the table has no entry). */
export function confluentFieldError(field: string): ConfluentError {
  const entry = Object.hasOwn(CONFLUENT_FIELD_ERRORS, field)
    ? CONFLUENT_FIELD_ERRORS[field]
    : undefined;
  return entry ? entry() : new ConfluentError(422, `\`${field}\` is invalid`);
}
