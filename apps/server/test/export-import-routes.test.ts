import { describe, expect, it } from 'vitest';
import { createTestApp, personSchema, send } from './helpers.js';

const SPACE = {
  id: 'chat',
  name: 'Chat bot',
  variables: [{ name: 'provider', kind: 'choice', values: ['openai', 'groq'] }],
};

describe('GET /api/v1/export', () => {
  it('streams versions (soft-deleted ones too), configs, resources and the global config last as NDJSON', async () => {
    const { app, registry } = await createTestApp();
    await registry.schemas.register({ subject: 'p', schema: personSchema, createdBy: 'ann' });
    await registry.subjects.deleteVersion('p', 1);
    await registry.config.set('p', { mode: 'READONLY', extra: { normalize: true } });
    await registry.config.set(null, { compatibilityLevel: 'FULL' });
    await registry.variableSpaces.create(SPACE);
    const response = await app.request('/api/v1/export');
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.kind)).toEqual(['version', 'config', 'resource', 'config']);
    expect(lines[0]).toMatchObject({
      subject: 'p',
      version: 1,
      deleted: true,
      created_by: 'ann',
      schema: JSON.stringify(personSchema),
    });
    expect(lines[1]).toEqual({
      kind: 'config',
      subject: 'p',
      compatibility_level: null,
      mode: 'READONLY',
      extra: { normalize: true },
    });
    expect(lines[2]).toMatchObject({ resource_kind: 'variable-space', id: 'chat' });
    expect(lines[3]).toMatchObject({ subject: null, compatibility_level: 'FULL' });
  });
});

describe('POST /api/v1/import', () => {
  it('replaces a config with the exported one, extras included', async () => {
    const { app, registry } = await createTestApp();
    await registry.config.set(null, { mode: 'IMPORT' });
    const answer = await send(app, 'POST', '/api/v1/import', {
      kind: 'config',
      subject: null,
      compatibility_level: 'NONE',
      mode: null,
      extra: { compatibilityPolicy: 'LENIENT' },
    });
    expect(answer).toMatchObject({ status: 200, json: { outcome: 'applied' } });
    expect(await registry.config.get(null)).toEqual({
      subject: null,
      compatibilityLevel: 'NONE',
      extra: { compatibilityPolicy: 'LENIENT' },
    });
  });

  it('creates a resource, skips the same document and refuses another with CONFLICT', async () => {
    const { app, registry } = await createTestApp();
    const line = { kind: 'resource', resource_kind: 'variable-space', id: 'chat', document: SPACE };
    expect((await send(app, 'POST', '/api/v1/import', line)).json).toEqual({ outcome: 'applied' });
    // A re-run sends the document as exported: the stored (normalised) form.
    const stored = await registry.resources.get('variable-space', 'chat');
    const again = { ...line, document: stored?.document };
    expect((await send(app, 'POST', '/api/v1/import', again)).json).toEqual({
      outcome: 'skipped',
    });
    const other = await send(app, 'POST', '/api/v1/import', {
      ...line,
      document: { ...SPACE, name: 'Other' },
    });
    expect(other).toMatchObject({ status: 409, json: { error_code: 'CONFLICT' } });
    expect((await registry.variableSpaces.getOrThrow('chat')).definition).toMatchObject({
      name: 'Chat bot',
    });
  });

  it.each([
    [{ kind: 'version', subject: 'p' }, 'kind'],
    [{ kind: 'config', subject: 'a\u0000b' }, 'subject'],
    [{ kind: 'config', subject: 'p', extra: [1] }, 'extra'],
    [{ kind: 'resource', id: 'x', document: {} }, 'resource_kind'],
    [{ kind: 'resource', resource_kind: 'pipeline', id: 'x', document: {} }, 'resource_kind'],
    [
      { kind: 'resource', resource_kind: 'variable-space', id: 'x', document: { id: 'y' } },
      'document',
    ],
  ])('refuses %j with INVALID_INPUT naming %s', async (body, field) => {
    const { app } = await createTestApp();
    const answer = await send(app, 'POST', '/api/v1/import', body);
    expect(answer).toMatchObject({
      status: 400,
      json: { error_code: 'INVALID_INPUT', details: { field } },
    });
  });
});
