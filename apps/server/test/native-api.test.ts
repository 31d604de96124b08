import type { Registry } from '@llmsr/core';
import type { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, personSchema, send } from './helpers.js';

describe('native REST API', () => {
  let app: Hono;
  let registry: Registry;
  beforeEach(async () => {
    ({ app, registry } = await createTestApp());
  });
  afterEach(() => registry.close());

  it('registers a schema with 201 and returns it in snake_case', async () => {
    const { status, json } = await send(app, 'POST', '/api/v1/schemas', {
      subject: 'people',
      schema: personSchema,
      metadata: { owner: 'team-a' },
    });
    expect(status).toBe(201);
    expect(json).toMatchObject({
      subject: 'people',
      version: 1,
      semver: '1.0.0',
      schema_type: 'JSON',
      schema: personSchema,
      metadata: { owner: 'team-a' },
      created: true,
    });
    expect(typeof json.guid).toBe('string');
    expect(typeof json.created_at).toBe('string');
  });

  it('answers 200 with the existing version when the same schema is registered again', async () => {
    await send(app, 'POST', '/api/v1/schemas', { subject: 'people', schema: personSchema });
    const again = await send(app, 'POST', '/api/v1/schemas', {
      subject: 'people',
      schema: JSON.stringify(personSchema),
    });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ version: 1, created: false });
  });

  it('answers 409 with the compatibility report for an incompatible schema', async () => {
    await send(app, 'POST', '/api/v1/schemas', { subject: 'people', schema: personSchema });
    const { status, json } = await send(app, 'POST', '/api/v1/schemas', {
      subject: 'people',
      schema: { ...personSchema, required: ['name', 'age'] },
    });
    expect(status).toBe(409);
    expect(json.error_code).toBe('INCOMPATIBLE_SCHEMA');
    const report = (json.details as { report: { violations: unknown[] } }).report;
    expect(report.violations.length).toBeGreaterThan(0);
  });

  it('answers 422 with the location of the problem for an invalid schema', async () => {
    const { status, json } = await send(app, 'POST', '/api/v1/schemas', {
      subject: 'people',
      schema: { type: 'object', properties: { age: { minimum: 'zero' } } },
    });
    expect(status).toBe(422);
    expect(json.error_code).toBe('INVALID_SCHEMA');
    const problems = (json.details as { problems: { path: string }[] }).problems;
    expect(problems[0]?.path).toContain('/properties/age');
  });

  it('fetches by id, by guid, lists subjects and versions, and gets integer, semver and latest versions', async () => {
    const created = await send(app, 'POST', '/api/v1/schemas', {
      subject: 'people',
      schema: personSchema,
    });
    const id = created.json.id as number;
    const byId = await send(app, 'GET', `/api/v1/schemas/${id}`);
    expect(byId.status).toBe(200);
    expect(byId.json).toMatchObject({ id, subject: 'people', version: 1, schema: personSchema });
    const byGuid = await send(app, 'GET', `/api/v1/schemas/${created.json.guid as string}`);
    expect(byGuid.json.id).toBe(id);
    expect((await send(app, 'GET', '/api/v1/subjects')).json).toEqual(['people']);
    const versions = await send(app, 'GET', '/api/v1/subjects/people/versions');
    expect((versions.json as unknown as { version: number }[]).map((v) => v.version)).toEqual([1]);
    for (const spec of ['1', '1.0.0', 'latest']) {
      const one = await send(app, 'GET', `/api/v1/subjects/people/versions/${spec}`);
      expect(one.status, spec).toBe(200);
      expect(one.json.version).toBe(1);
    }
  });

  it('soft-deletes, then permanently deletes a version', async () => {
    await send(app, 'POST', '/api/v1/schemas', { subject: 'people', schema: personSchema });
    const early = await send(app, 'DELETE', '/api/v1/subjects/people/versions/1?permanent=true');
    expect(early.status).toBe(409);
    expect(early.json.error_code).toBe('NOT_SOFT_DELETED');
    expect((await send(app, 'DELETE', '/api/v1/subjects/people/versions/1')).status).toBe(200);
    expect((await send(app, 'GET', '/api/v1/subjects/people/versions/1')).status).toBe(404);
    const deleted = await send(app, 'GET', '/api/v1/subjects/people/versions/1?deleted=true');
    expect(deleted.json.deleted_at).not.toBeNull();
    expect(
      (await send(app, 'DELETE', '/api/v1/subjects/people/versions/1?permanent=true')).status,
    ).toBe(200);
    expect((await send(app, 'GET', '/api/v1/subjects/people/versions?deleted=true')).status).toBe(
      404,
    );
  });

  it('deletes a whole subject', async () => {
    await send(app, 'POST', '/api/v1/schemas', { subject: 'people', schema: personSchema });
    const { status, json } = await send(app, 'DELETE', '/api/v1/subjects/people');
    expect(status).toBe(200);
    expect(json.deleted_versions).toEqual([1]);
    expect((await send(app, 'GET', '/api/v1/subjects')).json).toEqual([]);
  });

  it('validates data by schema id or subject and version', async () => {
    const created = await send(app, 'POST', '/api/v1/schemas', {
      subject: 'people',
      schema: personSchema,
    });
    const ok = await send(app, 'POST', '/api/v1/validate/data', {
      schema_id: created.json.id,
      data: { name: 'Ada', age: 36 },
    });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ valid: true, errors: [] });
    expect(typeof ok.json.validation_time_ms).toBe('number');
    const bad = await send(app, 'POST', '/api/v1/validate/data', {
      subject: 'people',
      version: 'latest',
      data: { age: -1 },
    });
    expect(bad.json.valid).toBe(false);
    const paths = (bad.json.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toContain('/age');
    const strict = await send(app, 'POST', '/api/v1/validate/data', {
      schema_id: created.json.id,
      data: { name: 'Ada', extra: 1 },
      strict: true,
    });
    expect(strict.json.valid).toBe(false);
  });

  it('checks compatibility without registering', async () => {
    await send(app, 'POST', '/api/v1/schemas', { subject: 'people', schema: personSchema });
    const { status, json } = await send(app, 'POST', '/api/v1/compatibility/check', {
      subject: 'people',
      schema: { ...personSchema, required: ['name', 'age'] },
    });
    expect(status).toBe(200);
    expect(json.compatible).toBe(false);
    expect(json.compared_versions).toEqual([1]);
  });

  it('sets and reads global and subject config', async () => {
    expect((await send(app, 'PUT', '/api/v1/config', { compatibility_level: 'FULL' })).status).toBe(
      200,
    );
    expect(
      (await send(app, 'PUT', '/api/v1/config/people', { compatibility_level: 'NONE' })).status,
    ).toBe(200);
    const subject = await send(app, 'GET', '/api/v1/config/people');
    expect(subject.json).toMatchObject({
      compatibility_level: 'NONE',
      effective_compatibility_level: 'NONE',
    });
    await send(app, 'DELETE', '/api/v1/config/people');
    const after = await send(app, 'GET', '/api/v1/config/people');
    expect(after.json).toMatchObject({
      compatibility_level: null,
      effective_compatibility_level: 'FULL',
    });
  });

  it('reports health', async () => {
    const { status, json } = await send(app, 'GET', '/health');
    expect(status).toBe(200);
    expect(json).toMatchObject({ status: 'ok', schemas: 0, subjects: 0 });
  });
});
