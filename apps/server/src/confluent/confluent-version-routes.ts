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
import { type RegisterRequest, readRegisterRequest } from './read-register-request.js';
import {
  confluentDataContract,
  confluentSchemaFields,
  toConfluentSchema,
  toStoredMetadata,
} from './to-confluent-schema.js';

/** `/subjects/{subject}/versions[/{version}]`: register, read, referencedby, delete. */
export function confluentVersionRoutes(registry: Registry, limits: BodyLimits): Hono {
  const app = new Hono();

  const versionOf = async (c: Context) => {
    const subject = c.req.param('subject') as string;
    const version = parseConfluentVersion(c.req.param('version') as string);
    return registry.subjects.getVersionOrThrow(subject, version, {
      includeDeleted: confluentFlag(c.req.query('deleted')),
    });
  };

  // Confluent carries metadata and ruleSet over from the previous version when a request omits them.
  const metadataToStore = async (subject: string, request: RegisterRequest) => {
    const previous =
      request.metadata && request.ruleSet
        ? undefined
        : await registry.subjects.getVersion(subject, 'latest');
    const inherited = confluentDataContract(previous?.metadata) as Partial<RegisterRequest>;
    return toStoredMetadata({
      metadata: request.metadata ?? inherited.metadata,
      ruleSet: request.ruleSet ?? inherited.ruleSet,
    });
  };

  app.post('/:subject/versions', async (c) => {
    const subject = c.req.param('subject');
    const request = await readRegisterRequest(c, limits.schemaBytes);
    const content = {
      subject,
      schema: request.schema,
      schemaType: request.schemaType,
      references: request.references,
      normalize: confluentOptionalFlag(c.req.query('normalize')),
    };
    // Registering what the subject already holds answers its id without mode or compatibility
    // checks, as in Confluent (a read-only subject still answers idempotent registrations).
    const existing = await registry.schemas.findByContent(content);
    const sameChoice =
      existing &&
      (request.id === undefined || request.id === existing.id) &&
      (request.version === undefined || request.version === existing.version);
    const view = sameChoice
      ? existing
      : (
          await registry.schemas.register({
            ...content,
            metadata: await metadataToStore(subject, request),
            createdBy: c.req.header('x-llmsr-user'),
            id: request.id,
            version: request.version,
          })
        ).version;
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
    const ids = await registry.subjects.referencedBy(view.subject, view.version, {
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
      const current = await registry.subjects.getVersion(subject, version, {
        includeDeleted: true,
      });
      if (current?.deletedAt) {
        throw new ConfluentError(
          40406,
          `Subject '${subject}' Version ${current.version} was soft deleted.Set permanent=true to delete permanently`,
        );
      }
      if (current) await assertNotReferenced(registry, subject, current.version);
    }
    const deleted = await registry.subjects.deleteVersion(subject, version, { permanent });
    return confluentJson(c, deleted.version);
  });

  return app;
}
