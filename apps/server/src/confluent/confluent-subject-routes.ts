import type { Registry } from '@llmsr/core';
import { Hono } from 'hono';
import type { BodyLimits } from '../server-options.js';
import { assertNotReferenced, assertWritable } from './assert-writable.js';
import { ConfluentError } from './confluent-error.js';
import { confluentJson } from './confluent-json.js';
import { confluentPage } from './confluent-page.js';
import { listVersionsOrNone } from './list-versions-or-none.js';
import { confluentFlag, confluentOptionalFlag } from './parse-confluent-version.js';
import { readRegisterRequest } from './read-register-request.js';
import { toConfluentSchema } from './to-confluent-schema.js';

/** `/subjects`: list, lookup by content, version numbers, and subject deletes. */
export function confluentSubjectRoutes(registry: Registry, limits: BodyLimits): Hono {
  const app = new Hono();

  app.get('/', async (c) => {
    const deletedOnly = confluentFlag(c.req.query('deletedOnly'));
    const includeDeleted = deletedOnly || confluentFlag(c.req.query('deleted'));
    const given = c.req.query('subjectPrefix');
    // `:*:` is Confluent's "every context"; there is only the default context here.
    const prefix = given && given !== ':*:' ? given : undefined;
    const subjects = await registry.listSubjects({ includeDeleted, ...(prefix ? { prefix } : {}) });
    if (!deletedOnly) return confluentJson(c, confluentPage(c, subjects));
    const live = new Set(await registry.listSubjects(prefix ? { prefix } : {}));
    return confluentJson(
      c,
      confluentPage(
        c,
        subjects.filter((subject) => !live.has(subject)),
      ),
    );
  });

  app.post('/:subject', async (c) => {
    const request = await readRegisterRequest(c, limits.schemaBytes);
    const found = await registry.lookupConfluentSchema({
      subject: c.req.param('subject'),
      schema: request.schema,
      schemaType: request.schemaType,
      references: request.references,
      includeDeleted: confluentFlag(c.req.query('deleted')),
      normalize: confluentOptionalFlag(c.req.query('normalize')),
    });
    return confluentJson(c, toConfluentSchema(found));
  });

  app.get('/:subject/versions', async (c) => {
    const deletedOnly = confluentFlag(c.req.query('deletedOnly'));
    const includeDeleted = deletedOnly || confluentFlag(c.req.query('deleted'));
    const asNegative = confluentFlag(c.req.query('deletedAsNegative'));
    const subject = c.req.param('subject');
    const views = await registry.listVersions(subject, {
      includeDeleted: includeDeleted || asNegative,
    });
    const chosen = deletedOnly ? views.filter((view) => view.deletedAt !== null) : views;
    if (chosen.length === 0) throw new ConfluentError(40401, `Subject '${subject}' not found.`);
    return confluentJson(
      c,
      confluentPage(
        c,
        chosen.map((view) =>
          asNegative && view.deletedAt !== null ? -view.version : view.version,
        ),
      ),
    );
  });

  app.delete('/:subject', async (c) => {
    const subject = c.req.param('subject');
    const permanent = confluentFlag(c.req.query('permanent'));
    await assertWritable(registry, subject);
    if (!permanent) {
      const live = await listVersionsOrNone(registry, subject);
      for (const view of live) await assertNotReferenced(registry, subject, view.version);
    }
    const deleted = await registry.deleteSubject(subject, { permanent });
    // A permanently deleted subject leaves no settings behind, as in Confluent.
    if (permanent) await registry.deleteConfig(subject);
    return confluentJson(c, deleted);
  });

  return app;
}
