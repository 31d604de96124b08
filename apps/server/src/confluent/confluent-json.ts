import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Confluent's own media type, the one its clients ask for first. */
export const CONFLUENT_CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';

/** Answer a JSON value with Confluent's media type. */
export function confluentJson(c: Context, body: unknown, status = 200): Response {
  return c.body(JSON.stringify(body), status as ContentfulStatusCode, {
    'content-type': CONFLUENT_CONTENT_TYPE,
  });
}

/** Answer a schema's text as is (Confluent's `/schema` sub-resources). */
export function confluentRawSchema(c: Context, text: string): Response {
  return c.body(text, 200, { 'content-type': CONFLUENT_CONTENT_TYPE });
}
