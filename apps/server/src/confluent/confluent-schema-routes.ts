import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Registry, SchemaView } from '@llmsr/core';
import {
  ConfluentSchema,
  ConfluentSchemaById,
  ConfluentSubjectVersion,
  SchemaContent,
} from '@llmsr/spec/rest';
import type { Context } from 'hono';
import { z } from 'zod';
import { principalOf } from '../auth/request-auth.js';
import { schemaIdParam } from '../auth/route-access.js';
import { addRoute } from '../openapi/add-route.js';
import { ConfluentError } from './confluent-error.js';
import { confluentJson, confluentRawSchema } from './confluent-json.js';
import {
  CONFLUENT_TAG,
  confluentErrors,
  confluentResponse,
  flagQuery,
  pageQuery,
} from './confluent-openapi.js';
import { confluentPage } from './confluent-page.js';
import { createConfluentRouteApp } from './create-confluent-route-app.js';
import { listVersionsOrNone } from './list-versions-or-none.js';
import { confluentFlag } from './parse-confluent-version.js';
import { confluentSchemaFields, toConfluentSchema } from './to-confluent-schema.js';

/** Most schemas `GET /schemas` answers at once, as Confluent's `schema.search.max.limit`. */
const SCHEMA_LIST_LIMIT = 1_000;

/** The schema types this registry serves, as `GET /schemas/types` lists them. */
export const CONFLUENT_SCHEMA_TYPES = ['JSON', 'PROTOBUF', 'AVRO'] as const;

const idParams = z.object({
  id: z.string().meta({
    param: { name: 'id', in: 'path' },
    description: 'Global integer id of the schema',
    example: '1',
  }),
});
const subjectQuery = z.string().optional().meta({ description: 'Only this subject' });
const usesQuery = z.object({
  subject: subjectQuery,
  deleted: flagQuery('Include soft-deleted versions'),
  ...pageQuery,
});

const list = createRoute({
  method: 'get',
  path: '/',
  operationId: 'confluentListSchemas',
  tags: [CONFLUENT_TAG],
  summary: 'List the versions of every subject (paged, at most 1,000)',
  request: {
    query: z.object({
      subjectPrefix: z.string().optional().meta({ description: 'Only subjects with this prefix' }),
      deleted: flagQuery('Include soft-deleted versions'),
      latestOnly: flagQuery('Only the latest version of each subject'),
      ...pageQuery,
    }),
  },
  responses: { 200: confluentResponse('Versions', z.array(ConfluentSchema)), ...confluentErrors() },
});
const types = createRoute({
  method: 'get',
  path: '/types',
  operationId: 'confluentListSchemaTypes',
  tags: [CONFLUENT_TAG],
  summary: 'The schema types this registry serves',
  responses: { 200: confluentResponse('Schema types', z.array(z.string())), ...confluentErrors() },
});
const getById = createRoute({
  method: 'get',
  path: '/ids/{id}',
  operationId: 'confluentGetSchema',
  tags: [CONFLUENT_TAG],
  summary: 'A schema by global id',
  request: { params: idParams, query: z.object({ subject: subjectQuery }) },
  responses: { 200: confluentResponse('The schema', ConfluentSchemaById), ...confluentErrors(404) },
});
const getText = createRoute({
  method: 'get',
  path: '/ids/{id}/schema',
  operationId: 'confluentGetSchemaText',
  tags: [CONFLUENT_TAG],
  summary: 'The schema text by global id, as registered',
  request: { params: idParams },
  responses: {
    200: confluentResponse('The schema text as registered (not JSON-quoted)', SchemaContent),
    ...confluentErrors(404),
  },
});
const subjects = createRoute({
  method: 'get',
  path: '/ids/{id}/subjects',
  operationId: 'confluentListSchemaSubjects',
  tags: [CONFLUENT_TAG],
  summary: 'The subjects using a schema',
  request: { params: idParams, query: usesQuery },
  responses: { 200: confluentResponse('Subjects', z.array(z.string())), ...confluentErrors(404) },
});
const versions = createRoute({
  method: 'get',
  path: '/ids/{id}/versions',
  operationId: 'confluentListSchemaVersions',
  tags: [CONFLUENT_TAG],
  summary: 'The subject versions using a schema',
  request: { params: idParams, query: usesQuery },
  responses: {
    200: confluentResponse('Subject versions', z.array(ConfluentSubjectVersion)),
    ...confluentErrors(404),
  },
});
const byGuid = createRoute({
  method: 'get',
  path: '/guids/{guid}',
  operationId: 'confluentGetSchemaByGuid',
  tags: [CONFLUENT_TAG],
  summary: 'A schema by guid',
  request: {
    params: z.object({
      guid: z.string().meta({ param: { name: 'guid', in: 'path' }, description: 'Schema guid' }),
    }),
    query: z.object({ subject: subjectQuery }),
  },
  responses: { 200: confluentResponse('The schema', ConfluentSchemaById), ...confluentErrors(404) },
});

