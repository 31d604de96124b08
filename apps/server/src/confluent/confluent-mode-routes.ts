import type { Registry } from '@llmsr/core';
import { type Context, Hono } from 'hono';
import { readJsonObject } from '../read-json-body.js';
import { ConfluentError } from './confluent-error.js';
import { confluentJson } from './confluent-json.js';
import { confluentConfigSubject } from './confluent-subject-name.js';
import { listVersionsOrNone } from './list-versions-or-none.js';
import { confluentFlag } from './parse-confluent-version.js';

const MODE_BODY_LIMIT = 64_000;
const INVALID_MODE =
  'Invalid mode. Valid values are READWRITE, READONLY, READONLY_OVERRIDE and IMPORT.';

/** `/mode` and `/mode/{subject}`: READWRITE, READONLY, READONLY_OVERRIDE and IMPORT. */
export function confluentModeRoutes(registry: Registry): Hono {
  const app = new Hono();
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

  const put = async (c: Context) => {
    const subject = subjectOf(c);
    const body = await readJsonObject(c, MODE_BODY_LIMIT);
    if (typeof body.mode !== 'string') throw new ConfluentError(42204, INVALID_MODE);
    const wantsImport = body.mode.toUpperCase() === 'IMPORT';
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
    const saved = await registry.config.set(subject, { mode: body.mode });
    return confluentJson(c, { mode: saved.mode });
  };

  const remove = async (c: Context) => {
    const subject = subjectOf(c);
    const old = await registry.config.clearSetting(subject, 'mode');
    if (!old && subject !== null) {
      throw new ConfluentError(40401, `Subject '${subject}' not found.`);
    }
    return confluentJson(c, { mode: old?.mode ?? (await registry.config.resolveMode(null)) });
  };

  app.get('/', get).put('/', put).delete('/', remove);
  app.get('/:subject', get).put('/:subject', put).delete('/:subject', remove);
  return app;
}
