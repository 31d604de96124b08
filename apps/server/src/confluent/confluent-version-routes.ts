import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Registry } from '@llmsr/core';
import { ConfluentRegisterResponse, ConfluentSchema, SchemaContent } from '@llmsr/spec/rest';
import type { Context } from 'hono';
import { z } from 'zod';
import { principalOf } from '../auth/request-auth.js';
import { confluentDeleteAction, subjectParam } from '../auth/route-access.js';
import { addRoute } from '../openapi/add-route.js';
import type { BodyLimits } from '../server-options.js';
import { assertNotReferenced, assertWritable } from './assert-writable.js';
import { ConfluentError } from './confluent-error.js';
import { confluentJson, confluentRawSchema } from './confluent-json.js';
import {
  CONFLUENT_TAG,
  confluentErrors,
  confluentResponse,
  flagQuery,
  pageQuery,
  SubjectParam,
  VersionParam,
} from './confluent-openapi.js';
import { confluentPage } from './confluent-page.js';
import { confluentSchemaPost } from './confluent-schema-post.js';
import { createConfluentRouteApp } from './create-confluent-route-app.js';
import {
  confluentFlag,
  confluentOptionalFlag,
  parseConfluentVersion,
} from './parse-confluent-version.js';
import { confluentSchemaFields, toConfluentSchema } from './to-confluent-schema.js';

const versionParams = z.object({ subject: SubjectParam, version: VersionParam });
const deletedQuery = z.object({ deleted: flagQuery('Also read a soft-deleted version') });

const register = createRoute({
  method: 'post',
  path: '/{subject}/versions',
  operationId: 'confluentRegisterSchema',
  tags: [CONFLUENT_TAG],
  summary: 'Register a schema under a subject (or answer the version already holding it)',
  ...confluentSchemaPost(
    { description: 'The registered or existing version', schema: ConfluentRegisterResponse },
    409,
    {},
  ),
});

const get = createRoute({
  method: 'get',
  path: '/{subject}/versions/{version}',
  operationId: 'confluentGetVersion',
  tags: [CONFLUENT_TAG],
  summary: 'A version of a subject',
  request: { params: versionParams, query: deletedQuery },
  responses: {
    200: confluentResponse('The version', ConfluentSchema),
    ...confluentErrors(404, 422),
  },
});

const getText = createRoute({
  method: 'get',
  path: '/{subject}/versions/{version}/schema',
  operationId: 'confluentGetVersionSchema',
  tags: [CONFLUENT_TAG],
  summary: 'The schema text of a version, as registered',
  request: { params: versionParams, query: deletedQuery },
  responses: {
    200: confluentResponse('The schema text as registered (not JSON-quoted)', SchemaContent),
    ...confluentErrors(404, 422),
  },
});

const referencedBy = createRoute({
  method: 'get',
  path: '/{subject}/versions/{version}/referencedby',
  operationId: 'confluentListReferencedBy',
  tags: [CONFLUENT_TAG],
  summary: 'Global ids of the schemas referencing a version',
  request: { params: versionParams, query: deletedQuery.extend(pageQuery) },
  responses: {
    200: confluentResponse('Schema ids, ascending', z.array(z.number().int())),
    ...confluentErrors(404, 422),
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/{subject}/versions/{version}',
  operationId: 'confluentDeleteVersion',
  tags: [CONFLUENT_TAG],
  summary: 'Delete a version (soft, or permanent once soft-deleted)',
  request: {
    params: versionParams,
    query: z.object({ permanent: flagQuery('Delete permanently') }),
  },
  responses: {
    200: confluentResponse('The version number deleted', z.number().int()),
    ...confluentErrors(404, 422),
  },
});

/** `/subjects/{subject}/versions[/{version}]`: register, read, referencedby, delete. */
export function confluentVersionRoutes(registry: Registry, limits: BodyLimits): OpenAPIHono {
  const app = createConfluentRouteApp();

  const versionOf = async (c: Context) => {
    const subject = c.req.param('subject') as string;
    const version = parseConfluentVersion(c.req.param('version') as string);
    return registry.subjects.getVersionOrThrow(subject, version, {
      includeDeleted: confluentFlag(c.req.query('deleted')),
    });
  };

  addRoute(
    app,
    register,
    async (c) => {
      const { version: view } = await registry.confluent.register({
        ...c.req.valid('json'),
        subject: c.req.param('subject'),
        normalize: confluentOptionalFlag(c.req.query('normalize')),
        createdBy: principalOf(c)?.id,
      });
      return confluentJson(c, {
        id: view.id,
        version: view.version,
        guid: view.guid,
        ...confluentSchemaFields(view),
      });
    },
    {
      access: {
        // Choosing the id or version is an import (admin), as in IMPORT mode.
        action: (c) => {
          const body = c.req.valid('json' as never) as { id?: unknown; version?: unknown };
          return body.id != null || body.version != null ? 'import' : 'schema.register';
        },
        actions: ['schema.register', 'import'],
        subject: subjectParam,
      },
      bodyLimit: limits.schemaBytes,
    },
  );

  const read = { access: { action: 'schema.read', subject: subjectParam } } as const;
  addRoute(app, get, async (c) => confluentJson(c, toConfluentSchema(await versionOf(c))), read);

  addRoute(app, getText, async (c) => confluentRawSchema(c, (await versionOf(c)).schema), read);

  addRoute(
    app,
    referencedBy,
    async (c) => {
      const view = await versionOf(c);
      const ids = await registry.subjects.referencedBy(view.subject, view.version, {
        includeDeleted: confluentFlag(c.req.query('deleted')),
      });
      return confluentJson(c, confluentPage(c, ids));
    },
    read,
  );

  addRoute(
    app,
    remove,
    async (c) => {
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
    },
    { access: { ...confluentDeleteAction, subject: subjectParam } },
  );

  return app;
}
