import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Registry } from '@llmsr/core';
import { ConfluentMode, ConfluentModeRequest } from '@llmsr/spec/rest';
import type { Context } from 'hono';
import { z } from 'zod';
import { subjectParam } from '../auth/route-access.js';
import { addRoute } from '../openapi/add-route.js';
import { ConfluentError } from './confluent-error.js';
import { confluentJson } from './confluent-json.js';
import { flagQuery } from './confluent-openapi.js';
import { confluentScopedRoutes } from './confluent-scoped-routes.js';
import { confluentConfigSubject } from './confluent-subject-name.js';
import { createConfluentRouteApp } from './create-confluent-route-app.js';
import { listVersionsOrNone } from './list-versions-or-none.js';
import { confluentFlag } from './parse-confluent-version.js';

const MODE_BODY_LIMIT = 64_000;

/** The three operations on `/mode` (global) or `/mode/{subject}`. */
function modeRoutes(path: '/' | '/{subject}') {
  return confluentScopedRoutes(path, {
    resource: 'Mode',
    setting: 'mode',
    body: ConfluentModeRequest,
    shown: ConfluentMode,
    set: ConfluentMode,
    setDescription: 'The mode set',
    putQuery: z.object({ force: flagQuery('IMPORT even when schemas exist') }),
  });
}

/** `/mode` and `/mode/{subject}`: READWRITE, READONLY, READONLY_OVERRIDE and IMPORT. */
export function confluentModeRoutes(registry: Registry): OpenAPIHono {
  const app = createConfluentRouteApp();
  const subjectOf = (c: Context) => confluentConfigSubject(c.req.param('subject'));

  const get = async (c: Context) => {
    const subject = subjectOf(c);
    if (subject !== null && !confluentFlag(c.req.query('defaultToGlobal'))) {
      const own = await registry.config.get(subject);
      if (!own?.mode) {
        throw new ConfluentError(
          40409,
          `Subject '${subject}' does not have subject-level mode configured`,
        );
      }
      return confluentJson(c, { mode: own.mode });
    }
    return confluentJson(c, { mode: await registry.config.resolveMode(subject) });
  };

  const put = async (c: Context, mode: string) => {
    const subject = subjectOf(c);
    const wantsImport = mode.toUpperCase() === 'IMPORT';
    if (wantsImport && !confluentFlag(c.req.query('force'))) {
      // IMPORT keeps other registries' ids: only into an empty subject (or registry) unless forced.
      const existing =
        subject === null
          ? await registry.subjects.list()
          : await listVersionsOrNone(registry, subject);
      if (existing.length > 0) {
        throw new ConfluentError(
          42205,
          `Cannot import since found existing subjects${subject === null ? '' : ` ('${subject}')`}; use force=true to override`,
        );
      }
    }
    const saved = await registry.config.set(subject, { mode });
    return confluentJson(c, { mode: saved.mode ?? mode });
  };

  const remove = async (c: Context) => {
    const subject = subjectOf(c);
    const old = await registry.config.clearSetting(subject, 'mode');
    if (!old && subject !== null) {
      throw new ConfluentError(40401, `Subject '${subject}' not found.`);
    }
    return confluentJson(c, { mode: old?.mode ?? (await registry.config.resolveMode(null)) });
  };

  for (const path of ['/', '/{subject}'] as const) {
    const routes = modeRoutes(path);
    const write = { action: 'mode.write', subject: subjectParam } as const;
    addRoute(app, routes.get, get, { access: { action: 'mode.read', subject: subjectParam } });
    addRoute(app, routes.put, (c) => put(c, c.req.valid('json').mode), {
      access: write,
      bodyLimit: MODE_BODY_LIMIT,
    });
    addRoute(app, routes.remove, remove, { access: write });
  }
  return app;
}
