import type { Registry } from '@llmsr/core';
import { Hono } from 'hono';
import {
  optionalBoolean,
  optionalString,
  optionalStringOrInteger,
  requiredString,
} from '../body-fields.js';
import { readJsonObject } from '../read-json-body.js';
import type { BodyLimits } from '../server-options.js';

/** `POST /api/v1/compatibility/check`: check a schema against a subject without registering it. */
export function compatibilityRoutes(registry: Registry, limits: BodyLimits): Hono {
  const app = new Hono();
  app.post('/check', async (c) => {
    const body = await readJsonObject(c, limits.schemaBytes);
    const report = await registry.compatibility.check({
      subject: requiredString(body, 'subject'),
      schema: body.schema,
      schemaType: optionalString(body, 'schema_type'),
      references: body.references,
      level: optionalString(body, 'level'),
      version: optionalStringOrInteger(body, 'version'),
      normalize: optionalBoolean(body, 'normalize'),
    });
    return c.json({
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
    });
  });
  return app;
}
