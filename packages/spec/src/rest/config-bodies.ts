import { z } from 'zod';
import { optionalField } from './optional-field.js';
import { booleanField, stringField } from './scalar-fields.js';
import {
  CompatibilityLevelEnum,
  CompatibilityPolicyEnum,
  JsonSchemaDraftEnum,
  ModeEnum,
} from './vocabulary-enums.js';

/** The body of `PUT /api/v1/config[/{subject}]`: the fields to set; absent ones stay. */
export const ConfigUpdateRequest = z
  .object({
    compatibility_level: optionalField(stringField()).meta({ example: 'BACKWARD' }),
    mode: optionalField(stringField()).meta({ example: 'READWRITE' }),
    compatibility_policy: optionalField(CompatibilityPolicyEnum),
    normalize: optionalField(booleanField()),
    json_schema_default_draft: optionalField(JsonSchemaDraftEnum),
  })
  .meta({ id: 'ConfigUpdateRequest' });

/** The body of a config update as a client sends it. */
export type ConfigUpdateRequest = z.input<typeof ConfigUpdateRequest>;

/** A config as stored: `null` for what it does not set. */
export const ConfigBody = z
  .object({
    subject: z.string().nullable().meta({ description: 'null for the global config' }),
    compatibility_level: CompatibilityLevelEnum.nullable(),
    mode: ModeEnum.nullable(),
    compatibility_policy: CompatibilityPolicyEnum.nullable(),
    normalize: z.boolean().nullable(),
    json_schema_default_draft: JsonSchemaDraftEnum.nullable(),
  })
  .meta({ id: 'Config' });

/** A config as stored. */
export type ConfigBody = z.output<typeof ConfigBody>;

/** A config with the level and mode in force (its own, else the global one, else the default). */
export const EffectiveConfigBody = ConfigBody.extend({
  effective_compatibility_level: CompatibilityLevelEnum,
  effective_mode: ModeEnum,
}).meta({ id: 'EffectiveConfig' });

/** A config with the level and mode in force. */
export type EffectiveConfigBody = z.output<typeof EffectiveConfigBody>;
