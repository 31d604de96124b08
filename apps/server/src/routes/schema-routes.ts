import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Registry } from '@llmsr/core';
import { RegisterRequest, RegisterResponse, SchemaBody } from '@llmsr/spec/rest';
import { principalOf } from '../auth/request-auth.js';
import { bodySubject, schemaIdParam } from '../auth/route-access.js';
import { addRoute } from '../openapi/add-route.js';
import { createRouteApp } from '../openapi/create-route-app.js';
import { errorResponses } from '../openapi/error-responses.js';
import { jsonContent } from '../openapi/json-content.js';
import { SchemaIdParams } from '../openapi/path-params.js';
import type { BodyLimits } from '../server-options.js';
import { toSchemaResponse, toVersionResponse } from '../to-schema-response.js';
import { toLintIssueBody } from './to-lint-issue-body.js';

const register = createRoute({
  method: 'post',
  path: '/',
  operationId: 'registerSchema',
  tags: ['Schemas'],
  summary: 'Register a schema under a subject',
  request: { body: { required: true, content: jsonContent(RegisterRequest) } },
  responses: {
    201: { description: 'A new version was created', content: jsonContent(RegisterResponse) },
    200: {
      description: 'The content was already registered',
      content: jsonContent(RegisterResponse),
    },
    ...errorResponses(400, 404, 409, 413, 422),
  },
});

const getById = createRoute({
  method: 'get',
  path: '/{id}',
  operationId: 'getSchema',
  tags: ['Schemas'],
  summary: 'A schema by global id or guid',
  request: { params: SchemaIdParams },
  responses: {
    200: { description: 'The schema', content: jsonContent(SchemaBody) },
    ...errorResponses(404),
  },
});

/** `POST /api/v1/schemas` (register) and `GET /api/v1/schemas/{id}`. */
export function schemaRoutes(registry: Registry, limits: BodyLimits): OpenAPIHono {
  const app = createRouteApp();

  addRoute(
    app,
    register,
    async (c) => {
      const body = c.req.valid('json');
      const result = await registry.schemas.register({
        subject: body.subject,
        schema: body.schema,
        schemaType: body.schema_type,
        compatibilityLevel: body.compatibility_level,
        metadata: body.metadata,
        references: body.references,
        semver: body.version,
        // The principal, never the request; only an import (admin, choosing ids) restores the
        // author its export recorded, so history survives a migration.
        createdBy: isImport(body) ? (body.created_by ?? principalOf(c)?.id) : principalOf(c)?.id,
        id: body.id,
        version: body.version_number,
        normalize: body.normalize,
        lintFor: body.lint_for,
        lintMode: body.lint_mode,
      });
      const answer = {
        ...toVersionResponse(result.version),
        created: result.created,
        ...(result.lintIssues === undefined
          ? {}
          : { warnings: result.lintIssues.map(toLintIssueBody) }),
      };
      return result.created ? c.json(answer, 201) : c.json(answer, 200);
    },
    {
      access: {
        // Choosing the id or version number is an import (admin), as in IMPORT mode.
        action: (c) => {
          const body = c.req.valid('json' as never) as { id?: number; version_number?: number };
          return body.id !== undefined || body.version_number !== undefined
            ? 'import'
            : 'schema.register';
        },
        actions: ['schema.register', 'import'],
        subject: bodySubject,
      },
      bodyLimit: limits.schemaBytes,
    },
  );

  addRoute(
    app,
    getById,
    async (c) => {
      const view = await registry.schemas.getOrThrow(c.req.valid('param').id);
      return c.json(toSchemaResponse(view), 200);
    },
    { access: { action: 'schema.read', schemaId: schemaIdParam } },
  );

  return app;
}

/** A registration choosing its id or version number: an import (admin), as in IMPORT mode. */
function isImport(body: { id?: number | null; version_number?: number | null }): boolean {
  return body.id != null || body.version_number != null;
}
