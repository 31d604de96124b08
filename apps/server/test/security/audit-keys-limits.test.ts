import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_KEY, type AuthFixture, createAuthFixture } from './rbac-fixture.js';

type Json = Record<string, unknown> & { items?: Record<string, unknown>[] };

let fixture: AuthFixture | undefined;
afterEach(async () => {
  await fixture?.registry.close();
  fixture = undefined;
});

async function send(
  f: AuthFixture,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<{ status: number; body: Json; headers: Headers }> {
  const response = await f.app.request(path, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return {
    status: response.status,
    body: (await response.json()) as Json,
    headers: response.headers,
  };
}

const admin = { 'x-api-key': ADMIN_KEY };

describe('API keys over REST', () => {
  it('answers the secret once, lists keys without it, and accepts it as Bearer, X-API-Key and Basic', async () => {
    fixture = await createAuthFixture();
    const created = await send(fixture, 'POST', '/api/v1/auth/keys', admin, {
      name: 'ci',
      role: 'writer',
      subjects: ['team-a.'],
    });
    expect(created.status).toBe(201);
    const { id, key, basic_user, basic_password } = created.body as Record<string, string>;
    expect(key).toMatch(/^llmsr_[0-9a-f]{16}_/);
    const listed = await send(fixture, 'GET', '/api/v1/auth/keys', admin);
    const entry = listed.body.items?.find((k) => k.id === id);
    expect(entry).toMatchObject({
      name: 'ci',
      role: 'writer',
      subjects: ['team-a.'],
      created_by: 'admin:bootstrap',
    });
    expect(JSON.stringify(listed.body)).not.toContain(basic_password);
    const basic = `Basic ${Buffer.from(`${basic_user}:${basic_password}`).toString('base64')}`;
    const ways: Record<string, string>[] = [
      { authorization: `Bearer ${key}` },
      { 'x-api-key': key as string },
      { authorization: basic },
    ];
    for (const headers of ways) {
      expect((await send(fixture, 'GET', '/api/v1/subjects', headers)).body).toEqual([
        'team-a.orders',
      ]);
    }
  });

  it('refuses a revoked key at once, and says when the key to revoke does not exist', async () => {
    fixture = await createAuthFixture();
    const { body } = await send(fixture, 'POST', '/api/v1/auth/keys', admin, {
      name: 'x',
      role: 'reader',
    });
    const headers = { authorization: `Bearer ${body.key}` };
    expect((await send(fixture, 'GET', '/api/v1/subjects', headers)).status).toBe(200);
    expect((await send(fixture, 'DELETE', `/api/v1/auth/keys/${body.id}`, admin)).status).toBe(200);
    const refused = await send(fixture, 'GET', '/api/v1/subjects', headers);
    expect(refused.status).toBe(401);
    expect(refused.body.error_code).toBe('UNAUTHENTICATED');
    expect((await send(fixture, 'DELETE', `/api/v1/auth/keys/${body.id}`, admin)).status).toBe(404);
    expect((await send(fixture, 'DELETE', '/api/v1/auth/keys/not-an-id', admin)).status).toBe(400);
  });

  it.each([
    [{ role: 'reader' }, 'name'],
    [{ name: 'x', role: 'root' }, 'role'],
    [{ name: 'x', role: 'reader', subjects: [''] }, 'subjects'],
    [{ name: 'x', role: 'reader', subjects: 'team-a.' }, 'subjects'],
    [{ name: 'x'.repeat(201), role: 'reader' }, 'name'],
  ])('refuses the key request %j naming the field %s', async (body, field) => {
    fixture = await createAuthFixture();
    const refused = await send(fixture, 'POST', '/api/v1/auth/keys', admin, body);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body.details)).toContain(field);
  });
});

describe('created_by', () => {
  it('is the principal, never a header or body field', async () => {
    fixture = await createAuthFixture();
    const registered = await send(
      fixture,
      'POST',
      '/api/v1/schemas',
      { ...fixture.headers.writer, 'x-llmsr-user': 'mallory' },
      { subject: 'team-a.spoof', schema: { type: 'boolean' }, created_by: 'mallory' },
    );
    expect(registered.status).toBe(201);
    expect(registered.body.created_by).toMatch(/^key:[0-9a-f]{16}$/);
  });
});

