import type { OpenAPIHono } from '@hono/zod-openapi';
import type { BlankEnv } from 'hono/types';

/** The tags of the document, in display order, with what each groups. */
const TAGS = [
  { name: 'Schemas', description: 'Register schemas and read them by id, guid or filters' },
  { name: 'Subjects', description: 'Subjects, their versions, soft and permanent deletes' },
  { name: 'Validation', description: 'Validate documents and schemas' },
  { name: 'Compatibility', description: 'Check a schema against a subject' },
  { name: 'Configuration', description: 'Global and per-subject compatibility level and mode' },
  { name: 'Variable spaces', description: 'Named sets of variables validated against a schema' },
  {
    name: 'LLM',
    description:
      "Tools for LLM programs: compile prompt signatures to JSON Schemas, lint and transform schemas for providers' structured outputs, parse model output",
  },
  { name: 'Export and import', description: 'Move a registry between instances' },
  { name: 'Streams', description: 'Change events (server-sent events and WebSocket)' },
  { name: 'Operations', description: 'Health, metrics, this document and the reference page' },
  {
    name: 'Confluent',
    description:
      'The Confluent Schema Registry compatible API, served at the root: Confluent paths, camelCase bodies, `{ error_code, message }` errors',
  },
];

/**
 * The OpenAPI 3.1 document of the REST API, generated from the `createRoute` definitions
 * mounted on `app` (their zod schemas from `@llmsr/spec/rest` become the component schemas).
 */
export function buildOpenApiDocument(
  app: OpenAPIHono<BlankEnv>,
  info: { version: string },
): Record<string, unknown> {
  const document = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'llmsr native API',
      version: info.version,
      description:
        'Schema registry for JSON Schema, Avro and Protobuf. The Confluent-compatible API is served at the root as well.',
      license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
    },
    servers: [{ url: '/', description: 'This server' }],
    // The API has no authentication yet: say so explicitly (an empty requirement list).
    security: [],
    tags: TAGS,
  });
  return document as unknown as Record<string, unknown>;
}
