import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { type Registry, RegistryError } from '@llmsr/core';
import type { Principal } from '@llmsr/spec';
import {
  ApiKeyListQuery,
  ApiKeyPage,
  AuditPage,
  AuditQueryParams,
  CreatedApiKeyBody,
  NewApiKeyRequest,
  RevokedApiKeyBody,
} from '@llmsr/spec/rest';
import { z } from 'zod';
import { principalOf } from '../auth/request-auth.js';
import { addRoute } from '../openapi/add-route.js';
import { createRouteApp } from '../openapi/create-route-app.js';
import { errorResponses } from '../openapi/error-responses.js';
import { jsonContent } from '../openapi/json-content.js';

const KEY_BODY_LIMIT = 16_000;
const tags = ['Access'];
const KeyIdParams = z.object({
  id: z
    .string()
    .regex(/^[0-9a-f]{16}$/, { error: 'must be a key id (16 hex digits)' })
    .meta({
      param: { name: 'id', in: 'path' },
      description: 'The key id',
      example: '0123456789abcdef',
    }),
});

const createKey = createRoute({
  method: 'post',
  path: '/auth/keys',
  operationId: 'createApiKey',
  tags,
  summary: 'Create an API key (admin); its secret is answered once',
  request: { body: { required: true, content: jsonContent(NewApiKeyRequest) } },
  responses: {
    201: {
      description: 'The key and its Basic credentials',
      content: jsonContent(CreatedApiKeyBody),
    },
    ...errorResponses(400, 413),
  },
});

const listKeys = createRoute({
  method: 'get',
  path: '/auth/keys',
  operationId: 'listApiKeys',
  tags,
  summary: 'API keys, newest first, without secrets (admin)',
  request: { query: ApiKeyListQuery },
  responses: {
    200: { description: 'The keys', content: jsonContent(ApiKeyPage) },
    ...errorResponses(400),
  },
});

const revokeKey = createRoute({
  method: 'delete',
  path: '/auth/keys/{id}',
  operationId: 'revokeApiKey',
  tags,
  summary: 'Revoke an API key at once, on every node (admin)',
  request: { params: KeyIdParams },
  responses: {
    200: { description: 'Revoked', content: jsonContent(RevokedApiKeyBody) },
    ...errorResponses(400, 404),
  },
});

const listAudit = createRoute({
  method: 'get',
  path: '/audit',
  operationId: 'listAudit',
  tags,
  summary: 'The audit log: mutations and refused attempts, newest first (admin)',
  request: { query: AuditQueryParams },
  responses: {
    200: { description: 'A page of entries', content: jsonContent(AuditPage) },
    ...errorResponses(400),
  },
});

/** With auth off nobody is authenticated: keys made then are recorded as the operator's. */
const OPERATOR: Principal = Object.freeze({
  id: 'operator',
  kind: 'bootstrap-admin',
  role: 'admin',
});

/** API keys (`/api/v1/auth/keys`) and the audit log (`/api/v1/audit`), for admins. */
export function authRoutes(registry: Registry): OpenAPIHono {
  const app = createRouteApp();
  const { access } = registry;

  addRoute(
    app,
    createKey,
    async (c) => {
      const created = await access.keys.create(c.req.valid('json'), principalOf(c) ?? OPERATOR);
      return c.json(created, 201);
    },
    { access: { action: 'keys.manage' }, bodyLimit: KEY_BODY_LIMIT },
  );

  addRoute(
    app,
    listKeys,
    async (c) => {
      const query = c.req.valid('query');
      const { total, items } = await access.keys.list({
        includeRevoked: query.revoked,
        limit: Math.min(query.limit ?? 100, 1_000),
        offset: query.offset ?? 0,
      });
      return c.json(
        {
          total,
          items: items.map((key) => ({
            id: key.id,
            name: key.name,
            role: key.role,
            subjects: key.subjects,
            basic_user: key.basicUser,
            created_at: key.createdAt,
            created_by: key.createdBy,
            revoked_at: key.revokedAt,
          })),
        },
        200,
      );
    },
    { access: { action: 'keys.manage' } },
  );

  addRoute(
    app,
    revokeKey,
    async (c) => {
      const { id } = c.req.valid('param');
      if (!(await access.keys.revoke(id, principalOf(c) ?? OPERATOR))) {
        throw new RegistryError('RESOURCE_NOT_FOUND', `No active API key ${id}`, { id });
      }
      return c.json({ id, revoked: true as const }, 200);
    },
    { access: { action: 'keys.manage' } },
  );

  addRoute(
    app,
    listAudit,
    async (c) => {
      const query = c.req.valid('query');
      const limit = Math.min(query.limit ?? 100, 1_000);
      const offset = query.offset ?? 0;
      for (const field of ['since', 'until'] as const) {
        const value = query[field];
        if (value !== undefined && Number.isNaN(Date.parse(value))) {
          throw new RegistryError('INVALID_INPUT', `${field} must be an ISO-8601 time`, { field });
        }
      }
      const { total, items } = await access.audit.list({
        ...(query.principal ? { principal: query.principal } : {}),
        ...(query.action ? { action: query.action } : {}),
        ...(query.subject ? { subject: query.subject } : {}),
        ...(query.result ? { result: query.result } : {}),
        ...(query.since ? { since: new Date(query.since).toISOString() } : {}),
        ...(query.until ? { until: new Date(query.until).toISOString() } : {}),
        limit,
        offset,
      });
      return c.json(
        {
          total,
          limit,
          offset,
          items: items.map((entry) => ({
            id: entry.id,
            time: entry.time,
            principal: entry.principal,
            action: entry.action,
            subject: entry.subject,
            result: entry.result,
            client_address: entry.clientAddress,
            details: entry.details,
          })),
        },
        200,
      );
    },
    { access: { action: 'audit.read' } },
  );

  return app;
}
