import { ACTION_MIN_ROLE, AUTH_ROLES, type AuthAction, type AuthRole } from '@llmsr/spec';
import { afterEach, describe, expect, it } from 'vitest';
import { type AuthFixture, createAuthFixture, ORDERS_SCHEMA } from './rbac-fixture.js';

/**
 * One row per route (and per action a route can take): a request that succeeds for the weakest
 * role allowed, the action it performs, and how subject prefixes apply to it (`scoped`: an
 * admin limited to `team-b.` is refused; `listing`: allowed, filtered; `global`: refused).
 */
interface Row {
  route: string;
  action: AuthAction | 'public';
  request: (f: AuthFixture) => { path: string; method?: string; body?: unknown };
  prefixes?: 'scoped' | 'listing' | 'global' | 'none';
  /** State the request needs beyond the fixture's. */
  setup?: (f: AuthFixture) => Promise<unknown>;
}

const importMode = (f: AuthFixture) => f.registry.config.set('team-a.new', { mode: 'IMPORT' });

const json = { 'content-type': 'application/json' };
const registerBody = { subject: 'team-a.new', schema: { type: 'string' } };
const space = {
  id: 'space-a',
  name: 'Space A',
  variables: [{ name: 'temperature', kind: 'float', min: 0, max: 1 }],
};

