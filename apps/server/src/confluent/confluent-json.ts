import type { SchemaContent } from '@llmsr/spec/rest';
import type { Context, TypedResponse } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { JSONParsed } from 'hono/utils/types';
import type { z } from 'zod';

/** Confluent's own media type, the one its clients ask for first. */
export const CONFLUENT_CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';

/**
 * Answer a JSON value with Confluent's media type, typed like Hono's `c.json` so a route
 * declared with `createRoute` checks the body against its response schema.
 */
export function confluentJson<T>(c: Context, body: T): TypedResponse<JSONParsed<T>, 200, 'json'> {
  return confluentJsonWithStatus(c, body, 200) as unknown as TypedResponse<
    JSONParsed<T>,
    200,
    'json'
  >;
}

/** Answer a JSON value with Confluent's media type and a status (errors). */
export function confluentJsonWithStatus(c: Context, body: unknown, status: number): Response {
  return c.body(JSON.stringify(body), status as ContentfulStatusCode, {
    'content-type': CONFLUENT_CONTENT_TYPE,
  });
}

/**
 * Answer a schema's text as is (Confluent's `/schema` sub-resources): JSON for Avro and JSON
 * Schema, `.proto` text for Protobuf (documented as `SchemaContent`).
 */
export function confluentRawSchema(c: Context, text: string): RawSchemaResponse {
  return c.body(text, 200, {
    'content-type': CONFLUENT_CONTENT_TYPE,
  }) as unknown as RawSchemaResponse;
}

type RawSchemaResponse = TypedResponse<JSONParsed<z.output<typeof SchemaContent>>, 200, 'json'>;
