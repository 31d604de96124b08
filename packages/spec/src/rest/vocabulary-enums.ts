import { z } from 'zod';

// The REST contract's view of the vocabulary. When the vocabulary files of `@llmsr/spec` land,
// these become `z.enum(SCHEMA_TYPES)` etc. over those consts (one definition of each list).

/** Schema formats: JSON Schema, Avro, Protobuf. */
export const SchemaTypeEnum = z
  .enum(['JSON', 'AVRO', 'PROTOBUF'])
  .meta({ id: 'SchemaType', description: 'Schema format' });

/** Compatibility levels. */
export const CompatibilityLevelEnum = z
  .enum([
    'NONE',
    'BACKWARD',
    'BACKWARD_TRANSITIVE',
    'FORWARD',
    'FORWARD_TRANSITIVE',
    'FULL',
    'FULL_TRANSITIVE',
  ])
  .meta({ id: 'CompatibilityLevel', description: 'Compatibility level' });
