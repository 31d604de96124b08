import { z } from 'zod';
import {
  COMPATIBILITY_LEVELS,
  COMPATIBILITY_POLICIES,
  JSON_SCHEMA_DRAFTS,
  REGISTRY_MODES,
  SCHEMA_TYPES,
} from '../index.js';

// The REST contract's view of the vocabulary: each list is the const of the root `@llmsr/spec`
// entry, so a new level or mode reaches the validators and the OpenAPI document at once.

/** The message of a value outside a closed list, naming every allowed value. */
const oneOf = (values: readonly string[]) => `must be one of ${values.join(', ')}`;

/** Schema formats: JSON Schema, Avro, Protobuf. */
export const SchemaTypeEnum = z
  .enum(SCHEMA_TYPES)
  .meta({ id: 'SchemaType', description: 'Schema format' });

/** Compatibility levels. */
export const CompatibilityLevelEnum = z
  .enum(COMPATIBILITY_LEVELS)
  .meta({ id: 'CompatibilityLevel', description: 'Compatibility level' });

/** Registry modes. */
export const ModeEnum = z.enum(REGISTRY_MODES).meta({ id: 'Mode', description: 'Registry mode' });

/** Compatibility policies (Confluent's names). */
export const CompatibilityPolicyEnum = z.enum(COMPATIBILITY_POLICIES, {
  error: oneOf(COMPATIBILITY_POLICIES),
});

/** JSON Schema drafts a schema without `$schema` can be read as. */
export const JsonSchemaDraftEnum = z.enum(JSON_SCHEMA_DRAFTS, {
  error: oneOf(JSON_SCHEMA_DRAFTS),
});
