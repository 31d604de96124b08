import type { Registry } from '@llmsr/core';
import { Hono } from 'hono';
import { queryFlag } from '../body-fields.js';
import { toVersionResponse } from '../to-schema-response.js';

/** Subjects, their versions, and soft/permanent deletes under `/api/v1/subjects`. */
export function subjectRoutes(registry: Registry): Hono {
  const app = new Hono();

  app.get('/', async (c) => {
    const subjects = await registry.subjects.list({
      includeDeleted: queryFlag(c.req.query('deleted')),
      ...(c.req.query('prefix') ? { prefix: c.req.query('prefix') } : {}),
    });
    return c.json(subjects);
  });

  app.get('/:subject/versions', async (c) => {
    const versions = await registry.subjects.versions(c.req.param('subject'), {
      includeDeleted: queryFlag(c.req.query('deleted')),
    });
    return c.json(versions.map(toVersionResponse));
  });

  app.get('/:subject/versions/:version', async (c) => {
    const view = await registry.subjects.getVersionOrThrow(
      c.req.param('subject'),
      c.req.param('version'),
      {
        includeDeleted: queryFlag(c.req.query('deleted')),
      },
    );
    return c.json(toVersionResponse(view));
  });

  app.delete('/:subject/versions/:version', async (c) => {
    const view = await registry.subjects.deleteVersion(
      c.req.param('subject'),
      c.req.param('version'),
      {
        permanent: queryFlag(c.req.query('permanent')),
      },
    );
    return c.json(toVersionResponse(view));
  });

  app.delete('/:subject', async (c) => {
    const versions = await registry.subjects.delete(c.req.param('subject'), {
      permanent: queryFlag(c.req.query('permanent')),
    });
    return c.json({ subject: c.req.param('subject'), deleted_versions: versions });
  });

  return app;
}