describe('the audit log', () => {
  it('records mutations with their outcome and refusals, with principal, subject and time, newest first', async () => {
    fixture = await createAuthFixture();
    const f = fixture;
    await send(f, 'POST', '/api/v1/schemas', f.headers.writer, {
      subject: 'team-a.audit',
      schema: { type: 'null' },
    });
    await send(f, 'PUT', '/mode', f.headers.writer, { mode: 'READONLY' });
    await send(f, 'DELETE', '/api/v1/subjects/team-a.nothing', f.headers.writer);
    await send(f, 'GET', '/api/v1/subjects', { authorization: 'Bearer llmsr_nonsense' });
    const { body } = await send(f, 'GET', '/api/v1/audit', admin);
    const rows = (body.items ?? []).map((e) => [e.action, e.subject, e.result]);
    expect(rows).toEqual([
      ['schema.read', null, 'denied'],
      ['subject.delete.soft', 'team-a.nothing', 'error'],
      ['mode.write', null, 'denied'],
      ['schema.register', 'team-a.audit', 'ok'],
    ]);
    const [anonymous, , , registered] = body.items ?? [];
    expect(anonymous?.principal).toBe('anonymous');
    expect(registered?.principal).toMatch(/^key:/);
    expect(registered?.client_address).toBeTruthy();
    expect(Number.isNaN(Date.parse(String(registered?.time)))).toBe(false);
  });

  it('filters by action, result, subject and principal, and pages', async () => {
    fixture = await createAuthFixture();
    const f = fixture;
    for (const subject of ['team-a.p1', 'team-a.p2', 'team-a.p3']) {
      await send(f, 'POST', '/api/v1/schemas', f.headers.writer, {
        subject,
        schema: { type: 'string', title: subject },
      });
    }
    await send(f, 'PUT', '/config', f.headers.reader, { compatibility: 'FULL' });
    const registered = await send(f, 'GET', '/api/v1/audit?action=schema.register&limit=2', admin);
    expect(registered.body.total).toBe(3);
    expect(registered.body.items?.map((e) => e.subject)).toEqual(['team-a.p3', 'team-a.p2']);
    const next = await send(
      f,
      'GET',
      '/api/v1/audit?action=schema.register&limit=2&offset=2',
      admin,
    );
    expect(next.body.items?.map((e) => e.subject)).toEqual(['team-a.p1']);
    const denied = await send(f, 'GET', '/api/v1/audit?result=denied', admin);
    expect(denied.body.items?.map((e) => e.action)).toEqual(['config.write']);
    expect((await send(f, 'GET', '/api/v1/audit?subject=team-a.p2', admin)).body.total).toBe(1);
    const principal = String(registered.body.items?.[0]?.principal);
    expect((await send(f, 'GET', `/api/v1/audit?principal=${principal}`, admin)).body.total).toBe(
      3,
    );
    expect((await send(f, 'GET', '/api/v1/audit?since=yesterday-ish', admin)).status).toBe(400);
    expect((await send(f, 'GET', '/api/v1/audit?result=maybe', admin)).status).toBe(400);
  });
});

describe('rate limits', () => {
  it('answer 429 with Retry-After past a role’s budget, count each principal apart, and leave unlisted roles alone', async () => {
    fixture = await createAuthFixture({ rateLimits: { reader: 2, anonymous: 1 } });
    const f = fixture;
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await send(f, 'GET', '/api/v1/subjects', f.headers.reader)).status);
    expect(statuses).toEqual([200, 200, 429]);
    const limited = await send(f, 'GET', '/subjects', f.headers.reader);
    expect(limited.status).toBe(429);
    expect(limited.body.error_code).toBe(42901);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    for (let i = 0; i < 5; i++)
      expect((await send(f, 'GET', '/api/v1/subjects', f.headers.writer)).status).toBe(200);
    expect((await send(f, 'GET', '/api/v1/subjects', {})).status).toBe(401);
    expect((await send(f, 'GET', '/api/v1/subjects', {})).status).toBe(429);
    expect((await f.app.request('/health')).status).toBe(200);
  });
});
