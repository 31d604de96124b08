import type { Context } from 'hono';
import { readJsonObject } from '../read-json-body.js';
import { ConfluentError } from './confluent-error.js';

/** A Confluent `RegisterSchemaRequest` (register, lookup and compatibility bodies), checked. */
export interface RegisterRequest {
  /** The schema text; Confluent sends every format as a string. */
  schema: string;
  /** AVRO when absent, as Confluent. */
  schemaType: string;
  references: unknown;
  metadata: Record<string, unknown> | undefined;
  ruleSet: Record<string, unknown> | undefined;
  /** IMPORT mode: the id to keep (Confluent sends -1 or nothing otherwise). */
  id: number | undefined;
  /** IMPORT mode: the version to keep (Confluent sends 0 or nothing otherwise). */
  version: number | undefined;
}

/**
 * Read and check a `RegisterSchemaRequest` body: `schema` must be a non-empty string
 * (42201), `schemaType` a string, `metadata` an object, `ruleSet` an object (42210), `id` and
 * `version` integers. Unknown fields are ignored, as Confluent does.
 */
export async function readRegisterRequest(c: Context, limit: number): Promise<RegisterRequest> {
  const body = await readJsonObject(c, limit);
  const { schema, schemaType, metadata, ruleSet } = body;
  if (typeof schema !== 'string' || schema.trim() === '') {
    throw new ConfluentError(42201, 'Empty schema: `schema` must be a non-empty string');
  }
  if (schemaType !== undefined && schemaType !== null && typeof schemaType !== 'string') {
    throw new ConfluentError(42201, `Invalid schema type ${JSON.stringify(schemaType)}`);
  }
  if (metadata !== undefined && metadata !== null && !isObject(metadata)) {
    throw new ConfluentError(422, '`metadata` must be a JSON object');
  }
  if (ruleSet !== undefined && ruleSet !== null && !isObject(ruleSet)) {
    throw new ConfluentError(42210, '`ruleSet` must be a JSON object');
  }
  return {
    schema,
    schemaType: typeof schemaType === 'string' ? schemaType : 'AVRO',
    references: body.references ?? undefined,
    metadata: isObject(metadata) ? metadata : undefined,
    ruleSet: isObject(ruleSet) ? ruleSet : undefined,
    id: chosen(body.id, 'id'),
    version: chosen(body.version, 'version'),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Confluent's "not chosen" values (-1 for ids, 0 for versions) mean nothing was chosen. */
function chosen(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value > 2_147_483_647) {
    throw new ConfluentError(422, `\`${field}\` must be an integer`);
  }
  return value > 0 ? value : undefined;
}
