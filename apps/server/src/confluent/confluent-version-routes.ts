import type { Registry } from '@llmsr/core';
import { type Context, Hono } from 'hono';
import type { BodyLimits } from '../server-options.js';
import { assertNotReferenced, assertWritable } from './assert-writable.js';
import { ConfluentError } from './confluent-error.js';
import { confluentJson, confluentRawSchema } from './confluent-json.js';
import { confluentPage } from './confluent-page.js';
import {
  confluentFlag,
  confluentOptionalFlag,
  parseConfluentVersion,
} from './parse-confluent-version.js';
import { readRegisterRequest } from './read-register-request.js';
import { confluentSchemaFields, toConfluentSchema } from './to-confluent-schema.js';

/** `/subjects/{subject}/versions[/{version}]`: register, read, referencedby, delete. */
export function confluentVersionRoutes(registry: Registry, limits: BodyLimits): Hono {
  const app = new Hono();

  const versionOf = async (c: Context) => {
    const subject = c.req.param('subject') as string;
    const version = parseConfluentVersion(c.req.param('version') as string);
    return registry.getVersionOrThrow(subject, version, {
      includeDeleted: confluentFlag(c.req.query('deleted')),
    });
  };

  app.post('/:subject/versions', async (c) => {
    const request = await readRegisterRequest(c, limits.schemaBytes);
    const { version: view } = await registry.registerConfluentSchema({
      ...request,
      subject: c.req.param('subject'),
      normalize: confluentOptionalFlag(c.req.query('normalize')),
      createdBy: c.req.header('x-llmsr-user'),
    });
    return confluentJson(c, {
      id: view.id,
      version: view.version,
      guid: view.guid,
      ...confluentSchemaFields(view),
    });
  });

  app.get('/:subject/versions/:version', async (c) =>
    confluentJson(c, toConfluentSchema(await versionOf(c))),
  );

  app.get('/:subject/versions/:version/schema', async (c) =>
    confluentRawSchema(c, (await versionOf(c)).schema),
  );

  app.get('/:subject/versions/:version/referencedby', async (c) => {
    const view = await versionOf(c);
    const ids = await registry.listReferencingSchemaIds(view.subject, view.version, {
      includeDeleted: confluentFlag(c.req.query('deleted')),
    });
    return confluentJson(c, confluentPage(c, ids));
  });

  app.delete('/:subject/versions/:version', async (c) => {
    const subject = c.req.param('subject');
    const version = parseConfluentVersion(c.req.param('version'));
    const permanent = confluentFlag(c.req.query('permanent'));
    await assertWritable(registry, subject);
    if (!permanent) {
      const current = await registry.getVersion(subject, version, { includeDeleted: true });
      if (current?.deletedAt) {
        throw new ConfluentError(
          40406,
          `Subject '${subject}' Version ${current.version} was soft deleted.Set permanent=true to delete permanently`,
        );
      }
      if (current) await assertNotReferenced(registry, subject, current.version);
    }
    const deleted = await registry.deleteVersion(subject, version, { permanent });
    return confluentJson(c, deleted.version);
  });

  return app;
}
