import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Registry } from '@llmsr/core';
import { ConfluentSchema } from '@llmsr/spec/rest';
import { z } from 'zod';
import { principalOf } from '../auth/request-auth.js';
import { confluentDeleteAction, subjectParam } from '../auth/route-access.js';
import { addRoute } from '../openapi/add-route.js';
import type { BodyLimits } from '../server-options.js';
import { assertNotReferenced, assertWritable } from './assert-writable.js';
import { ConfluentError } from './confluent-error.js';
import { confluentJson } from './confluent-json.js';
import {
  CONFLUENT_TAG,
  confluentErrors,
  confluentResponse,
  flagQuery,
  pageQuery,
  SubjectParam,
} from './confluent-openapi.js';
import { confluentPage } from './confluent-page.js';
import { confluentSchemaPost } from './confluent-schema-post.js';
import { createConfluentRouteApp } from './create-confluent-route-app.js';
import { listVersionsOrNone } from './list-versions-or-none.js';
import { confluentFlag, confluentOptionalFlag } from './parse-confluent-version.js';
import { toConfluentSchema } from './to-confluent-schema.js';

const params = z.object({ subject: SubjectParam });

const list = createRoute({
  method: 'get',
  path: '/',
  operationId: 'confluentListSubjects',
  tags: [CONFLUENT_TAG],
  summary: 'List subjects',
  request: {
    query: z.object({
      subjectPrefix: z.string().optional().meta({ description: 'Only subjects with this prefix' }),
      deleted: flagQuery('Include soft-deleted subjects'),
      deletedOnly: flagQuery('Only soft-deleted subjects'),
      ...pageQuery,
    }),
  },
  responses: { 200: confluentResponse('Subject names', z.array(z.string())), ...confluentErrors() },
});

const lookup = createRoute({
  method: 'post',
  path: '/{subject}',
  operationId: 'confluentLookUpSchema',
  tags: [CONFLUENT_TAG],
  summary: 'Find the version of a subject holding a schema',
  ...confluentSchemaPost({ description: 'The matching version', schema: ConfluentSchema }, 404, {
    deleted: flagQuery('Also match soft-deleted versions'),
  }),
});

const versions = createRoute({
  method: 'get',
  path: '/{subject}/versions',
  operationId: 'confluentListVersions',
  tags: [CONFLUENT_TAG],
  summary: 'List the version numbers of a subject',
  request: {
    params,
    query: z.object({
      deleted: flagQuery('Include soft-deleted versions'),
      deletedOnly: flagQuery('Only soft-deleted versions'),
      deletedAsNegative: flagQuery('Soft-deleted versions as negative numbers'),
      ...pageQuery,
    }),
  },
  responses: {
    200: confluentResponse('Version numbers, ascending', z.array(z.number().int())),
    ...confluentErrors(404),
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/{subject}',
  operationId: 'confluentDeleteSubject',
  tags: [CONFLUENT_TAG],
  summary: 'Delete a subject (soft, or permanent once soft-deleted)',
  request: { params, query: z.object({ permanent: flagQuery('Delete permanently') }) },
  responses: {
    200: confluentResponse('The version numbers deleted', z.array(z.number().int())),
    ...confluentErrors(404, 422),
  },
});

/** `/subjects`: list, lookup by content, version numbers, and subject deletes. */
export function confluentSubjectRoutes(registry: Registry, limits: BodyLimits): OpenAPIHono {
  const app = createConfluentRouteApp();

  addRoute(
    app,
    list,
    async (c) => {
      const deletedOnly = confluentFlag(c.req.query('deletedOnly'));
      const includeDeleted = deletedOnly || confluentFlag(c.req.query('deleted'));
      const given = c.req.query('subjectPrefix');
      // `:*:` is Confluent's "every context"; there is only the default context here.
      const prefix = given && given !== ':*:' ? given : undefined;
      const subjects = registry.access.filterSubjects(
        principalOf(c),
        await registry.subjects.list({ includeDeleted, ...(prefix ? { prefix } : {}) }),
      );
      if (!deletedOnly) return confluentJson(c, confluentPage(c, subjects));
      const live = new Set(await registry.subjects.list(prefix ? { prefix } : {}));
      return confluentJson(
        c,
        confluentPage(
          c,
          subjects.filter((subject) => !live.has(subject)),
        ),
      );
    },
    { access: { action: 'schema.read' } },
  );

  addRoute(
    app,
    lookup,
    async (c) => {
      const request = c.req.valid('json');
      const found = await registry.confluent.lookup({
        subject: c.req.param('subject'),
        schema: request.schema,
        schemaType: request.schemaType,
        references: request.references,
        includeDeleted: confluentFlag(c.req.query('deleted')),
        normalize: confluentOptionalFlag(c.req.query('normalize')),
      });
      return confluentJson(c, toConfluentSchema(found));
    },
    { access: { action: 'schema.read', subject: subjectParam }, bodyLimit: limits.schemaBytes },
  );

  addRoute(
    app,
    versions,
    async (c) => {
      const deletedOnly = confluentFlag(c.req.query('deletedOnly'));
      const includeDeleted = deletedOnly || confluentFlag(c.req.query('deleted'));
      const asNegative = confluentFlag(c.req.query('deletedAsNegative'));
      const subject = c.req.param('subject');
      const views = await registry.subjects.versions(subject, {
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
    },
    { access: { action: 'schema.read', subject: subjectParam } },
  );

  addRoute(
    app,
    remove,
    async (c) => {
      const subject = c.req.param('subject');
      const permanent = confluentFlag(c.req.query('permanent'));
      await assertWritable(registry, subject);
      if (!permanent) {
        const live = await listVersionsOrNone(registry, subject);
        for (const view of live) await assertNotReferenced(registry, subject, view.version);
      }
      const deleted = await registry.subjects.delete(subject, { permanent });
      // A permanently deleted subject leaves no settings behind, as in Confluent.
      if (permanent) await registry.config.delete(subject);
      return confluentJson(c, deleted);
    },
    { access: { ...confluentDeleteAction, subject: subjectParam } },
  );

  return app;
}
