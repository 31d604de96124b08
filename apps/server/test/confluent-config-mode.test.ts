import { createRegistry } from '@llmsr/core';
import type { Hono } from 'hono';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/create-app.js';

const MEDIA = 'application/vnd.schemaregistry.v1+json';

let app: Hono;
beforeEach(async () => {
  app = createApp({
    registry: await createRegistry({ storage: 'memory:' }),
    limits: { schemaBytes: 50_000 },
  });
});

/** Send a request as Confluent clients do; parse the JSON answer. */
async function call(method: string, path: string, body?: unknown, contentType = MEDIA) {
  const init: RequestInit = { method, headers: { 'content-type': contentType } };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const response = await app.request(path, init);
  const text = await response.text();
  // biome-ignore lint/suspicious/noExplicitAny: answers are JSON of many shapes; the assertions check them.
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`non-JSON answer ${response.status}: ${text.slice(0, 200)}`);
  }
  return { status: response.status, json };
}

const schema = JSON.stringify({ type: 'record', name: 'R', fields: [{ name: 'a', type: 'int' }] });

describe('config', () => {
  it('answers the global level (BACKWARD by default) and echoes an update', async () => {
    expect((await call('GET', '/config')).json).toEqual({ compatibilityLevel: 'BACKWARD' });
    const put = await call('PUT', '/config', { compatibility: 'full_transitive' });
    expect(put.json).toEqual({ compatibility: 'FULL_TRANSITIVE' });
    expect((await call('GET', '/config')).json).toEqual({ compatibilityLevel: 'FULL_TRANSITIVE' });
    expect((await call('DELETE', '/config')).json).toEqual({
      compatibilityLevel: 'FULL_TRANSITIVE',
    });
    expect((await call('GET', '/config')).json).toEqual({ compatibilityLevel: 'BACKWARD' });
  });

  it('answers 40408 for a subject without its own level unless defaultToGlobal', async () => {
    await call('PUT', '/config', { compatibility: 'FORWARD' });
    const missing = await call('GET', '/config/s');
    expect([missing.status, missing.json.error_code]).toEqual([404, 40408]);
    expect((await call('GET', '/config/s?defaultToGlobal=true')).json).toEqual({
      compatibilityLevel: 'FORWARD',
    });
  });

  it('sets, reads and deletes a subject level (then 40401), keeping Confluent fields', async () => {
    const put = await call('PUT', '/config/s', { compatibilityLevel: 'NONE', normalize: true });
    expect(put.json).toEqual({ compatibility: 'NONE', normalize: true });
    expect((await call('GET', '/config/s')).json).toEqual({
      compatibilityLevel: 'NONE',
      normalize: true,
    });
    expect((await call('DELETE', '/config/s')).json).toEqual({
      compatibilityLevel: 'NONE',
      normalize: true,
    });
    const again = await call('DELETE', '/config/s');
    expect([again.status, again.json.error_code]).toEqual([404, 40401]);
  });

  it('refuses an invalid level with 42203', async () => {
    for (const compatibility of ['SIDEWAYS', 42, ['FULL'], '']) {
      const answer = await call('PUT', '/config/s', { compatibility });
      expect([answer.status, answer.json.error_code]).toEqual([422, 42203]);
    }
  });

  it('refuses Confluent config fields of the wrong type (422, 42210 for rule sets)', async () => {
    const cases: [Record<string, unknown>, number][] = [
      [{ normalize: 'yes' }, 422],
      [{ alias: 5 }, 422],
      [{ defaultMetadata: ['a'] }, 422],
      [{ overrideRuleSet: 'none' }, 42210],
    ];
    for (const [body, code] of cases) {
      expect((await call('PUT', '/config/s', body)).json.error_code).toBe(code);
    }
    expect((await call('GET', '/config/s')).json.error_code).toBe(40408);
  });

  it('applies a subject level to registrations', async () => {
    await call('POST', '/subjects/s/versions', { schema });
    await call('PUT', '/config/s', { compatibility: 'NONE' });
    const anything = await call('POST', '/subjects/s/versions', { schema: '"string"' });
    expect(anything.status).toBe(200);
  });
});

