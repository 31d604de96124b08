import type { Registry } from '@llmsr/core';
import { Hono } from 'hono';
import { optionalBoolean, optionalString, optionalStringOrInteger } from '../body-fields.js';
import { readJsonObject } from '../read-json-body.js';
import type { BodyLimits } from '../server-options.js';
import { parseBatchItems } from './parse-batch-items.js';

/** `POST /api/v1/validate/data`, `/validate/batch` and `/validate/schema`. */
export function validateRoutes(registry: Registry, limits: BodyLimits): Hono {
  const app = new Hono();

  app.post('/data', async (c) => {
    const body = await readJsonObject(c, limits.dataBytes);
    const result = await registry.validation.validate({
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

  app.post('/batch', async (c) => {
    const body = await readJsonObject(c, limits.dataBytes);
    const items = parseBatchItems(body);
    const started = performance.now();
    const results = await registry.validation.validateBatch(items);
    const elapsed = performance.now() - started;
    let valid = 0;
    let failed = 0;
    const out = results.map((r) => {
      if ('error' in r) {
        failed++;
        return {
          index: r.index,
          valid: false,
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
    return c.json({
      total: results.length,
      valid,
      invalid: results.length - valid - failed,
      failed,
      validation_time_ms: Math.round(elapsed * 1000) / 1000,
      results: out,
    });
  });

  app.post('/schema', async (c) => {
    const body = await readJsonObject(c, limits.schemaBytes);
    const result = await registry.schemas.validate({
      schema: body.schema,
      schemaType: optionalString(body, 'schema_type'),
      references: body.references,
    });
    return c.json(result);
  });

  return app;
}
