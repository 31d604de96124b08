import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Registry } from '@llmsr/core';
import { CompatibilityCheckRequest, CompatibilityReport } from '@llmsr/spec/rest';
import { bodySubject } from '../auth/route-access.js';
import { addRoute } from '../openapi/add-route.js';
import { createRouteApp } from '../openapi/create-route-app.js';
import { errorResponses } from '../openapi/error-responses.js';
import { jsonContent } from '../openapi/json-content.js';
import type { BodyLimits } from '../server-options.js';

const check = createRoute({
  method: 'post',
  path: '/check',
  operationId: 'checkCompatibility',
  tags: ['Compatibility'],
  summary: 'Check a schema against a subject without registering it',
  request: { body: { required: true, content: jsonContent(CompatibilityCheckRequest) } },
  responses: {
    200: {
      description: 'The verdict, with every violation',
      content: jsonContent(CompatibilityReport),
    },
    ...errorResponses(400, 404, 413, 422),
  },
});

/** `POST /api/v1/compatibility/check`: check a schema against a subject without registering it. */
export function compatibilityRoutes(registry: Registry, limits: BodyLimits): OpenAPIHono {
  const app = createRouteApp();
  addRoute(
    app,
    check,
    async (c) => {
      const body = c.req.valid('json');
      const report = await registry.compatibility.check({
        subject: body.subject,
        schema: body.schema,
        schemaType: body.schema_type,
        references: body.references,
        level: body.level,
        version: body.version,
        normalize: body.normalize,
      });
      return c.json(
        {
          compatible: report.compatible,
          level: report.level,
          compared_versions: report.comparedVersions,
          violations: report.violations.map((v) => ({
            rule: v.rule,
            path: v.path,
            old_path: v.oldPath,
            message: v.message,
            severity: v.severity,
            direction: v.direction,
            compared_version: v.comparedVersion,
            fix: v.fix,
          })),
        },
        200,
      );
    },
    {
      access: { action: 'compatibility.check', subject: bodySubject },
      bodyLimit: limits.schemaBytes,
    },
  );
  return app;
}