describe('mode', () => {
  it('answers READWRITE globally by default and 40409 for a subject without its own mode', async () => {
    expect((await call('GET', '/mode')).json).toEqual({ mode: 'READWRITE' });
    expect((await call('GET', '/mode/s')).json.error_code).toBe(40409);
    expect((await call('GET', '/mode/s?defaultToGlobal=true')).json).toEqual({ mode: 'READWRITE' });
  });

  it('refuses writes and deletes in READONLY with 42205 but still answers a registered schema', async () => {
    const first = await call('POST', '/subjects/s/versions', { schema });
    expect((await call('PUT', '/mode/s', { mode: 'READONLY' })).json).toEqual({ mode: 'READONLY' });
    const refused = await call('POST', '/subjects/s/versions', { schema: '"string"' });
    expect([refused.status, refused.json.error_code]).toEqual([422, 42205]);
    expect((await call('POST', '/subjects/s/versions', { schema })).json.id).toBe(first.json.id);
    expect((await call('DELETE', '/subjects/s')).json.error_code).toBe(42205);
    expect((await call('DELETE', '/subjects/s/versions/1')).json.error_code).toBe(42205);
    expect((await call('DELETE', '/mode/s')).json).toEqual({ mode: 'READONLY' });
    expect((await call('DELETE', '/mode/s')).json.error_code).toBe(40401);
    expect((await call('POST', '/subjects/s/versions', { schema: '"string"' })).status).toBe(409);
  });

  it('keeps the subject level when its mode is deleted', async () => {
    await call('PUT', '/config/s', { compatibility: 'FULL' });
    await call('PUT', '/mode/s', { mode: 'READONLY' });
    await call('DELETE', '/mode/s');
    expect((await call('GET', '/config/s')).json).toEqual({ compatibilityLevel: 'FULL' });
  });

  it('refuses an invalid mode with 42204', async () => {
    for (const mode of ['SOMETIMES', 7, null]) {
      const answer = await call('PUT', '/mode', { mode });
      expect([answer.status, answer.json.error_code]).toEqual([422, 42204]);
    }
  });

  it('imports a schema with its id and version in IMPORT mode', async () => {
    expect((await call('PUT', '/mode/migrated', { mode: 'IMPORT' })).json).toEqual({
      mode: 'IMPORT',
    });
    const imported = await call('POST', '/subjects/migrated/versions', {
      schema,
      id: 100,
      version: 5,
    });
    expect(imported.json).toMatchObject({ id: 100, version: 5 });
    expect((await call('GET', '/schemas/ids/100')).json.schema).toBe(schema);
    expect((await call('GET', '/subjects/migrated/versions')).json).toEqual([5]);
  });

  it('refuses a chosen id outside IMPORT mode with 42205', async () => {
    const answer = await call('POST', '/subjects/s/versions', { schema, id: 100 });
    expect([answer.status, answer.json.error_code]).toEqual([422, 42205]);
  });

  it('refuses IMPORT on a registry with subjects unless forced', async () => {
    await call('POST', '/subjects/s/versions', { schema });
    expect((await call('PUT', '/mode', { mode: 'IMPORT' })).json.error_code).toBe(42205);
    expect((await call('PUT', '/mode/s', { mode: 'IMPORT' })).json.error_code).toBe(42205);
    expect((await call('PUT', '/mode?force=true', { mode: 'IMPORT' })).json).toEqual({
      mode: 'IMPORT',
    });
  });
});

