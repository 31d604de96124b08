import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { ConfigRecord, Registry } from '@llmsr/core';
import { ConfigBody, ConfigUpdateRequest, EffectiveConfigBody } from '@llmsr/spec/rest';
import type { Context } from 'hono';
import type { z } from 'zod';
import { subjectParam } from '../auth/route-access.js';
import { parseConfigSubject } from '../config-subject.js';
import { addRoute } from '../openapi/add-route.js';
import { createRouteApp } from '../openapi/create-route-app.js';
import { errorResponses } from '../openapi/error-responses.js';
import { jsonContent } from '../openapi/json-content.js';
import { SubjectParams } from '../openapi/path-params.js';

/** Native config fields kept as config extras, under their (Confluent) extra key. */
const EXTRA_FIELDS = {
  compatibility_policy: 'compatibilityPolicy',
  normalize: 'normalize',
  json_schema_default_draft: 'jsonSchemaDefaultDraft',
} as const;

function toConfigResponse(config: ConfigRecord | undefined, subject: string | null): ConfigBody {
  const extra = (key: string) => (config?.extra?.[key] ?? null) as never;
  return {
    subject,
    compatibility_level: (config?.compatibilityLevel ?? null) as ConfigBody['compatibility_level'],
    mode: (config?.mode ?? null) as ConfigBody['mode'],
    compatibility_policy: extra(EXTRA_FIELDS.compatibility_policy),
    normalize: extra(EXTRA_FIELDS.normalize),
    json_schema_default_draft: extra(EXTRA_FIELDS.json_schema_default_draft),
  };
}

/** The extras a PUT body sets (`compatibility_policy`, `normalize`, `json_schema_default_draft`). */
function extraFields(body: z.output<typeof ConfigUpdateRequest>): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  for (const [field, key] of Object.entries(EXTRA_FIELDS)) {
    const value = body[field as keyof typeof EXTRA_FIELDS];
    if (value !== undefined) extra[key] = value;
  }
  return extra;
}

const CONFIG_BODY_LIMIT = 64_000;
const tags = ['Configuration'];
const scopes = [
  { path: '/', params: undefined, name: 'Global', where: 'the global config' },
  { path: '/{subject}', params: SubjectParams, name: 'Subject', where: "a subject's config" },
] as const;

/** Global (`/api/v1/config`) and per-subject (`/api/v1/config/{subject}`) configuration. */
export function configRoutes(registry: Registry): OpenAPIHono {
  const app = createRouteApp();
  const subjectOf = (c: Context) => parseConfigSubject(c.req.param('subject'));

  for (const scope of scopes) {
    const request = scope.params ? { params: scope.params } : {};
    addRoute(
      app,
      createRoute({
        method: 'get',
        path: scope.path,
        operationId: `get${scope.name}Config`,
        tags,
        summary: `Read ${scope.where}, with the level and mode in force`,
        request,
        responses: {
          200: { description: 'The config', content: jsonContent(EffectiveConfigBody) },
          ...errorResponses(400),
        },
      }),
      async (c) => {
        const subject = subjectOf(c);
        const own = await registry.config.get(subject);
        return c.json(
          {
            ...toConfigResponse(own, subject),
            effective_compatibility_level: (await registry.config.resolveLevel(
              subject,
            )) as EffectiveConfigBody['effective_compatibility_level'],
            effective_mode: (await registry.config.resolveMode(
              subject,
            )) as EffectiveConfigBody['effective_mode'],
          },
          200,
        );
      },
      { access: { action: 'config.read', subject: subjectParam } },
    );
    addRoute(
      app,
      createRoute({
        method: 'put',
        path: scope.path,
        operationId: `set${scope.name}Config`,
        tags,
        summary: `Set fields of ${scope.where}; absent fields stay`,
        request: {
          ...request,
          body: { required: true, content: jsonContent(ConfigUpdateRequest) },
        },
        responses: {
          200: { description: 'The saved config', content: jsonContent(ConfigBody) },
          ...errorResponses(400, 413, 422),
        },
      }),
      async (c) => {
        const subject = subjectOf(c);
        const body = c.req.valid('json');
        const extra = extraFields(body);
        const current =
          Object.keys(extra).length > 0 ? await registry.config.get(subject) : undefined;
        const saved = await registry.config.set(subject, {
          compatibilityLevel: body.compatibility_level,
          mode: body.mode,
          // Merged into the stored extras: Confluent-only fields set elsewhere stay.
          ...(Object.keys(extra).length > 0 ? { extra: { ...current?.extra, ...extra } } : {}),
        });
        return c.json(toConfigResponse(saved, subject), 200);
      },
      { access: { action: 'config.write', subject: subjectParam }, bodyLimit: CONFIG_BODY_LIMIT },
    );
    addRoute(
      app,
      createRoute({
        method: 'delete',
        path: scope.path,
        operationId: `delete${scope.name}Config`,
        tags,
        summary: `Remove ${scope.where} (defaults apply again)`,
        request,
        responses: {
          200: { description: 'The removed config', content: jsonContent(ConfigBody) },
          ...errorResponses(400, 422),
        },
      }),
      async (c) => {
        const subject = subjectOf(c);
        return c.json(toConfigResponse(await registry.config.delete(subject), subject), 200);
      },
      { access: { action: 'config.write', subject: subjectParam } },
    );
  }
  return app;
}
