import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { type Registry, RegistryError } from '@llmsr/core';
import {
  flagQuery,
  integerQuery,
  jsonValueQuery,
  SchemaDependency,
  SchemaDependent,
  SchemaPage,
  SchemaVersionBody,
  textQuery,
} from '@llmsr/spec/rest';
import { z } from 'zod';
import { principalOf } from '../auth/request-auth.js';
import { schemaIdParam } from '../auth/route-access.js';
import { visiblePage } from '../auth/visible-page.js';
import { addRoute } from '../openapi/add-route.js';
import { createRouteApp } from '../openapi/create-route-app.js';
import { errorResponses } from '../openapi/error-responses.js';
import { jsonContent } from '../openapi/json-content.js';
import { SchemaIdParams, SchemaVersionParams } from '../openapi/path-params.js';
import { toVersionResponse } from '../to-schema-response.js';

const tags = ['Schemas'];
const deleted = flagQuery('Include soft-deleted versions');

const findSchemas = createRoute({
  method: 'get',
  path: '/',
  operationId: 'findSchemas',
  tags,
  summary: 'List subject versions by filters',
  request: {
    query: z.object({
      subject: textQuery('Case-insensitive substring of the subject'),
      schema_type: textQuery('JSON, AVRO or PROTOBUF'),
      metadata_key: textQuery('Versions whose metadata has this key'),
      metadata_value: jsonValueQuery(
        'With metadata_key: the value, as JSON when it parses, else as text',
      ),
      tag: textQuery('A string in metadata.tags'),
      deleted,
      limit: integerQuery('Page size, 1 to 1000 (default 100)'),
      offset: integerQuery('Items to skip (default 0)'),
    }),
  },
  responses: {
    200: { description: 'A page of versions', content: jsonContent(SchemaPage) },
    ...errorResponses(400),
  },
});

const listSchemaVersions = createRoute({
  method: 'get',
  path: '/{id}/versions',
  operationId: 'listSchemaVersions',
  tags,
  summary: 'Subject versions that use a schema',
  request: { params: SchemaIdParams, query: z.object({ deleted }) },
  responses: {
    200: { description: 'The versions', content: jsonContent(z.array(SchemaVersionBody)) },
    ...errorResponses(400, 404),
  },
});

const getSchemaVersion = createRoute({
  method: 'get',
  path: '/{id}/versions/{version}',
  operationId: 'getSchemaVersion',
  tags,
  summary: 'One subject version that uses a schema',
  request: {
    params: SchemaVersionParams,
    query: z.object({
      subject: textQuery('Which subject, when several share the schema'),
      deleted,
    }),
  },
  responses: {
    200: { description: 'The version', content: jsonContent(SchemaVersionBody) },
    ...errorResponses(400, 404, 422),
  },
});

const getDependencies = createRoute({
  method: 'get',
  path: '/{id}/dependencies',
  operationId: 'getSchemaDependencies',
  tags,
  summary: 'Schemas this schema references',
  request: { params: SchemaIdParams },
  responses: {
    200: { description: 'The references', content: jsonContent(z.array(SchemaDependency)) },
    ...errorResponses(404),
  },
});

const getDependents = createRoute({
  method: 'get',
  path: '/{id}/dependents',
  operationId: 'getSchemaDependents',
  tags,
  summary: 'Subject versions whose schema references this one',
  request: { params: SchemaIdParams, query: z.object({ deleted }) },
  responses: {
    200: { description: 'The dependents', content: jsonContent(z.array(SchemaDependent)) },
    ...errorResponses(400, 404),
  },
});

/**
 * Read-only schema routes under `/api/v1/schemas`: the filtered listing, the versions using a
 * schema, and its dependencies and dependents.
 */
export function schemaQueryRoutes(registry: Registry): OpenAPIHono {
  const app = createRouteApp();

  addRoute(
    app,
    findSchemas,
    async (c) => {
      const query = c.req.valid('query');
      const limit = query.limit ?? 100;
      const offset = query.offset ?? 0;
      const result = await registry.schemas.find({
        subject: query.subject,
        schemaType: query.schema_type,
        metadataKey: query.metadata_key,
        metadataValue: query.metadata_value,
        tag: query.tag,
        includeDeleted: query.deleted,
        limit,
        offset,
      });
      const { total, items } = visiblePage(registry, c, result);
      return c.json({ total, limit, offset, items: items.map(toVersionResponse) }, 200);
    },
    {
      access: {
        action: 'schema.read',
        subject: (c) => (c.req.valid('query' as never) as { subject?: string }).subject,
      },
    },
  );

  addRoute(
    app,
    listSchemaVersions,
    async (c) => {
      const versions = await registry.schemas.versions(c.req.valid('param').id, {
        includeDeleted: c.req.valid('query').deleted,
      });
      const principal = principalOf(c);
      const visible = versions.filter((v) => registry.access.canSee(principal, v.subject));
      return c.json(visible.map(toVersionResponse), 200);
    },
    { access: { action: 'schema.read', schemaId: schemaIdParam } },
  );

  addRoute(
    app,
    getSchemaVersion,
    async (c) => {
      const { id, version } = c.req.valid('param');
      const query = c.req.valid('query');
      const view = await registry.schemas.getVersion(id, version, {
        subject: query.subject,
        includeDeleted: query.deleted,
      });
      if (!registry.access.canSee(principalOf(c), view.subject)) {
        throw new RegistryError(
          'FORBIDDEN',
          `Forbidden: subject ${view.subject} is outside this principal's subject prefixes`,
          { subject: view.subject },
        );
      }
      return c.json(toVersionResponse(view), 200);
    },
    { access: { action: 'schema.read', schemaId: schemaIdParam } },
  );

  addRoute(
    app,
    getDependencies,
    async (c) => {
      const dependencies = await registry.schemas.dependencies(c.req.valid('param').id);
      return c.json(
        dependencies.map((d) => ({
          name: d.name,
          subject: d.subject,
          version: d.version,
          schema_id: d.schemaId,
        })),
        200,
      );
    },
    { access: { action: 'schema.read', schemaId: schemaIdParam } },
  );

  addRoute(
    app,
    getDependents,
    async (c) => {
      const dependents = await registry.schemas.dependents(c.req.valid('param').id, {
        includeDeleted: c.req.valid('query').deleted,
      });
      const principal = principalOf(c);
      return c.json(
        dependents
          .filter((d) => registry.access.canSee(principal, d.subject))
          .map((d) => ({
            subject: d.subject,
            version: d.version,
            schema_id: d.schemaId,
            references: d.references,
          })),
        200,
      );
    },
    { access: { action: 'schema.read', schemaId: schemaIdParam } },
  );

  return app;
}
