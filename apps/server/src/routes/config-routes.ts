import type { ConfigRecord, Registry } from '@llmsr/core';
import { type Context, Hono } from 'hono';
import { optionalString } from '../body-fields.js';
import { parseConfigSubject } from '../config-subject.js';
import { readJsonObject } from '../read-json-body.js';

function toConfigResponse(config: ConfigRecord | undefined, subject: string | null) {
  return {
    subject,
    compatibility_level: config?.compatibilityLevel ?? null,
    mode: config?.mode ?? null,
  };
}

/** Global (`/api/v1/config`) and per-subject (`/api/v1/config/:subject`) configuration. */
export function configRoutes(registry: Registry): Hono {
  const app = new Hono();
  const subjectOf = (c: Context) => parseConfigSubject(c.req.param('subject'));

  const get = async (c: Context) => {
    const subject = subjectOf(c);
    const own = await registry.getConfig(subject);
    const body = toConfigResponse(own, subject);
    return c.json({
      ...body,
      effective_compatibility_level: await registry.resolveCompatibilityLevel(subject),
      effective_mode: await registry.resolveMode(subject),
    });
  };
  const put = async (c: Context) => {
    const body = await readJsonObject(c, 64_000);
    const saved = await registry.setConfig(subjectOf(c), {
      compatibilityLevel: optionalString(body, 'compatibility_level'),
      mode: optionalString(body, 'mode'),
    });
    return c.json(toConfigResponse(saved, subjectOf(c)));
  };
  const remove = async (c: Context) => {
    const removed = await registry.deleteConfig(subjectOf(c));
    return c.json(toConfigResponse(removed, subjectOf(c)));
  };

  app.get('/', get).put('/', put).delete('/', remove);
  app.get('/:subject', get).put('/:subject', put).delete('/:subject', remove);
  return app;
}
