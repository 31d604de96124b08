import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Registry } from '@llmsr/core';
import {
  ValidateBatchRequest,
  ValidateBatchResponse,
  ValidateDataRequest,
  ValidateDataResponse,
  ValidateSchemaRequest,
  ValidateSchemaResponse,
} from '@llmsr/spec/rest';
import { bodySchemaId, bodySubject } from '../auth/route-access.js';
import { validateAllowed } from '../auth/validate-allowed.js';
import { addRoute } from '../openapi/add-route.js';
import { createRouteApp } from '../openapi/create-route-app.js';
import { errorResponses } from '../openapi/error-responses.js';
import { jsonContent } from '../openapi/json-content.js';
import type { BodyLimits } from '../server-options.js';
import { parseBatchItems } from './parse-batch-items.js';

const validateData = createRoute({
  method: 'post',
  path: '/data',
  operationId: 'validateData',
  tags: ['Validation'],
  summary: 'Validate a document against a schema by id or subject version',
  request: { body: { required: true, content: jsonContent(ValidateDataRequest) } },
  responses: {
    200: { description: 'The verdict (valid or not)', content: jsonContent(ValidateDataResponse) },
    ...errorResponses(400, 404, 413, 422),
  },
});

const validateBatch = createRoute({
  method: 'post',
  path: '/batch',
  operationId: 'validateBatch',
  tags: ['Validation'],
  summary: 'Validate many documents in one call',
  request: { body: { required: true, content: jsonContent(ValidateBatchRequest) } },
  responses: {
    200: {
      description: 'Counts and per-item results',
      content: jsonContent(ValidateBatchResponse),
    },
    ...errorResponses(400, 404, 413, 422),
  },
});

const validateSchema = createRoute({
  method: 'post',
  path: '/schema',
  operationId: 'validateSchema',
  tags: ['Validation'],
  summary: 'Check that a schema is well-formed, with the location of each problem',
  request: { body: { required: true, content: jsonContent(ValidateSchemaRequest) } },
  responses: {
    200: { description: 'The verdict on the schema', content: jsonContent(ValidateSchemaResponse) },
    ...errorResponses(400, 413, 422),
  },
});

/** `POST /api/v1/validate/data`, `/validate/batch` and `/validate/schema`. */
export function validateRoutes(registry: Registry, limits: BodyLimits): OpenAPIHono {
  const app = createRouteApp();

  addRoute(
    app,
    validateData,
    async (c) => {
      const body = c.req.valid('json');
      const result = await registry.validation.validate({
        schemaId: body.schema_id,
        subject: body.subject,
        version: body.version,
        strict: body.strict,
        messageName: body.message_name,
        data: body.data,
      });
      return c.json(
        {
          valid: result.valid,
          schema_id: result.schemaId,
          errors: result.errors,
          warnings: result.warnings,
          validation_time_ms: result.validationTimeMs,
        },
        200,
      );
    },
    {
      access: { action: 'validate', subject: bodySubject, schemaId: bodySchemaId },
      bodyLimit: limits.dataBytes,
    },
  );

  addRoute(
    app,
    validateBatch,
    async (c) => {
      const items = parseBatchItems(c.req.valid('json'));
      const started = performance.now();
      const results = await validateAllowed(registry, c, items);
      const elapsed = performance.now() - started;
      let valid = 0;
      let failed = 0;
      const out = results.map((r) => {
        if ('error' in r) {
          failed++;
          return {
            index: r.index,
            valid: false as const,
            error: { error_code: r.error.code, message: r.error.message, details: r.error.details },
          };
        }
        if (r.valid) valid++;
        return {
          index: r.index,
          valid: r.valid,
          schema_id: r.schemaId,
          errors: r.errors,
          warnings: r.warnings,
        };
      });
      return c.json(
        {
          total: results.length,
          valid,
          invalid: results.length - valid - failed,
          failed,
          validation_time_ms: Math.round(elapsed * 1000) / 1000,
          results: out,
        },
        200,
      );
    },
    // Each item's subject or schema is checked apart (see validateAllowed).
    { access: { action: 'validate' }, bodyLimit: limits.dataBytes },
  );

  addRoute(
    app,
    validateSchema,
    async (c) => {
      const body = c.req.valid('json');
      const result = await registry.schemas.validate({
        schema: body.schema,
        schemaType: body.schema_type,
        references: body.references,
      });
      return c.json(result, 200);
    },
    { access: { action: 'validate' }, bodyLimit: limits.schemaBytes },
  );

  return app;
}