const ROWS: Row[] = [
  // Documented exceptions: public.
  { route: 'GET /', action: 'public', request: () => ({ path: '/' }) },
  { route: 'GET /health', action: 'public', request: () => ({ path: '/health' }) },
  { route: 'GET /metrics', action: 'public', request: () => ({ path: '/metrics' }) },
  { route: 'GET /openapi.json', action: 'public', request: () => ({ path: '/openapi.json' }) },
  { route: 'GET /docs', action: 'public', request: () => ({ path: '/docs' }) },
  { route: 'GET /docs/init.js', action: 'public', request: () => ({ path: '/docs/init.js' }) },
  {
    route: 'GET /docs/:asset',
    action: 'public',
    request: () => ({ path: '/docs/swagger-ui.css' }),
  },
  // Native API.
  {
    route: 'POST /api/v1/schemas',
    action: 'schema.register',
    request: () => ({ path: '/api/v1/schemas', method: 'POST', body: registerBody }),
    prefixes: 'scoped',
  },
  {
    route: 'POST /api/v1/schemas',
    action: 'import',
    request: () => ({
      path: '/api/v1/schemas',
      method: 'POST',
      body: { subject: 'team-a.new', schema: { type: 'number' }, id: 500, version_number: 1 },
    }),
    prefixes: 'global',
    setup: importMode,
  },
  {
    route: 'GET /api/v1/schemas',
    action: 'schema.read',
    request: () => ({ path: '/api/v1/schemas' }),
    prefixes: 'listing',
  },
  {
    route: 'GET /api/v1/schemas/:id',
    action: 'schema.read',
    request: () => ({ path: '/api/v1/schemas/1' }),
    prefixes: 'scoped',
  },
  {
    route: 'GET /api/v1/schemas/:id/versions',
    action: 'schema.read',
    request: () => ({ path: '/api/v1/schemas/1/versions' }),
    prefixes: 'scoped',
  },
  {
    route: 'GET /api/v1/schemas/:id/versions/:version',
    action: 'schema.read',
    request: () => ({ path: '/api/v1/schemas/1/versions/1' }),
    prefixes: 'scoped',
  },
  {
    route: 'GET /api/v1/schemas/:id/dependencies',
    action: 'schema.read',
    request: () => ({ path: '/api/v1/schemas/1/dependencies' }),
    prefixes: 'scoped',
  },
  {
    route: 'GET /api/v1/schemas/:id/dependents',
    action: 'schema.read',
    request: () => ({ path: '/api/v1/schemas/1/dependents' }),
    prefixes: 'scoped',
  },
  {
    route: 'GET /api/v1/search',
    action: 'schema.read',
    request: () => ({ path: '/api/v1/search?q=orders' }),
    prefixes: 'listing',
  },
  {
    route: 'GET /api/v1/subjects',
    action: 'schema.read',
    request: () => ({ path: '/api/v1/subjects' }),
    prefixes: 'listing',
  },
  {
    route: 'GET /api/v1/subjects/:subject/versions',
    action: 'schema.read',
    request: () => ({ path: '/api/v1/subjects/team-a.orders/versions' }),
    prefixes: 'scoped',
  },
  {
    route: 'GET /api/v1/subjects/:subject/versions/:version',
    action: 'schema.read',
    request: () => ({ path: '/api/v1/subjects/team-a.orders/versions/1' }),
    prefixes: 'scoped',
  },
  {
    route: 'DELETE /api/v1/subjects/:subject/versions/:version',
    action: 'subject.delete.soft',
    request: () => ({ path: '/api/v1/subjects/team-a.orders/versions/1', method: 'DELETE' }),
    prefixes: 'scoped',
  },
  {
    route: 'DELETE /api/v1/subjects/:subject/versions/:version',
    action: 'subject.delete.permanent',
    request: () => ({
      path: '/api/v1/subjects/team-a.orders/versions/2?permanent=true',
      method: 'DELETE',
    }),
    prefixes: 'scoped',
  },
  {
    route: 'DELETE /api/v1/subjects/:subject',
    action: 'subject.delete.soft',
    request: () => ({ path: '/api/v1/subjects/team-a.orders', method: 'DELETE' }),
    prefixes: 'scoped',
  },
  {
    route: 'DELETE /api/v1/subjects/:subject',
    action: 'subject.delete.permanent',
    request: () => ({ path: '/api/v1/subjects/team-a.legacy?permanent=true', method: 'DELETE' }),
    prefixes: 'scoped',
  },
  {
    route: 'POST /api/v1/validate/data',
    action: 'validate',
    request: () => ({
      path: '/api/v1/validate/data',
      method: 'POST',
      body: { schema_id: 1, data: { id: 1 } },
    }),
    prefixes: 'scoped',
  },
  {
    route: 'POST /api/v1/validate/batch',
    action: 'validate',
    request: () => ({
      path: '/api/v1/validate/batch',
      method: 'POST',
      body: { items: [{ schema_id: 1, data: { id: 1 } }] },
    }),
    // Items outside the prefixes answer their own FORBIDDEN (tested below).
    prefixes: 'none',
  },
  {
    route: 'POST /api/v1/validate/schema',
    action: 'validate',
    request: () => ({
      path: '/api/v1/validate/schema',
      method: 'POST',
      body: { schema: { type: 'string' } },
    }),
    prefixes: 'listing',
  },
  {
    route: 'POST /api/v1/llm/lint',
    action: 'validate',
    request: () => ({
      path: '/api/v1/llm/lint',
      method: 'POST',
      body: { schema_id: 1, provider: 'openai' },
    }),
    prefixes: 'scoped',
  },
  {
    route: 'POST /api/v1/llm/provider-schema',
    action: 'validate',
    request: () => ({
      path: '/api/v1/llm/provider-schema',
      method: 'POST',
      body: { subject: 'team-a.orders', version: 1, provider: 'openai' },
    }),
    prefixes: 'scoped',
  },
  {
    route: 'POST /api/v1/llm/parse-output',
    action: 'validate',
    request: () => ({
      path: '/api/v1/llm/parse-output',
      method: 'POST',
      body: { schema_id: 1, text: 'ok: {"id": 1}' },
    }),
    prefixes: 'scoped',
  },
  {
    route: 'POST /api/v1/llm/signatures/compile',
    action: 'validate',
    request: () => ({
      path: '/api/v1/llm/signatures/compile',
      method: 'POST',
      body: { signature: 'question -> answer' },
    }),
    prefixes: 'listing',
  },
  {
    route: 'POST /api/v1/compatibility/check',
    action: 'compatibility.check',
    request: () => ({
      path: '/api/v1/compatibility/check',
      method: 'POST',
      body: { subject: 'team-a.orders', schema: ORDERS_SCHEMA },
    }),
    prefixes: 'scoped',
  },
  {
    route: 'GET /api/v1/config',
    action: 'config.read',
    request: () => ({ path: '/api/v1/config' }),
    prefixes: 'listing',
  },
  {
    route: 'PUT /api/v1/config',
    action: 'config.write',
    request: () => ({
      path: '/api/v1/config',
      method: 'PUT',
      body: { compatibility_level: 'FULL' },
    }),
    prefixes: 'global',
  },
  {
    route: 'DELETE /api/v1/config',
    action: 'config.write',
    request: () => ({ path: '/api/v1/config', method: 'DELETE' }),
    prefixes: 'global',
  },
  {
    route: 'GET /api/v1/config/:subject',
    action: 'config.read',
    request: () => ({ path: '/api/v1/config/team-a.orders' }),
    prefixes: 'scoped',
  },
  {
    route: 'PUT /api/v1/config/:subject',
    action: 'config.write',
    request: () => ({
      path: '/api/v1/config/team-a.orders',
      method: 'PUT',
      body: { compatibility_level: 'FULL' },
    }),
    prefixes: 'scoped',
  },
  {
    route: 'DELETE /api/v1/config/:subject',
    action: 'config.write',
    request: () => ({ path: '/api/v1/config/team-a.orders', method: 'DELETE' }),
    prefixes: 'scoped',
  },
  {
    route: 'POST /api/v1/variable-spaces',
    action: 'variable-space.write',
    request: () => ({
      path: '/api/v1/variable-spaces',
      method: 'POST',
      body: { ...space, id: 'space-b' },
    }),
    prefixes: 'global',
  },
  {
    route: 'GET /api/v1/variable-spaces',
    action: 'variable-space.read',
    request: () => ({ path: '/api/v1/variable-spaces' }),
    prefixes: 'listing',
  },
  {
    route: 'GET /api/v1/variable-spaces/:id',
    action: 'variable-space.read',
    request: () => ({ path: '/api/v1/variable-spaces/space-a' }),
    prefixes: 'listing',
  },
  {
    route: 'PUT /api/v1/variable-spaces/:id',
    action: 'variable-space.write',
    request: () => ({
      path: '/api/v1/variable-spaces/space-a',
      method: 'PUT',
      body: { expected_version: 1, space },
    }),
    prefixes: 'global',
  },
  {
    route: 'DELETE /api/v1/variable-spaces/:id',
    action: 'variable-space.write',
    request: () => ({ path: '/api/v1/variable-spaces/space-a', method: 'DELETE' }),
    prefixes: 'global',
  },
  {
    route: 'POST /api/v1/variable-spaces/:id/validate',
    action: 'variable-space.read',
    request: () => ({
      path: '/api/v1/variable-spaces/space-a/validate',
      method: 'POST',
      body: { configuration: { temperature: 0.5 } },
    }),
    prefixes: 'listing',
  },
  {
    route: 'POST /api/v1/variable-spaces/:id/sample',
    action: 'variable-space.read',
    request: () => ({
      path: '/api/v1/variable-spaces/space-a/sample',
      method: 'POST',
      body: { count: 2, seed: 1 },
    }),
    prefixes: 'listing',
  },
  {
    route: 'GET /api/v1/variable-spaces/:id/json-schema',
    action: 'variable-space.read',
    request: () => ({ path: '/api/v1/variable-spaces/space-a/json-schema' }),
    prefixes: 'listing',
  },
  {
    route: 'GET /api/v1/stream/changes',
    action: 'changes.read',
    request: () => ({ path: '/api/v1/stream/changes' }),
    prefixes: 'listing',
  },
  {
    route: 'GET /api/v1/export',
    action: 'export',
    request: () => ({ path: '/api/v1/export' }),
    prefixes: 'global',
  },
  {
    route: 'POST /api/v1/import',
    action: 'import',
    request: () => ({
      path: '/api/v1/import',
      method: 'POST',
      body: { kind: 'config', subject: 'team-a.orders', compatibility_level: 'FULL' },
    }),
    prefixes: 'global',
  },
  {
    route: 'POST /api/v1/auth/keys',
    action: 'keys.manage',
    request: () => ({
      path: '/api/v1/auth/keys',
      method: 'POST',
      body: { name: 'ci', role: 'reader' },
    }),
    prefixes: 'global',
  },
  {
    route: 'GET /api/v1/auth/keys',
    action: 'keys.manage',
    request: () => ({ path: '/api/v1/auth/keys' }),
    prefixes: 'global',
  },
  {
    route: 'DELETE /api/v1/auth/keys/:id',
    action: 'keys.manage',
    request: (f) => ({ path: `/api/v1/auth/keys/${f.spareKeyId}`, method: 'DELETE' }),
    prefixes: 'global',
  },
  {
    route: 'GET /api/v1/audit',
    action: 'audit.read',
    request: () => ({ path: '/api/v1/audit' }),
    prefixes: 'global',
  },
  // Confluent API.
  {
    route: 'GET /contexts',
    action: 'schema.read',
    request: () => ({ path: '/contexts' }),
    prefixes: 'listing',
  },
  {
    route: 'GET /subjects',
    action: 'schema.read',
    request: () => ({ path: '/subjects' }),
    prefixes: 'listing',
  },
  {
    route: 'POST /subjects/:subject',
    action: 'schema.read',
    request: () => ({
      path: '/subjects/team-a.orders',
      method: 'POST',
      body: { schema: JSON.stringify(ORDERS_SCHEMA), schemaType: 'JSON' },
    }),
    prefixes: 'scoped',
  },
  {
    route: 'DELETE /subjects/:subject',
    action: 'subject.delete.soft',
    request: () => ({ path: '/subjects/team-a.orders', method: 'DELETE' }),
    prefixes: 'scoped',
  },
  {
    route: 'DELETE /subjects/:subject',
    action: 'subject.delete.permanent',
    request: () => ({ path: '/subjects/team-a.legacy?permanent=true', method: 'DELETE' }),
    prefixes: 'scoped',
  },
  {
    route: 'GET /subjects/:subject/versions',
    action: 'schema.read',
    request: () => ({ path: '/subjects/team-a.orders/versions' }),
    prefixes: 'scoped',
  },
  {
    route: 'POST /subjects/:subject/versions',
    action: 'schema.register',
    request: () => ({
      path: '/subjects/team-a.new/versions',
      method: 'POST',
      body: { schema: '"string"' },
    }),
    prefixes: 'scoped',
  },
  {
    route: 'POST /subjects/:subject/versions',
    action: 'import',
    request: () => ({
      path: '/subjects/team-a.new/versions',
      method: 'POST',
      body: { schema: '"string"', id: 700, version: 1 },
    }),
    prefixes: 'global',
    setup: importMode,
  },
  {
    route: 'GET /subjects/:subject/versions/:version',
    action: 'schema.read',
    request: () => ({ path: '/subjects/team-a.orders/versions/1' }),
    prefixes: 'scoped',
  },
  {
    route: 'DELETE /subjects/:subject/versions/:version',
    action: 'subject.delete.soft',
    request: () => ({ path: '/subjects/team-a.orders/versions/1', method: 'DELETE' }),
    prefixes: 'scoped',
  },
  {
    route: 'DELETE /subjects/:subject/versions/:version',
    action: 'subject.delete.permanent',
    request: () => ({
      path: '/subjects/team-a.orders/versions/2?permanent=true',
      method: 'DELETE',
    }),
    prefixes: 'scoped',
  },
  {
    route: 'GET /subjects/:subject/versions/:version/schema',
    action: 'schema.read',
    request: () => ({ path: '/subjects/team-a.orders/versions/1/schema' }),
    prefixes: 'scoped',
  },
  {
    route: 'GET /subjects/:subject/versions/:version/referencedby',
    action: 'schema.read',
    request: () => ({ path: '/subjects/team-a.orders/versions/1/referencedby' }),
    prefixes: 'scoped',
  },
  {
    route: 'GET /schemas',
    action: 'schema.read',
    request: () => ({ path: '/schemas' }),
    prefixes: 'listing',
  },
  {
    route: 'GET /schemas/types',
    action: 'schema.read',
    request: () => ({ path: '/schemas/types' }),
    prefixes: 'listing',
  },
  {
    route: 'GET /schemas/ids/:id',
    action: 'schema.read',
    request: () => ({ path: '/schemas/ids/1' }),
    prefixes: 'scoped',
  },
  {
    route: 'GET /schemas/ids/:id/schema',
    action: 'schema.read',
    request: () => ({ path: '/schemas/ids/1/schema' }),
    prefixes: 'scoped',
  },
  {
    route: 'GET /schemas/ids/:id/subjects',
    action: 'schema.read',
    request: () => ({ path: '/schemas/ids/1/subjects' }),
    prefixes: 'scoped',
  },
  {
    route: 'GET /schemas/ids/:id/versions',
    action: 'schema.read',
    request: () => ({ path: '/schemas/ids/1/versions' }),
    prefixes: 'scoped',
  },
  {
    route: 'GET /schemas/guids/:guid',
    action: 'schema.read',
    request: (f) => ({ path: `/schemas/guids/${f.guid}` }),
    prefixes: 'scoped',
  },
  {
    route: 'GET /config',
    action: 'config.read',
    request: () => ({ path: '/config' }),
    prefixes: 'listing',
  },
  {
    route: 'PUT /config',
    action: 'config.write',
    request: () => ({ path: '/config', method: 'PUT', body: { compatibility: 'FULL' } }),
    prefixes: 'global',
  },
  {
    route: 'DELETE /config',
    action: 'config.write',
    request: () => ({ path: '/config', method: 'DELETE' }),
    prefixes: 'global',
  },
  {
    route: 'GET /config/:subject',
    action: 'config.read',
    request: () => ({ path: '/config/team-a.orders' }),
    prefixes: 'scoped',
  },
  {
    route: 'PUT /config/:subject',
    action: 'config.write',
    request: () => ({
      path: '/config/team-a.orders',
      method: 'PUT',
      body: { compatibility: 'FULL' },
    }),
    prefixes: 'scoped',
  },
  {
    route: 'DELETE /config/:subject',
    action: 'config.write',
    request: () => ({ path: '/config/team-a.orders', method: 'DELETE' }),
    prefixes: 'scoped',
  },
  {
    route: 'GET /mode',
    action: 'mode.read',
    request: () => ({ path: '/mode' }),
    prefixes: 'listing',
  },
  {
    route: 'PUT /mode',
    action: 'mode.write',
    request: () => ({ path: '/mode', method: 'PUT', body: { mode: 'READONLY' } }),
    prefixes: 'global',
  },
  {
    route: 'DELETE /mode',
    action: 'mode.write',
    request: () => ({ path: '/mode', method: 'DELETE' }),
    prefixes: 'global',
  },
  {
    route: 'GET /mode/:subject',
    action: 'mode.read',
    request: () => ({ path: '/mode/team-a.orders' }),
    prefixes: 'scoped',
  },
  {
    route: 'PUT /mode/:subject',
    action: 'mode.write',
    request: () => ({ path: '/mode/team-a.orders', method: 'PUT', body: { mode: 'READONLY' } }),
    prefixes: 'scoped',
  },
  {
    route: 'DELETE /mode/:subject',
    action: 'mode.write',
    request: () => ({ path: '/mode/team-a.orders', method: 'DELETE' }),
    prefixes: 'scoped',
  },
  {
    route: 'POST /compatibility/subjects/:subject/versions',
    action: 'compatibility.check',
    request: () => ({
      path: '/compatibility/subjects/team-a.orders/versions',
      method: 'POST',
      body: { schema: JSON.stringify(ORDERS_SCHEMA), schemaType: 'JSON' },
    }),
    prefixes: 'scoped',
  },
  {
    route: 'POST /compatibility/subjects/:subject/versions/:version',
    action: 'compatibility.check',
    request: () => ({
      path: '/compatibility/subjects/team-a.orders/versions/1',
      method: 'POST',
      body: { schema: JSON.stringify(ORDERS_SCHEMA), schemaType: 'JSON' },
    }),
    prefixes: 'scoped',
  },
];

