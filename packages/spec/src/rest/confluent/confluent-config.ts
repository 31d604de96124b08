import { z } from 'zod';

/**
 * Confluent's config fields the registry stores and returns as given, with their JSON types.
 * `compatibilityPolicy` and `jsonSchemaDefaultDraft` are also acted on (and checked) by the registry.
 */
const configFields = {
  alias: z.string(),
  normalize: z.boolean(),
  validateFields: z.boolean(),
  validateNewSchemas: z.boolean(),
  validateRules: z.boolean(),
  compatibilityPolicy: z.string().meta({ description: 'STRICT or LENIENT (JSON Schema)' }),
  compatibilityGroup: z.string(),
  jsonSchemaDefaultDraft: z
    .string()
    .meta({ description: 'Draft of a JSON Schema without $schema', example: 'draft-07' }),
  defaultMetadata: z.record(z.string(), z.unknown()),
  overrideMetadata: z.record(z.string(), z.unknown()),
  defaultRuleSet: z.record(z.string(), z.unknown()),
  overrideRuleSet: z.record(z.string(), z.unknown()),
};

/** The names of {@link configFields}, the Confluent config fields kept as config extras. */
export const CONFLUENT_CONFIG_FIELDS = Object.keys(configFields) as (keyof typeof configFields)[];

const nullable = <T extends z.ZodType>(schema: T) =>
  schema.nullish().transform((value) => value ?? undefined);

const level = z.string().meta({
  description:
    'NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE',
  example: 'BACKWARD',
});

/** The body of `PUT /config[/{subject}]`; absent or null fields are left as they are. */
export const ConfluentConfigRequest = z
  .object({
    compatibility: nullable(level),
    compatibilityLevel: nullable(level).meta({ description: 'Alias of `compatibility`' }),
    alias: nullable(configFields.alias),
    normalize: nullable(configFields.normalize),
    validateFields: nullable(configFields.validateFields),
    validateNewSchemas: nullable(configFields.validateNewSchemas),
    validateRules: nullable(configFields.validateRules),
    compatibilityPolicy: nullable(configFields.compatibilityPolicy),
    compatibilityGroup: nullable(configFields.compatibilityGroup),
    jsonSchemaDefaultDraft: nullable(configFields.jsonSchemaDefaultDraft),
    defaultMetadata: nullable(configFields.defaultMetadata),
    overrideMetadata: nullable(configFields.overrideMetadata),
    defaultRuleSet: nullable(configFields.defaultRuleSet),
    overrideRuleSet: nullable(configFields.overrideRuleSet),
  })
  .meta({ id: 'ConfluentConfigRequest', description: 'Config fields to set' });

/** The body of `PUT /config[/{subject}]` as a client sends it. */
export type ConfluentConfigRequest = z.input<typeof ConfluentConfigRequest>;

/** A config as `GET`/`DELETE /config[/{subject}]` answer it. */
export const ConfluentConfig = z
  .object({ compatibilityLevel: level.optional(), ...partial(configFields) })
  .meta({ id: 'ConfluentConfig', description: 'Compatibility level and config fields' });

/** What `PUT /config[/{subject}]` answers: the level (as `compatibility`) and the fields set. */
export const ConfluentConfigUpdate = z
  .object({ compatibility: level.optional(), ...partial(configFields) })
  .meta({ id: 'ConfluentConfigUpdate', description: 'The config fields set' });

function partial<T extends Record<string, z.ZodType>>(fields: T) {
  return Object.fromEntries(
    Object.entries(fields).map(([name, schema]) => [name, schema.optional()]),
  ) as { [K in keyof T]: z.ZodOptional<T[K]> };
}