/** `/schemas`: by global id (and its subjects and versions), by guid, and the schema types. */
export function confluentSchemaRoutes(registry: Registry): OpenAPIHono {
  const app = createConfluentRouteApp();

  const schemaOf = async (c: Context): Promise<SchemaView> => {
    const id = c.req.param('id') as string;
    // Only integers are ids here; a guid goes through /schemas/guids/{guid}.
    const view = /^\d{1,10}$/.test(id) ? await registry.schemas.get(Number(id)) : undefined;
    if (!view) throw new ConfluentError(40403, `Schema ${id.slice(0, 100)} not found`);
    return view;
  };
  const usesOf = (c: Context, view: SchemaView) => {
    const subject = c.req.query('subject');
    const deleted = confluentFlag(c.req.query('deleted'));
    return view.versions.filter(
      (use) => (deleted || !use.deleted) && (!subject || use.subject === subject),
    );
  };
  const visibleUsesOf = (c: Context, view: SchemaView) => {
    const principal = principalOf(c);
    return usesOf(c, view).filter((use) => registry.access.canSee(principal, use.subject));
  };
  const answerSchema = async (c: Context, view: SchemaView) => {
    const subject = c.req.query('subject');
    const use = subject ? view.versions.find((entry) => entry.subject === subject) : undefined;
    const version = use
      ? await registry.subjects.getVersion(use.subject, use.version, { includeDeleted: true })
      : view.firstVersion;
    return confluentJson(c, {
      ...(use ? { subject: use.subject, version: use.version } : {}),
      guid: view.guid,
      ...confluentSchemaFields({ ...view, metadata: version?.metadata ?? null }),
      ts: Date.parse(view.createdAt),
    });
  };

  addRoute(
    app,
    list,
    async (c) => {
      const includeDeleted = confluentFlag(c.req.query('deleted'));
      const latestOnly = confluentFlag(c.req.query('latestOnly'));
      const prefix = c.req.query('subjectPrefix');
      const offset = Math.max(0, Number(c.req.query('offset')) || 0);
      const asked = Number(c.req.query('limit'));
      const limit = asked > 0 && asked <= SCHEMA_LIST_LIMIT ? Math.floor(asked) : SCHEMA_LIST_LIMIT;
      const subjects = registry.access.filterSubjects(
        principalOf(c),
        await registry.subjects.list({ includeDeleted, ...(prefix ? { prefix } : {}) }),
      );
      const found: ReturnType<typeof toConfluentSchema>[] = [];
      // Subject by subject, stopping once the page is full, so a large registry is not read whole.
      for (const subject of subjects) {
        if (found.length >= offset + limit) break;
        const versions = await listVersionsOrNone(registry, subject, { includeDeleted });
        const chosen = latestOnly ? versions.slice(-1) : versions;
        found.push(...chosen.map(toConfluentSchema));
      }
      return confluentJson(c, found.slice(offset, offset + limit));
    },
    { access: { action: 'schema.read' } },
  );
  const byId = { access: { action: 'schema.read', schemaId: schemaIdParam } } as const;
  addRoute(app, types, (c) => confluentJson(c, [...CONFLUENT_SCHEMA_TYPES]), {
    access: { action: 'schema.read' },
  });
  addRoute(app, getById, async (c) => answerSchema(c, await schemaOf(c)), byId);
  addRoute(app, getText, async (c) => confluentRawSchema(c, (await schemaOf(c)).schema), byId);
  addRoute(
    app,
    subjects,
    async (c) => {
      const uses = visibleUsesOf(c, await schemaOf(c));
      return confluentJson(c, confluentPage(c, [...new Set(uses.map((use) => use.subject))]));
    },
    byId,
  );
  addRoute(
    app,
    versions,
    async (c) => {
      const uses = visibleUsesOf(c, await schemaOf(c));
      const pairs = uses.map((use) => ({ subject: use.subject, version: use.version }));
      return confluentJson(c, confluentPage(c, pairs));
    },
    byId,
  );
  addRoute(
    app,
    byGuid,
    async (c) => {
      const guid = c.req.param('guid');
      const view = /^[0-9a-fA-F-]{1,64}$/.test(guid) ? await registry.schemas.get(guid) : undefined;
      if (!view) throw new ConfluentError(40403, `Schema ${guid.slice(0, 100)} not found`);
      return answerSchema(c, view);
    },
    { access: { action: 'schema.read', schemaId: (c) => c.req.param('guid') } },
  );

  return app;
}