let fixture: AuthFixture | undefined;
afterEach(async () => {
  await fixture?.registry.close();
  fixture = undefined;
});

async function call(
  f: AuthFixture,
  row: Row,
  who: keyof AuthFixture['headers'],
): Promise<{ status: number; body: unknown }> {
  const { path, method = 'GET', body } = row.request(f);
  const response = await f.app.request(path, {
    method,
    headers: { ...json, ...f.headers[who] },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  // A change stream never ends: its status is all this test needs.
  const streaming = response.headers.get('content-type')?.includes('event-stream');
  if (streaming) await response.body?.cancel();
  const text = streaming ? '' : await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {}
  return { status: response.status, body: parsed };
}

const weaker = (role: AuthRole): AuthRole | undefined => AUTH_ROLES[AUTH_ROLES.indexOf(role) - 1];

describe('the RBAC matrix of the REST and Confluent APIs', () => {
  it('has a row for every route the app serves, with the action the route declares', async () => {
    fixture = await createAuthFixture();
    const served = new Set(
      fixture.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`),
    );
    const rows = new Set(ROWS.map((row) => row.route));
    expect([...served].filter((route) => !rows.has(route))).toEqual([]);
    expect([...rows].filter((route) => !served.has(route))).toEqual([]);
    const doc = (await (await fixture.app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { 'x-llmsr-access'?: string[] }>>;
    };
    for (const row of ROWS) {
      const [method, path] = row.route.split(' ') as [string, string];
      const documented = doc.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
      if (!documented) continue; // the docs' static assets are not API operations
      expect(documented['x-llmsr-access'], row.route).toContain(row.action);
    }
  });

  it.each(ROWS.map((row) => [`${row.route} (${row.action})`, row] as const))(
    '%s: 401 without credentials, 403 below its role, success with its role',
    async (_name, row) => {
      if (row.action === 'public') {
        fixture = await createAuthFixture();
        expect((await call(fixture, row, 'anonymous')).status).toBeLessThan(400);
        return;
      }
      const needed = ACTION_MIN_ROLE[row.action];
      fixture = await createAuthFixture();
      await row.setup?.(fixture);
      const anonymous = await call(fixture, row, 'anonymous');
      expect(anonymous.status, JSON.stringify(anonymous.body)).toBe(401);
      const below = weaker(needed);
      if (below) {
        const refused = await call(fixture, row, below);
        expect(refused.status, JSON.stringify(refused.body)).toBe(403);
      }
      const allowed = await call(fixture, row, needed);
      expect(allowed.status, JSON.stringify(allowed.body)).toBeLessThan(300);
    },
  );

  it.each(
    ROWS.filter((row) => row.prefixes === 'scoped' || row.prefixes === 'global').map(
      (row) => [`${row.route} (${row.action})`, row] as const,
    ),
  )('%s: refused to an admin limited to another team’s subject prefix', async (_name, row) => {
    fixture = await createAuthFixture();
    await row.setup?.(fixture);
    const refused = await call(fixture, row, 'outsider');
    expect(refused.status, JSON.stringify(refused.body)).toBe(403);
  });
});
