/** A query parameter of a documented route. */
export interface QueryDoc {
  name: string;
  type: 'string' | 'integer' | 'boolean';
  description: string;
}

/** What the OpenAPI document says about one route beyond its method and path. */
export interface RouteDoc {
  summary: string;
  tag: string;
  query?: QueryDoc[];
  /** The route takes a JSON object body. */
  body?: string;
  /** A non-JSON success media type (SSE, Prometheus text, HTML). */
  produces?: string;
}

const deleted: QueryDoc = {
  name: 'deleted',
  type: 'boolean',
  description: 'Include soft-deleted versions',
};
const paging: QueryDoc[] = [
  { name: 'limit', type: 'integer', description: 'Page size, 1 to 1000 (default 100)' },
  { name: 'offset', type: 'integer', description: 'Items to skip (default 0)' },
];
const metadata: QueryDoc[] = [
  { name: 'metadata_key', type: 'string', description: 'Versions whose metadata has this key' },
  {
    name: 'metadata_value',
    type: 'string',
    description: 'With metadata_key: the value, as JSON when it parses, else as text',
  },
];

/**
 * Summaries, tags and parameters of the native routes, keyed by `METHOD /path/:param`. The
 * document's list of paths comes from the app's routes; a route missing here still appears,
 * with a generic summary (and the OpenAPI test fails, so it gets documented).
 */
