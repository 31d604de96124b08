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

/** Registry modes. */
export const ModeEnum = z
  .enum(['READWRITE', 'READONLY', 'READONLY_OVERRIDE', 'IMPORT'])
  .meta({ id: 'Mode', description: 'Registry mode' });

/** Compatibility policies (Confluent's names). */
export const CompatibilityPolicyEnum = z.enum(['STRICT', 'LENIENT'], {
  error: 'must be one of STRICT, LENIENT',
});

/** JSON Schema drafts a schema without `$schema` can be read as. */
export const JsonSchemaDraftEnum = z.enum(
  ['draft-04', 'draft-06', 'draft-07', '2019-09', '2020-12'],
  {
    error: 'must be one of draft-04, draft-06, draft-07, 2019-09, 2020-12',
  },
);
