import { ConfluentErrorBody } from '@llmsr/spec/rest';
import { z } from 'zod';
import { CONFLUENT_CONTENT_TYPE } from './confluent-json.js';

/** The media types a Confluent request body may come as (Confluent's two and plain JSON). */
export const CONFLUENT_REQUEST_TYPES = [
  CONFLUENT_CONTENT_TYPE,
  'application/vnd.schemaregistry+json',
  'application/json',
] as const;

/** The OpenAPI tag of every Confluent operation. */
export const CONFLUENT_TAG = 'Confluent';

/** A request body in each of {@link CONFLUENT_REQUEST_TYPES}. */
export function confluentRequestBody<T extends z.ZodType>(schema: T) {
  return {
    required: true,
    content: Object.fromEntries(CONFLUENT_REQUEST_TYPES.map((type) => [type, { schema }])) as {
      [K in (typeof CONFLUENT_REQUEST_TYPES)[number]]: { schema: T };
    },
  };
}

/** A success response answered with Confluent's media type. */
export function confluentResponse<T extends z.ZodType>(description: string, schema: T) {
  return { description, content: { 'application/vnd.schemaregistry.v1+json': { schema } } };
}

/** What each Confluent error status means (its `error_code`s). */
const DESCRIPTIONS = {
  400: 'Malformed request (400: the body is not a JSON object)',
  404: 'Not found (40401 subject, 40402 version, 40403 schema, 40404/40405/40406/40407 deletes, 40408/40409 no subject-level config or mode)',
  409: 'Incompatible schema (409)',
  413: 'The request body is larger than the limit (413)',
  422: 'Unprocessable (42201 invalid schema, 42202 invalid version, 42203 invalid level, 42204 invalid mode, 42205 operation not permitted, 42206 referenced, 42208 invalid subject, 42210 invalid rule set, 422 mistyped field)',
  429: 'Rate limited (42901); see Retry-After',
  500: 'Internal or storage error (50001)',
} as const;

const errorContent = { 'application/vnd.schemaregistry.v1+json': { schema: ConfluentErrorBody } };

/** The `responses` entries of the Confluent error statuses a route answers (429 and 500 on all). */
export function confluentErrors<S extends keyof typeof DESCRIPTIONS>(...statuses: S[]) {
  const out = {} as Record<S | 429 | 500, { description: string; content: typeof errorContent }>;
  for (const status of [...statuses, 429, 500] as (S | 429 | 500)[]) {
    out[status] = { description: DESCRIPTIONS[status], content: errorContent };
  }
  return out;
}

/** A `{subject}` path parameter. */
export const SubjectParam = z.string().meta({
  param: { name: 'subject', in: 'path' },
  description: 'Subject name (URL-encoded)',
  example: 'orders-value',
});

/** A `{version}` path parameter: an integer in [1, 2^31-1], `latest` or -1. */
export const VersionParam = z.string().meta({
  param: { name: 'version', in: 'path' },
  description: 'Version number, `latest` or -1',
  example: 'latest',
});

/** A Confluent boolean query flag: `true` (any case) is true, anything else false. */
export const flagQuery = (description: string) =>
  z.string().optional().meta({ description, example: 'true' });

/** Confluent's paging query: `offset` (default 0) and `limit` (ignored unless positive). */
export const pageQuery = {
  offset: z.string().optional().meta({ description: 'Items to skip (default 0)', example: '0' }),
  limit: z.string().optional().meta({ description: 'Most items to answer (all when absent)' }),
};
