import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Registry, StoredVariableSpace } from '@llmsr/core';
import {
  ConfigurationValidateRequest,
  ConfigurationValidateResponse,
  lenientIntegerQuery,
  SampleRequest,
  SampleResponse,
  type VariableSpaceBody,
  VariableSpaceDefinition,
  VariableSpaceDeleted,
  VariableSpaceJsonSchema,
  VariableSpaceBody as VariableSpaceSchema,
  VariableSpaceUpdateRequest,
} from '@llmsr/spec/rest';
import { z } from 'zod';
import { addRoute } from '../openapi/add-route.js';
import { createRouteApp } from '../openapi/create-route-app.js';
import { errorResponses } from '../openapi/error-responses.js';
import { jsonContent } from '../openapi/json-content.js';
import { SpaceIdParams } from '../openapi/path-params.js';
import type { BodyLimits } from '../server-options.js';

function toResponse(space: StoredVariableSpace): VariableSpaceBody {
  return {
    id: space.id,
    version: space.version,
    created_at: space.createdAt,
    updated_at: space.updatedAt,
    space: space.definition,
  };
}

const SAMPLE_BODY_LIMIT = 64_000;
const tags = ['Variable spaces'];
const space = (description: string) => ({ description, content: jsonContent(VariableSpaceSchema) });

const create = createRoute({
  method: 'post',
  path: '/',
  operationId: 'createVariableSpace',
  tags,
  summary: 'Create a variable space',
  request: { body: { required: true, content: jsonContent(VariableSpaceDefinition) } },
  responses: { 201: space('The stored space'), ...errorResponses(400, 409, 413) },
});
const list = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listVariableSpaces',
  tags,
  summary: 'List variable spaces',
  request: {
    query: z.object({
      limit: lenientIntegerQuery('Page size, up to 1000 (default 100)'),
      offset: lenientIntegerQuery('Items to skip (default 0)'),
    }),
  },
  responses: {
    200: { description: 'The spaces', content: jsonContent(z.array(VariableSpaceSchema)) },
    ...errorResponses(),
  },
});
const get = createRoute({
  method: 'get',
  path: '/{id}',
  operationId: 'getVariableSpace',
  tags,
  summary: 'One variable space',
  request: { params: SpaceIdParams },
  responses: { 200: space('The space'), ...errorResponses(404) },
});
const update = createRoute({
  method: 'put',
  path: '/{id}',
  operationId: 'updateVariableSpace',
  tags,
  summary: 'Replace a variable space, given the version you read',
  request: {
    params: SpaceIdParams,
    body: { required: true, content: jsonContent(VariableSpaceUpdateRequest) },
  },
  responses: { 200: space('The updated space'), ...errorResponses(400, 404, 409, 413) },
});
const remove = createRoute({
  method: 'delete',
  path: '/{id}',
  operationId: 'deleteVariableSpace',
  tags,
  summary: 'Delete a variable space',
  request: { params: SpaceIdParams },
  responses: {
    200: { description: 'Deleted', content: jsonContent(VariableSpaceDeleted) },
    ...errorResponses(404),
  },
});
const validate = createRoute({
  method: 'post',
  path: '/{id}/validate',
  operationId: 'validateConfiguration',
  tags,
  summary: 'Validate a configuration: every issue at once, or the normalised configuration',
  request: {
    params: SpaceIdParams,
    body: { required: true, content: jsonContent(ConfigurationValidateRequest) },
  },
  responses: {
    200: { description: 'The verdict', content: jsonContent(ConfigurationValidateResponse) },
    ...errorResponses(400, 404, 413),
  },
});
const sample = createRoute({
  method: 'post',
  path: '/{id}/sample',
  operationId: 'sampleConfigurations',
  tags,
  summary: 'Draw valid configurations from a space',
  request: {
    params: SpaceIdParams,
    body: { required: true, content: jsonContent(SampleRequest) },
  },
  responses: {
    200: { description: 'The configurations', content: jsonContent(SampleResponse) },
    ...errorResponses(400, 404, 413),
  },
});
const jsonSchema = createRoute({
  method: 'get',
  path: '/{id}/json-schema',
  operationId: 'exportVariableSpaceJsonSchema',
  tags,
  summary: 'The space as a JSON Schema, with the rules it cannot express',
  request: { params: SpaceIdParams },
  responses: {
    200: { description: 'The JSON Schema', content: jsonContent(VariableSpaceJsonSchema) },
    ...errorResponses(404),
  },
});

/** Typed variable spaces (`@llmsr/variables`) under `/api/v1/variable-spaces`. */
export function variableSpaceRoutes(registry: Registry, limits: BodyLimits): OpenAPIHono {
  const app = createRouteApp();
  const spaces = registry.variableSpaces;

  addRoute(
    app,
    create,
    async (c) => c.json(toResponse(await spaces.create(c.req.valid('json'))), 201),
    { access: { action: 'variable-space.write' }, bodyLimit: limits.schemaBytes },
  );
  addRoute(
    app,
    list,
    async (c) => {
      const query = c.req.valid('query');
      const found = await spaces.list({
        limit: Math.min(query.limit ?? 100, 1_000),
        offset: query.offset ?? 0,
      });
      return c.json(found.map(toResponse), 200);
    },
    { access: { action: 'variable-space.read' } },
  );
  addRoute(
    app,
    get,
    async (c) => c.json(toResponse(await spaces.getOrThrow(c.req.valid('param').id)), 200),
    { access: { action: 'variable-space.read' } },
  );
  addRoute(
    app,
    update,
    async (c) => {
      const body = c.req.valid('json');
      const updated = await spaces.update(
        c.req.valid('param').id,
        body.space,
        body.expected_version,
      );
      return c.json(toResponse(updated), 200);
    },
    { access: { action: 'variable-space.write' }, bodyLimit: limits.schemaBytes },
  );
  addRoute(
    app,
    remove,
    async (c) => {
      const { id } = c.req.valid('param');
      await spaces.delete(id);
      return c.json({ id, deleted: true as const }, 200);
    },
    { access: { action: 'variable-space.write' } },
  );
  addRoute(
    app,
    validate,
    async (c) => {
      const result = await spaces.validate(
        c.req.valid('param').id,
        c.req.valid('json').configuration,
      );
      return c.json(
        result.valid
          ? { valid: true as const, configuration: result.config, issues: [] }
          : { valid: false as const, issues: result.issues },
        200,
      );
    },
    { access: { action: 'variable-space.read' }, bodyLimit: limits.dataBytes },
  );
  addRoute(
    app,
    sample,
    async (c) => {
      const body = c.req.valid('json');
      const configurations = await spaces.sample(c.req.valid('param').id, {
        count: body.count,
        seed: body.seed,
        method: body.method,
      });
      return c.json({ count: configurations.length, configurations }, 200);
    },
    { access: { action: 'variable-space.read' }, bodyLimit: SAMPLE_BODY_LIMIT },
  );
  addRoute(
    app,
    jsonSchema,
    async (c) => {
      const exported = await spaces.exportJsonSchema(c.req.valid('param').id);
      return c.json(
        {
          schema: exported.schema,
          unexpressed: exported.unexpressed,
          ajv_options: exported.ajvOptions,
        },
        200,
      );
    },
    { access: { action: 'variable-space.read' } },
  );
  return app;
}
