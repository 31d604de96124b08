import { z } from 'zod';
import { positiveIntegerField } from './scalar-fields.js';

/** A variable space definition (see `@llmsr/variables`). */
export const VariableSpaceDefinition = z.unknown().meta({
  id: 'VariableSpaceDefinition',
  // Checked by the registry, which reports every issue at once: the schema only documents it.
  type: 'object',
  description: 'A variable space: { id, variables, constraints? } (see the variables guide)',
  example: { id: 'llm-call', variables: { temperature: { type: 'float', min: 0, max: 2 } } },
});

/** A stored variable space. */
export const VariableSpaceBody = z
  .object({
    id: z.string(),
    version: z.number().int().meta({ description: 'Optimistic-concurrency version' }),
    created_at: z.string().meta({ format: 'date-time' }),
    updated_at: z.string().meta({ format: 'date-time' }),
    space: z.record(z.string(), z.unknown()).meta({ description: 'The definition' }),
  })
  .meta({ id: 'VariableSpace' });

/** A stored variable space. */
export type VariableSpaceBody = z.output<typeof VariableSpaceBody>;

/** The body of `PUT /api/v1/variable-spaces/{id}`. */
export const VariableSpaceUpdateRequest = z
  .object({
    expected_version: positiveIntegerField().meta({ description: 'The version you read' }),
    space: z.unknown().optional().meta({ description: 'The new definition' }),
  })
  .meta({ id: 'VariableSpaceUpdateRequest' });

/** The body of a variable space update as a client sends it. */
export type VariableSpaceUpdateRequest = z.input<typeof VariableSpaceUpdateRequest>;

/** The body of `POST /api/v1/variable-spaces/{id}/validate`. */
export const ConfigurationValidateRequest = z
  .object({
    configuration: z
      .unknown()
      .optional()
      .meta({ example: { temperature: 0.3 } }),
  })
  .meta({ id: 'ConfigurationValidateRequest' });

/** One problem of a configuration or definition. */
export const VariableSpaceIssue = z
  .object({
    code: z.string().meta({ example: 'out_of_range' }),
    path: z.string(),
    message: z.string(),
    rule: z.string().optional(),
  })
  .meta({ id: 'VariableSpaceIssue' });

/** Valid with the normalised configuration, or every issue at once. */
export const ConfigurationValidateResponse = z
  .union([
    z.object({
      valid: z.literal(true),
      configuration: z.record(z.string(), z.unknown()),
      issues: z.array(VariableSpaceIssue).max(0),
    }),
    z.object({ valid: z.literal(false), issues: z.array(VariableSpaceIssue) }),
  ])
  .meta({ id: 'ConfigurationValidateResponse' });

/** The body of `POST /api/v1/variable-spaces/{id}/sample`. */
export const SampleRequest = z
  .object({
    count: z
      .unknown()
      .optional()
      .meta({ description: 'How many configurations (1 to 10,000)', example: 5 }),
    seed: z.unknown().optional().meta({ description: 'Seed for a reproducible draw' }),
    method: z.unknown().optional().meta({ description: 'Sampling method (random, lhs, grid...)' }),
  })
  .meta({ id: 'SampleRequest' });

/** Sampled configurations. */
export const SampleResponse = z
  .object({
    count: z.number().int(),
    configurations: z.array(z.record(z.string(), z.unknown())),
  })
  .meta({ id: 'SampleResponse' });

/** A space as JSON Schema, with what JSON Schema cannot express. */
export const VariableSpaceJsonSchema = z
  .object({
    schema: z.record(z.string(), z.unknown()),
    unexpressed: z.array(z.object({ path: z.string(), rule: z.string(), reason: z.string() })),
    ajv_options: z.object({ multipleOfPrecision: z.number().optional() }),
  })
  .meta({ id: 'VariableSpaceJsonSchema' });

/** The answer to deleting a variable space. */
export const VariableSpaceDeleted = z
  .object({ id: z.string(), deleted: z.literal(true) })
  .meta({ id: 'VariableSpaceDeleted' });