describe('hostile input', () => {
  it('answers malformed JSON, empty bodies and non-object bodies with 400', async () => {
    for (const body of ['{"schema":', '', '[]', '"schema"', 'null']) {
      const answer = await call('POST', '/subjects/s/versions', body);
      expect([answer.status, answer.json.error_code]).toEqual([400, 400]);
    }
  });

  it('answers wrong field types with 422 codes, never a crash', async () => {
    const cases: [unknown, number][] = [
      [{ schema: { type: 'string' } }, 42201],
      [{ schema: 42 }, 42201],
      [{ schema: '   ' }, 42201],
      [{ schema: '"string"', schemaType: 5 }, 42201],
      [{ schema: '"string"', references: 'x' }, 42201],
      [{ schema: '"string"', references: [{ name: 1 }] }, 42201],
      [{ schema: '"string"', metadata: 'x' }, 422],
      [{ schema: '"string"', ruleSet: [1] }, 42210],
      [{ schema: '"string"', id: 'one' }, 422],
      [{ schema: '"string"', version: 1.5 }, 422],
    ];
    for (const [body, code] of cases) {
      const answer = await call('POST', '/subjects/s/versions', body);
      expect({ body, code: answer.json.error_code }).toEqual({ body, code });
      expect(answer.status).toBe(Number(String(code).slice(0, 3)));
    }
  });

  it('accepts plain application/json and octet-stream bodies too', async () => {
    const json = await call('POST', '/subjects/s/versions', { schema }, 'application/json');
    const octet = await call(
      'POST',
      '/subjects/t/versions',
      { schema },
      'application/octet-stream',
    );
    expect([json.status, octet.status]).toEqual([200, 200]);
  });

  it('refuses an oversized body with 413', async () => {
    const big = JSON.stringify({ schema: `"${'x'.repeat(60_000)}"` });
    const answer = await call('POST', '/subjects/s/versions', big);
    expect([answer.status, answer.json.error_code]).toEqual([413, 413]);
  });

  it('handles odd subject names: encoded slashes, spaces, unicode', async () => {
    for (const subject of ['a/b', 'with space', 'ünïcødé-☃', 'dots.and:colons', '%41']) {
      const path = `/subjects/${encodeURIComponent(subject)}/versions`;
      expect((await call('POST', path, { schema })).status).toBe(200);
      const read = await call('GET', `${path}/latest`);
      expect(read.json.subject).toBe(subject);
    }
  });

  it('refuses subjects with control characters (42208) and answers unknown ones with 40401', async () => {
    const answer = await call('POST', `/subjects/${encodeURIComponent('a\u0001b')}/versions`, {
      schema,
    });
    expect([answer.status, answer.json.error_code]).toEqual([422, 42208]);
    const long = await call('POST', `/subjects/${'x'.repeat(2000)}/versions`, { schema });
    expect(long.json.error_code).toBe(42208);
    expect((await call('GET', '/subjects/%ZZ/versions')).json.error_code).toBe(40401);
  });

  it('answers unknown Confluent paths and methods with a Confluent 404', async () => {
    for (const [method, path] of [
      ['GET', '/subjects/s/nothing'],
      ['PATCH', '/subjects'],
      ['GET', '/schemas/ids/1/else'],
      ['GET', '/compatibility/subjects/s'],
    ] as const) {
      const answer = await call(method, path);
      expect([answer.status, answer.json.error_code]).toEqual([404, 404]);
    }
  });

  it('leaves native errors native', async () => {
    const answer = await call('GET', '/api/v1/subjects/none/versions');
    expect(answer.json.error_code).toBe('SUBJECT_NOT_FOUND');
    expect((await call('GET', '/api/v1/nothing')).json.error_code).toBe('ROUTE_NOT_FOUND');
  });

  it('answers the liveness root with 200 (name, version and links, issue 12) and the one context', async () => {
    const root = await call('GET', '/');
    expect(root.status).toBe(200);
    expect(root.json).toMatchObject({ name: 'llmsr', links: { openapi: '/openapi.json' } });
    expect((await call('GET', '/contexts')).json).toEqual(['.']);
  });
});
