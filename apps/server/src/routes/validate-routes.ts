import type { Registry } from '@llmsr/core';
import { Hono } from 'hono';
import { optionalBoolean, optionalString, optionalStringOrInteger } from '../body-fields.js';
import { readJsonObject } from '../read-json-body.js';
import type { BodyLimits } from '../server-options.js';

/** `POST /api/v1/validate/data` and `POST /api/v1/validate/schema`. */
export function validateRoutes(registry: Registry, limits: BodyLimits): Hono {
  const app = new Hono();

  app.post('/data', async (c) => {
    const body = await readJsonObject(c, limits.dataBytes);
    const result = await registry.validateData({
      schemaId: optionalStringOrInteger(body, 'schema_id'),
      subject: optionalString(body, 'subject'),
      version: optionalStringOrInteger(body, 'version'),
      strict: optionalBoolean(body, 'strict'),
      messageName: optionalString(body, 'message_name'),
      data: body.data,
    });
    return c.json({
      valid: result.valid,
      schema_id: result.schemaId,
      errors: result.errors,
      warnings: result.warnings,
      validation_time_ms: result.validationTimeMs,
    });
  });

  app.post('/schema', async (c) => {
    const body = await readJsonObject(c, limits.schemaBytes);
    const result = await registry.validateSchema({
      schema: body.schema,
      schemaType: optionalString(body, 'schema_type'),
      references: body.references,
    });
    return c.json(result);
  });

  return app;
}
