import { z } from 'zod';
import { ConfluentMetadata, ConfluentRuleSet } from './confluent-data-contract.js';

/** Confluent's ids and versions are 32-bit; -1 (ids) and 0 (versions) mean "not chosen". */
const chosenNumber = (description: string) =>
  z
    .number()
    .int()
    .max(2_147_483_647)
    .nullish()
    .transform((value) => (value !== null && value !== undefined && value > 0 ? value : undefined))
    .meta({ description });

/**
 * Confluent's `RegisterSchemaRequest`, the body of register (`POST /subjects/{subject}/versions`),
 * lookup (`POST /subjects/{subject}`) and compatibility checks. Unknown fields are ignored, as
 * Confluent does; `references` are checked by the registry (42201 when malformed).
 */
export const ConfluentRegisterRequest = z
  .object({
    schema: z
      .string()
      .refine((text) => text.trim() !== '')
      .meta({
        description: 'The schema text (every format is sent as a string)',
        example: '{"type":"record","name":"User","fields":[{"name":"id","type":"long"}]}',
      }),
    schemaType: z
      .string()
      .nullish()
      .transform((value) => value ?? 'AVRO')
      .meta({ description: 'AVRO (default), JSON or PROTOBUF', example: 'AVRO' }),
    references: z
      .unknown()
      .optional()
      .meta({ description: 'Array of { name, subject, version } (version -1: latest)' }),
    metadata: ConfluentMetadata.nullish().transform((value) => value ?? undefined),
    ruleSet: ConfluentRuleSet.nullish().transform((value) => value ?? undefined),
    id: chosenNumber('IMPORT mode: the global id to keep (-1 or absent: not chosen)'),
    version: chosenNumber('IMPORT mode: the version to keep (0 or absent: not chosen)'),
  })
  .meta({ id: 'ConfluentRegisterRequest', description: 'A schema to register, look up or check' });

/** A Confluent `RegisterSchemaRequest` as a client sends it. */
export type ConfluentRegisterRequest = z.input<typeof ConfluentRegisterRequest>;