export const ROUTE_DOCS: Record<string, RouteDoc> = {
  'GET /health': {
    summary: 'Storage reachability, uptime, counts and cache hit rates',
    tag: 'Operations',
  },
  'GET /metrics': { summary: 'Prometheus metrics', tag: 'Operations', produces: 'text/plain' },
  'GET /openapi.json': { summary: 'This OpenAPI 3.1 document', tag: 'Operations' },
  'GET /docs': { summary: 'Interactive API reference', tag: 'Operations', produces: 'text/html' },
  'POST /api/v1/schemas': {
    summary: 'Register a schema under a subject',
    tag: 'Schemas',
    body: '{ subject, schema, schema_type?, compatibility_level?, metadata?, references?, version?, normalize? }',
  },
  'GET /api/v1/schemas': {
    summary: 'List subject versions by filters',
    tag: 'Schemas',
    query: [
      { name: 'subject', type: 'string', description: 'Case-insensitive substring of the subject' },
      { name: 'schema_type', type: 'string', description: 'JSON, AVRO or PROTOBUF' },
      ...metadata,
      { name: 'tag', type: 'string', description: 'A string in metadata.tags' },
      deleted,
      ...paging,
    ],
  },
  'GET /api/v1/schemas/:id': { summary: 'A schema by global id or guid', tag: 'Schemas' },
  'GET /api/v1/schemas/:id/versions': {
    summary: 'Subject versions that use a schema',
    tag: 'Schemas',
    query: [deleted],
  },
  'GET /api/v1/schemas/:id/versions/:version': {
    summary: 'One subject version that uses a schema',
    tag: 'Schemas',
    query: [
      {
        name: 'subject',
        type: 'string',
        description: 'Which subject, when several share the schema',
      },
      deleted,
    ],
  },
  'GET /api/v1/schemas/:id/dependencies': {
    summary: 'The subject versions a schema references',
    tag: 'Schemas',
  },
  'GET /api/v1/schemas/:id/dependents': {
    summary: 'The subject versions whose schema references this one',
    tag: 'Schemas',
    query: [deleted],
  },
  'GET /api/v1/search': {
    summary: 'Text search over subjects, descriptions and tags',
    tag: 'Schemas',
    query: [
      {
        name: 'q',
        type: 'string',
        description: 'Words; each must match subject, description or a tag',
      },
      { name: 'schema_type', type: 'string', description: 'JSON, AVRO or PROTOBUF' },
      ...metadata,
      deleted,
      ...paging,
    ],
  },
  'GET /api/v1/subjects': {
    summary: 'Subjects',
    tag: 'Subjects',
    query: [
      deleted,
      { name: 'prefix', type: 'string', description: 'Subjects starting with this' },
    ],
  },
  'GET /api/v1/subjects/:subject/versions': {
    summary: 'Versions of a subject',
    tag: 'Subjects',
    query: [deleted],
  },
  'GET /api/v1/subjects/:subject/versions/:version': {
    summary: 'One version: integer, semver or latest',
    tag: 'Subjects',
    query: [deleted],
  },
  'DELETE /api/v1/subjects/:subject/versions/:version': {
    summary: 'Soft delete a version (permanent=true after a soft delete removes it)',
    tag: 'Subjects',
    query: [{ name: 'permanent', type: 'boolean', description: 'Remove permanently' }],
  },
  'DELETE /api/v1/subjects/:subject': {
    summary: 'Delete every version of a subject',
    tag: 'Subjects',
    query: [{ name: 'permanent', type: 'boolean', description: 'Remove permanently' }],
  },
  'POST /api/v1/validate/data': {
    summary: 'Validate a document against a registered schema',
    tag: 'Validation',
    body: '{ schema_id | subject + version, data, strict? }',
  },
  'POST /api/v1/validate/batch': {
    summary: 'Validate up to 1000 documents in one request',
    tag: 'Validation',
    body: '{ items: [{ schema_id | subject + version, data, strict? }] } or { schema_id | subject + version, strict?, items: [data] }',
  },
  'POST /api/v1/validate/schema': {
    summary: 'Is a schema well-formed?',
    tag: 'Validation',
    body: '{ schema, schema_type?, references? }',
  },
  'POST /api/v1/compatibility/check': {
    summary: 'Check compatibility without registering',
    tag: 'Compatibility',
    body: '{ subject, schema, schema_type?, level?, normalize? }',
  },
  'GET /api/v1/config': { summary: 'Global configuration', tag: 'Configuration' },
  'PUT /api/v1/config': {
    summary: 'Set the global configuration',
    tag: 'Configuration',
    body: '{ compatibility_level?, mode?, compatibility_policy?, normalize?, json_schema_default_draft? }',
  },
  'DELETE /api/v1/config': { summary: 'Reset the global configuration', tag: 'Configuration' },
  'GET /api/v1/config/:subject': { summary: 'Configuration of a subject', tag: 'Configuration' },
  'PUT /api/v1/config/:subject': {
    summary: 'Set the configuration of a subject',
    tag: 'Configuration',
    body: '{ compatibility_level?, mode?, compatibility_policy?, normalize?, json_schema_default_draft? }',
  },
  'DELETE /api/v1/config/:subject': {
    summary: 'Remove the configuration of a subject',
    tag: 'Configuration',
  },
  'GET /api/v1/export': {
    summary:
      'Everything the registry holds as NDJSON: versions (soft-deleted ones too) by id, then configs (extras included), resources, and the global config last',
    tag: 'Operations',
    produces: 'application/x-ndjson',
  },
  'POST /api/v1/import': {
    summary:
      'Apply one config line (replaces the config) or resource line (created; the same document is skipped, another is 409) of an export',
    tag: 'Operations',
    body: '{ kind: "config", subject, compatibility_level, mode, extra } | { kind: "resource", resource_kind, id, document }',
  },
  'POST /api/v1/variable-spaces': {
    summary: 'Create a typed variable space',
    tag: 'Variable spaces',
    body: 'The variable space definition',
  },
  'GET /api/v1/variable-spaces': {
    summary: 'Variable spaces',
    tag: 'Variable spaces',
    query: paging,
  },
  'GET /api/v1/variable-spaces/:id': { summary: 'One variable space', tag: 'Variable spaces' },
  'PUT /api/v1/variable-spaces/:id': {
    summary: 'Replace a variable space (optimistic concurrency)',
    tag: 'Variable spaces',
    body: '{ space, expected_version }',
  },
  'DELETE /api/v1/variable-spaces/:id': {
    summary: 'Delete a variable space',
    tag: 'Variable spaces',
  },
  'POST /api/v1/variable-spaces/:id/validate': {
    summary: 'Validate a configuration against a variable space',
    tag: 'Variable spaces',
    body: '{ configuration }',
  },
  'POST /api/v1/variable-spaces/:id/sample': {
    summary: 'Sample configurations from a variable space',
    tag: 'Variable spaces',
    body: '{ count?, seed?, method? }',
  },
  'GET /api/v1/variable-spaces/:id/json-schema': {
    summary: 'A variable space exported as JSON Schema',
    tag: 'Variable spaces',
  },
  'GET /api/v1/stream/changes': {
    summary:
      'Change events over Server-Sent Events (or WebSocket on upgrade), each with an id; Last-Event-ID resumes, a stream.gap event says when retention dropped some; 503 TOO_MANY_STREAMS past 1,000 open streams',
    tag: 'Streams',
    produces: 'text/event-stream',
    query: [{ name: 'last_event_id', type: 'integer', description: 'Replay events after this id' }],
  },
};
