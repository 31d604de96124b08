import type { ConfigRecord, Registry } from '@llmsr/core';
import { type Context, Hono } from 'hono';
import { optionalBoolean, optionalString } from '../body-fields.js';
import { checkConfigExtra } from '../config-extra-fields.js';
import { parseConfigSubject } from '../config-subject.js';
import { readJsonObject } from '../read-json-body.js';

/** Native config fields kept as config extras, with the extra's (Confluent) key and JSON type. */
const EXTRA_FIELDS = {
  compatibility_policy: { key: 'compatibilityPolicy', type: 'string' },
  normalize: { key: 'normalize', type: 'boolean' },
  json_schema_default_draft: { key: 'jsonSchemaDefaultDraft', type: 'string' },
} as const;

function toConfigResponse(config: ConfigRecord | undefined, subject: string | null) {
  const extras: Record<string, unknown> = {};
  for (const [field, { key }] of Object.entries(EXTRA_FIELDS)) {
    extras[field] = config?.extra?.[key] ?? null;
  }
  return {
    subject,
    compatibility_level: config?.compatibilityLevel ?? null,
    mode: config?.mode ?? null,
    ...extras,
  };
}

/** The extras a PUT body sets (`compatibility_policy`, `normalize`, `json_schema_default_draft`). */
function readExtraFields(body: Record<string, unknown>): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  for (const [field, { key, type }] of Object.entries(EXTRA_FIELDS)) {
    const value = type === 'boolean' ? optionalBoolean(body, field) : optionalString(body, field);
    if (value === undefined) continue;
    checkConfigExtra(key, field, value);
    extra[key] = value;
  }
  return extra;
}

/** Global (`/api/v1/config`) and per-subject (`/api/v1/config/:subject`) configuration. */
export function configRoutes(registry: Registry): Hono {
  const app = new Hono();
  const subjectOf = (c: Context) => parseConfigSubject(c.req.param('subject'));

  const get = async (c: Context) => {
    const subject = subjectOf(c);
    const own = await registry.config.get(subject);
    const body = toConfigResponse(own, subject);
    return c.json({
      ...body,
      effective_compatibility_level: await registry.config.resolveLevel(subject),
      effective_mode: await registry.config.resolveMode(subject),
    });
  };
  const put = async (c: Context) => {
    const subject = subjectOf(c);
    const body = await readJsonObject(c, 64_000);
    const extra = readExtraFields(body);
    const current = Object.keys(extra).length > 0 ? await registry.config.get(subject) : undefined;
    const saved = await registry.config.set(subject, {
      compatibilityLevel: optionalString(body, 'compatibility_level'),
      mode: optionalString(body, 'mode'),
      // Merged into the stored extras: Confluent-only fields set elsewhere stay.
      ...(Object.keys(extra).length > 0 ? { extra: { ...current?.extra, ...extra } } : {}),
    });
    return c.json(toConfigResponse(saved, subject));
  };
  const remove = async (c: Context) => {
    const removed = await registry.config.delete(subjectOf(c));
    return c.json(toConfigResponse(removed, subjectOf(c)));
  };

  app.get('/', get).put('/', put).delete('/', remove);
  app.get('/:subject', get).put('/:subject', put).delete('/:subject', remove);
  return app;
}
