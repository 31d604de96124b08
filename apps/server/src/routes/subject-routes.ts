import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Registry } from '@llmsr/core';
import {
  DeleteSubjectResponse,
  flagQuery,
  SchemaVersionBody,
  SubjectList,
  textQuery,
} from '@llmsr/spec/rest';
import { z } from 'zod';
import { principalOf } from '../auth/request-auth.js';
import { deleteAction, subjectParam } from '../auth/route-access.js';
import { addRoute } from '../openapi/add-route.js';
import { createRouteApp } from '../openapi/create-route-app.js';
import { errorResponses } from '../openapi/error-responses.js';
import { jsonContent } from '../openapi/json-content.js';
import { SubjectParams, SubjectVersionParams } from '../openapi/path-params.js';
import { toVersionResponse } from '../to-schema-response.js';

const deleted = z.object({ deleted: flagQuery('Include soft-deleted versions') });
const permanent = z.object({
  permanent: flagQuery('Delete for good (the version must be soft-deleted first)'),
});
const tags = ['Subjects'];

const listSubjects = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listSubjects',
  tags,
  summary: 'Subject names',
  request: {
    query: deleted.extend({ prefix: textQuery('Only subjects starting with this') }),
  },
  responses: {
    200: { description: 'Subject names', content: jsonContent(SubjectList) },
    ...errorResponses(400),
  },
});

const listVersions = createRoute({
  method: 'get',
  path: '/{subject}/versions',
  operationId: 'listSubjectVersions',
  tags,
  summary: 'Versions of a subject, oldest first',
  request: { params: SubjectParams, query: deleted },
  responses: {
    200: { description: 'The versions', content: jsonContent(z.array(SchemaVersionBody)) },
    ...errorResponses(400, 404),
  },
});

const getVersion = createRoute({
  method: 'get',
  path: '/{subject}/versions/{version}',
  operationId: 'getSubjectVersion',
  tags,
  summary: 'One version by number, semver or latest',
  request: { params: SubjectVersionParams, query: deleted },
  responses: {
    200: { description: 'The version', content: jsonContent(SchemaVersionBody) },
    ...errorResponses(400, 404, 422),
  },
});

const deleteVersion = createRoute({
  method: 'delete',
  path: '/{subject}/versions/{version}',
  operationId: 'deleteSubjectVersion',
  tags,
  summary: 'Soft-delete a version, or permanently delete a soft-deleted one',
  request: { params: SubjectVersionParams, query: permanent },
  responses: {
    200: { description: 'The deleted version', content: jsonContent(SchemaVersionBody) },
    ...errorResponses(400, 404, 409, 422),
  },
});

const deleteSubject = createRoute({
  method: 'delete',
  path: '/{subject}',
  operationId: 'deleteSubject',
  tags,
  summary: 'Delete every version of a subject (soft, or permanent)',
  request: { params: SubjectParams, query: permanent },
  responses: {
    200: {
      description: 'The deleted version numbers',
      content: jsonContent(DeleteSubjectResponse),
    },
    ...errorResponses(400, 404, 409, 422),
  },
});

/** Subjects, their versions, and soft/permanent deletes under `/api/v1/subjects`. */
export function subjectRoutes(registry: Registry): OpenAPIHono {
  const app = createRouteApp();

  addRoute(
    app,
    listSubjects,
    async (c) => {
      const { deleted, prefix } = c.req.valid('query');
      const subjects = await registry.subjects.list({
        includeDeleted: deleted,
        ...(prefix ? { prefix } : {}),
      });
      return c.json(registry.access.filterSubjects(principalOf(c), subjects), 200);
    },
    { access: { action: 'schema.read' } },
  );

  addRoute(
    app,
    listVersions,
    async (c) => {
      const versions = await registry.subjects.versions(c.req.valid('param').subject, {
        includeDeleted: c.req.valid('query').deleted,
      });
      return c.json(versions.map(toVersionResponse), 200);
    },
    { access: { action: 'schema.read', subject: subjectParam } },
  );

  addRoute(
    app,
    getVersion,
    async (c) => {
      const { subject, version } = c.req.valid('param');
      const view = await registry.subjects.getVersionOrThrow(subject, version, {
        includeDeleted: c.req.valid('query').deleted,
      });
      return c.json(toVersionResponse(view), 200);
    },
    { access: { action: 'schema.read', subject: subjectParam } },
  );

  addRoute(
    app,
    deleteVersion,
    async (c) => {
      const { subject, version } = c.req.valid('param');
      const view = await registry.subjects.deleteVersion(subject, version, {
        permanent: c.req.valid('query').permanent,
      });
      return c.json(toVersionResponse(view), 200);
    },
    { access: { ...deleteAction, subject: subjectParam } },
  );

  addRoute(
    app,
    deleteSubject,
    async (c) => {
      const { subject } = c.req.valid('param');
      const versions = await registry.subjects.delete(subject, {
        permanent: c.req.valid('query').permanent,
      });
      return c.json({ subject, deleted_versions: versions }, 200);
    },
    { access: { ...deleteAction, subject: subjectParam } },
  );

  return app;
}
