import { z } from 'zod';
import { SchemaReference } from '../schema-reference.js';
import { ConfluentMetadata, ConfluentRuleSet } from './confluent-data-contract.js';

/** The fields every Confluent schema body shares: type, text, references, data contract. */
const schemaFields = {
  schemaType: z.string().meta({ description: 'AVRO, JSON or PROTOBUF', example: 'AVRO' }),
  schema: z.string().meta({ description: 'The schema text' }),
  references: z.array(SchemaReference).optional().meta({ description: 'Absent when none' }),
  metadata: ConfluentMetadata.optional(),
  ruleSet: ConfluentRuleSet.optional(),
};
const id = z.number().int().meta({ description: 'Global id of the schema', example: 1 });
const guid = z.string().meta({ description: 'Global unique id of the schema' });
const version = z.number().int().meta({ description: 'Version within the subject', example: 1 });
const ts = z.number().int().meta({ description: 'Creation time, ms since the epoch' });

/** Confluent's `Schema` entity of a subject version (GET a version, lookup). */
export const ConfluentSchema = z
  .object({
    subject: z.string(),
    version,
    id,
    guid,
    ...schemaFields,
    ts,
    deleted: z.boolean().optional().meta({ description: 'Present (true) when soft-deleted' }),
  })
  .meta({ id: 'ConfluentSchema', description: 'A version of a subject' });

/** The answer to a Confluent registration. */
export const ConfluentRegisterResponse = z
  .object({ id, version, guid, ...schemaFields })
  .meta({ id: 'ConfluentRegisterResponse', description: 'The registered (or existing) version' });

/** A schema by global id or guid; `subject` and `version` when `?subject=` names a use. */
export const ConfluentSchemaById = z
  .object({
    subject: z.string().optional(),
    version: version.optional(),
    guid,
    ...schemaFields,
    ts,
  })
  .meta({ id: 'ConfluentSchemaById', description: 'A schema by global id or guid' });

/** One use of a schema: a subject and version. */
export const ConfluentSubjectVersion = z
  .object({ subject: z.string(), version })
  .meta({ id: 'ConfluentSubjectVersion' });
