import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ConfigRecord, Registry } from '@llmsr/core';
import {
  CONFLUENT_CONFIG_FIELDS,
  ConfluentConfig,
  ConfluentConfigRequest,
  ConfluentConfigUpdate,
} from '@llmsr/spec/rest';
import type { Context } from 'hono';
import type { z } from 'zod';
import { subjectParam } from '../auth/route-access.js';
import { addRoute } from '../openapi/add-route.js';
import { ConfluentError } from './confluent-error.js';
import { confluentJson } from './confluent-json.js';
import { confluentScopedRoutes } from './confluent-scoped-routes.js';
import { confluentConfigSubject } from './confluent-subject-name.js';
import { createConfluentRouteApp } from './create-confluent-route-app.js';
import { confluentFlag } from './parse-confluent-version.js';

const CONFIG_BODY_LIMIT = 64_000;

/** The three operations on `/config` (global) or `/config/{subject}`. */
function configRoutes(path: '/' | '/{subject}') {
  return confluentScopedRoutes(path, {
    resource: 'Config',
    setting: 'compatibility level and config fields',
    body: ConfluentConfigRequest,
    shown: ConfluentConfig,
    set: ConfluentConfigUpdate,
    setDescription: 'The fields set',
  });
}

/** `/config` and `/config/{subject}`: compatibility level and Confluent's other config fields. */
export function confluentConfigRoutes(registry: Registry): OpenAPIHono {
  const app = createConfluentRouteApp();
  const subjectOf = (c: Context) => confluentConfigSubject(c.req.param('subject'));

  const get = async (c: Context) => {
    const subject = subjectOf(c);
    const own = await registry.config.get(subject);
    if (subject === null || confluentFlag(c.req.query('defaultToGlobal'))) {
      const global = subject === null ? own : await registry.config.get(null);
      return confluentJson(c, {
        compatibilityLevel: await registry.config.resolveLevel(subject),
        ...global?.extra,
        ...(subject === null ? {} : own?.extra),
      });
    }
    if (!own || (!own.compatibilityLevel && !hasExtra(own))) {
      throw new ConfluentError(
        40408,
        `Subject '${subject}' does not have subject-level compatibility configured`,
      );
    }
    return confluentJson(c, toConfig(own));
  };

  const put = async (c: Context, body: z.output<typeof ConfluentConfigRequest>) => {
    const level = body.compatibility ?? body.compatibilityLevel;
    const extra = configFields(body);
    const current = await registry.config.get(subjectOf(c));
    // The registry checks the settings it acts on (compatibilityPolicy, jsonSchemaDefaultDraft)
    // and stores them in canonical form; the answer shows them as stored.
    const saved = await registry.config.set(subjectOf(c), {
      ...(level === undefined ? {} : { compatibilityLevel: level }),
      ...(Object.keys(extra).length > 0 ? { extra: { ...current?.extra, ...extra } } : {}),
    });
    const stored = Object.fromEntries(
      Object.keys(extra).map((field) => [field, saved.extra?.[field] ?? extra[field]]),
    );
    return confluentJson(c, {
      ...(level === undefined ? {} : { compatibility: saved.compatibilityLevel }),
      ...stored,
    });
  };

  const remove = async (c: Context) => {
    const subject = subjectOf(c);
    const old = await registry.config.clearSetting(subject, 'compatibilityLevel');
    if (!old && subject !== null) {
      throw new ConfluentError(40401, `Subject '${subject}' not found.`);
    }
    return confluentJson(
      c,
      old ? toConfig(old) : { compatibilityLevel: await registry.config.resolveLevel(null) },
    );
  };

  for (const path of ['/', '/{subject}'] as const) {
    const routes = configRoutes(path);
    const write = { action: 'config.write', subject: subjectParam } as const;
    addRoute(app, routes.get, get, { access: { action: 'config.read', subject: subjectParam } });
    addRoute(app, routes.put, (c) => put(c, c.req.valid('json')), {
      access: write,
      bodyLimit: CONFIG_BODY_LIMIT,
    });
    addRoute(app, routes.remove, remove, { access: write });
  }
  return app;
}

function hasExtra(config: ConfigRecord | undefined): boolean {
  return config?.extra !== undefined && Object.keys(config.extra).length > 0;
}

function toConfig(config: ConfigRecord): Record<string, unknown> {
  return {
    ...(config.compatibilityLevel ? { compatibilityLevel: config.compatibilityLevel } : {}),
    ...config.extra,
  };
}

/** The Confluent config fields a body sets (their types checked by the request schema). */
function configFields(body: Record<string, unknown>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const field of CONFLUENT_CONFIG_FIELDS) {
    if (body[field] !== undefined) fields[field] = body[field];
  }
  return fields;
}
