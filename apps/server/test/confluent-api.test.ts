import { createRegistry } from '@llmsr/core';
import type { Hono } from 'hono';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/create-app.js';

const MEDIA = 'application/vnd.schemaregistry.v1+json';

let app: Hono;
beforeEach(async () => {
  app = createApp({ registry: await createRegistry({ storage: 'memory:' }) });
});

/** Send a request as Confluent clients do; parse the JSON answer (raw text when not JSON). */
async function call(method: string, path: string, body?: unknown) {
  const init: RequestInit = { method, headers: { 'content-type': MEDIA, accept: MEDIA } };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const response = await app.request(path, init);
  const text = await response.text();
  // biome-ignore lint/suspicious/noExplicitAny: answers are JSON of many shapes; the assertions check them.
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text, type: response.headers.get('content-type') };
}

const record = (fields: unknown[]) => JSON.stringify({ type: 'record', name: 'User', fields });
const v1 = record([{ name: 'name', type: 'string' }]);
const v2 = record([
  { name: 'name', type: 'string' },
  { name: 'age', type: 'int', default: 0 },
]);
const breaking = record([
  { name: 'name', type: 'string' },
  { name: 'age', type: 'int' },
]);

describe('registering and reading versions', () => {
  it('registers an Avro schema by default and answers its id with Confluent media type', async () => {
    const created = await call('POST', '/subjects/users-value/versions', { schema: v1 });
    expect(created.status).toBe(200);
    expect(created.type).toBe(MEDIA);
    expect(created.json).toMatchObject({ id: 1, version: 1, schemaType: 'AVRO', schema: v1 });
    const again = await call('POST', '/subjects/users-value/versions', { schema: v1 });
    expect(again.json.id).toBe(1);
    const second = await call('POST', '/subjects/users-value/versions', { schema: v2 });
    expect(second.json).toMatchObject({ id: 2, version: 2 });
    expect((await call('GET', '/subjects/users-value/versions')).json).toEqual([1, 2]);
    expect((await call('GET', '/subjects')).json).toEqual(['users-value']);
  });

  it('reuses the id of the same content under another subject', async () => {
    await call('POST', '/subjects/a/versions', { schema: v1 });
    const other = await call('POST', '/subjects/b/versions', { schema: v1 });
    expect(other.json.id).toBe(1);
    const subjects = await call('GET', '/schemas/ids/1/subjects');
    expect(subjects.json).toEqual(['a', 'b']);
    const versions = await call('GET', '/schemas/ids/1/versions');
    expect(versions.json).toEqual([
      { subject: 'a', version: 1 },
      { subject: 'b', version: 1 },
    ]);
  });

  it('answers a version as a Schema entity, by number or latest (any case)', async () => {
    await call('POST', '/subjects/s/versions', { schema: v1 });
    await call('POST', '/subjects/s/versions', { schema: v2 });
    const one = await call('GET', '/subjects/s/versions/1');
    expect(one.json).toMatchObject({ subject: 's', version: 1, id: 1, schema: v1 });
    expect(typeof one.json.ts).toBe('number');
    expect(one.json.references).toBeUndefined();
    expect((await call('GET', '/subjects/s/versions/LATEST')).json.version).toBe(2);
    expect((await call('GET', '/subjects/s/versions/-1')).json.version).toBe(2);
  });

  it('answers the raw schema text at /schema', async () => {
    await call('POST', '/subjects/s/versions', { schema: v1 });
    expect((await call('GET', '/subjects/s/versions/1/schema')).text).toBe(v1);
    expect((await call('GET', '/schemas/ids/1/schema')).text).toBe(v1);
  });

  it('registers JSON Schema and Protobuf when schemaType says so', async () => {
    const json = JSON.stringify({ type: 'object', properties: { a: { type: 'string' } } });
    const proto = 'syntax = "proto3";\nmessage Order { int64 id = 1; string name = 2; }\n';
    const a = await call('POST', '/subjects/j/versions', { schema: json, schemaType: 'JSON' });
    const b = await call('POST', '/subjects/p/versions', { schema: proto, schemaType: 'PROTOBUF' });
    expect([a.status, b.status]).toEqual([200, 200]);
    expect((await call('GET', `/schemas/ids/${b.json.id}`)).json).toMatchObject({
      schemaType: 'PROTOBUF',
      schema: proto,
    });
    expect((await call('GET', '/schemas/types')).json.sort()).toEqual(['AVRO', 'JSON', 'PROTOBUF']);
  });

  it('refuses an incompatible schema with 409 and the reasons', async () => {
    await call('POST', '/subjects/s/versions', { schema: v1 });
    const refused = await call('POST', '/subjects/s/versions', { schema: breaking });
    expect(refused.status).toBe(409);
    expect(refused.json.error_code).toBe(409);
    expect(refused.json.message).toContain('incompatible with an earlier schema for subject "s"');
    expect(refused.json.message).toContain('age');
  });

  it('refuses invalid schemas and unknown types with 42201', async () => {
    const bad = await call('POST', '/subjects/s/versions', { schema: '{"type":"record"' });
    expect([bad.status, bad.json.error_code]).toEqual([422, 42201]);
    const type = await call('POST', '/subjects/s/versions', { schema: v1, schemaType: 'XML' });
    expect(type.json.error_code).toBe(42201);
  });

  it('stores metadata and ruleSet and returns them as given', async () => {
    const metadata = { properties: { owner: 'team-a' }, tags: { name: ['PII'] } };
    const ruleSet = { domainRules: [{ name: 'check', kind: 'CONDITION', type: 'CEL' }] };
    const created = await call('POST', '/subjects/s/versions', { schema: v1, metadata, ruleSet });
    expect(created.json).toMatchObject({ metadata, ruleSet });
    expect((await call('GET', '/subjects/s/versions/1')).json).toMatchObject({ metadata, ruleSet });
    expect((await call('GET', '/schemas/ids/1')).json).toMatchObject({ metadata, ruleSet });
  });
});

describe('looking up a schema under a subject', () => {
  it('finds the version holding the same content', async () => {
    await call('POST', '/subjects/s/versions', { schema: v1 });
    await call('POST', '/subjects/s/versions', { schema: v2 });
    const reformatted = JSON.stringify(JSON.parse(v2), null, 2);
    const found = await call('POST', '/subjects/s', { schema: reformatted });
    expect(found.json).toMatchObject({ subject: 's', id: 2, version: 2, schema: v2 });
  });

  it('answers 40401 for an unknown subject and 40403 for content it does not hold', async () => {
    await call('POST', '/subjects/s/versions', { schema: v1 });
    const subject = await call('POST', '/subjects/nope', { schema: v1 });
    expect([subject.status, subject.json.error_code]).toEqual([404, 40401]);
    const schema = await call('POST', '/subjects/s', { schema: '"string"' });
    expect([schema.status, schema.json.error_code]).toEqual([404, 40403]);
  });

  it('matches soft-deleted versions only with ?deleted=true', async () => {
    await call('POST', '/subjects/s/versions', { schema: v1 });
    await call('POST', '/subjects/s/versions', { schema: v2 });
    await call('DELETE', '/subjects/s/versions/1');
    expect((await call('POST', '/subjects/s', { schema: v1 })).json.error_code).toBe(40403);
    const found = await call('POST', '/subjects/s?deleted=true', { schema: v1 });
    expect(found.json).toMatchObject({ version: 1, deleted: true });
  });
});

describe('version and subject errors', () => {
  it('answers 40401, 40402 and 42202', async () => {
    await call('POST', '/subjects/s/versions', { schema: v1 });
    expect((await call('GET', '/subjects/x/versions')).json.error_code).toBe(40401);
    expect((await call('GET', '/subjects/x/versions/1')).json.error_code).toBe(40401);
    expect((await call('GET', '/subjects/s/versions/7')).json.error_code).toBe(40402);
    for (const version of ['0', 'abc', '1.0.0', '99999999999', '-2']) {
      const answer = await call('GET', `/subjects/s/versions/${version}`);
      expect([answer.status, answer.json.error_code]).toEqual([422, 42202]);
    }
  });

  it('answers 40403 for unknown or non-numeric schema ids', async () => {
    for (const id of ['42', 'abc', '-1', '1e3', '99999999999']) {
      const answer = await call('GET', `/schemas/ids/${id}`);
      expect([answer.status, answer.json.error_code]).toEqual([404, 40403]);
    }
    expect((await call('GET', '/schemas/ids/42/versions')).json.error_code).toBe(40403);
  });

  it('answers subject and version with ?subject on a schema by id', async () => {
    await call('POST', '/subjects/a/versions', { schema: '"string"' });
    await call('POST', '/subjects/b/versions', { schema: '"string"' });
    const answer = await call('GET', '/schemas/ids/1?subject=b');
    expect(answer.json).toMatchObject({ subject: 'b', version: 1, schema: '"string"' });
  });
});

describe('deleting (Confluent ordering)', () => {
  beforeEach(async () => {
    await call('POST', '/subjects/s/versions', { schema: v1 });
    await call('POST', '/subjects/s/versions', { schema: v2 });
  });

  it('soft deletes a version, then refuses it again with 40406 and permanently deletes it', async () => {
    expect((await call('DELETE', '/subjects/s/versions/1')).json).toBe(1);
    expect((await call('DELETE', '/subjects/s/versions/1')).json.error_code).toBe(40406);
    expect((await call('GET', '/subjects/s/versions')).json).toEqual([2]);
    expect((await call('GET', '/subjects/s/versions?deleted=true')).json).toEqual([1, 2]);
    expect((await call('GET', '/subjects/s/versions?deletedOnly=true')).json).toEqual([1]);
    expect((await call('GET', '/subjects/s/versions?deletedAsNegative=true')).json).toEqual([
      -1, 2,
    ]);
    expect((await call('GET', '/subjects/s/versions/1')).json.error_code).toBe(40402);
    expect((await call('GET', '/subjects/s/versions/1?deleted=true')).json.deleted).toBe(true);
    expect((await call('DELETE', '/subjects/s/versions/1?permanent=true')).json).toBe(1);
    expect((await call('GET', '/subjects/s/versions?deleted=true')).json).toEqual([2]);
  });

  it('refuses a permanent delete of a live version with 40407', async () => {
    const answer = await call('DELETE', '/subjects/s/versions/2?permanent=true');
    expect([answer.status, answer.json.error_code]).toEqual([404, 40407]);
  });

  it('soft deletes a subject, refuses it again with 40404, and needs it before a permanent delete (40405)', async () => {
    expect((await call('DELETE', '/subjects/s?permanent=true')).json.error_code).toBe(40405);
    expect((await call('DELETE', '/subjects/s')).json).toEqual([1, 2]);
    expect((await call('DELETE', '/subjects/s')).json.error_code).toBe(40404);
    expect((await call('GET', '/subjects')).json).toEqual([]);
    expect((await call('GET', '/subjects?deleted=true')).json).toEqual(['s']);
    expect((await call('GET', '/subjects?deletedOnly=true')).json).toEqual(['s']);
    expect((await call('DELETE', '/subjects/s?permanent=true')).json).toEqual([1, 2]);
    expect((await call('GET', '/subjects?deleted=true')).json).toEqual([]);
    expect((await call('DELETE', '/subjects/s')).json.error_code).toBe(40401);
  });

  it('forgets the config of a permanently deleted subject', async () => {
    await call('PUT', '/config/s', { compatibility: 'NONE' });
    await call('DELETE', '/subjects/s');
    await call('DELETE', '/subjects/s?permanent=true');
    expect((await call('GET', '/config/s')).json.error_code).toBe(40408);
  });
});

describe('references', () => {
  const address = JSON.stringify({
    type: 'record',
    name: 'Address',
    namespace: 'acme',
    fields: [{ name: 'city', type: 'string' }],
  });
  const person = JSON.stringify({
    type: 'record',
    name: 'Person',
    namespace: 'acme',
    fields: [{ name: 'home', type: 'acme.Address' }],
  });
  const references = [{ name: 'acme.Address', subject: 'address', version: 1 }];

  it('registers with references, lists referencedby, and refuses deleting the referenced version', async () => {
    await call('POST', '/subjects/address/versions', { schema: address });
    const created = await call('POST', '/subjects/person/versions', { schema: person, references });
    expect(created.status).toBe(200);
    const read = await call('GET', '/subjects/person/versions/1');
    expect(read.json.references).toEqual(references);
    const by = await call('GET', '/subjects/address/versions/1/referencedby');
    expect(by.json).toEqual([created.json.id]);
    const refused = await call('DELETE', '/subjects/address/versions/1');
    expect([refused.status, refused.json.error_code]).toEqual([422, 42206]);
    expect((await call('DELETE', '/subjects/address')).json.error_code).toBe(42206);
  });

  it('refuses a reference to a missing version with 42201', async () => {
    const answer = await call('POST', '/subjects/person/versions', { schema: person, references });
    expect(answer.json.error_code).toBe(42201);
  });
});

describe('compatibility checks', () => {
  beforeEach(async () => {
    await call('POST', '/subjects/s/versions', { schema: v1 });
  });

  it('answers is_compatible for the latest and for all versions', async () => {
    expect(
      (await call('POST', '/compatibility/subjects/s/versions/latest', { schema: v2 })).json,
    ).toEqual({ is_compatible: true });
    expect(
      (await call('POST', '/compatibility/subjects/s/versions', { schema: breaking })).json,
    ).toEqual({ is_compatible: false });
  });

  it('explains with verbose=true', async () => {
    const answer = await call('POST', '/compatibility/subjects/s/versions/1?verbose=true', {
      schema: breaking,
    });
    expect(answer.json.is_compatible).toBe(false);
    expect(answer.json.messages.join(' ')).toContain('age');
  });

  it('accepts anything against latest of an empty subject and answers 40402 for a missing version', async () => {
    expect(
      (await call('POST', '/compatibility/subjects/none/versions/latest', { schema: v1 })).json,
    ).toEqual({ is_compatible: true });
    const missing = await call('POST', '/compatibility/subjects/s/versions/9', { schema: v1 });
    expect([missing.status, missing.json.error_code]).toEqual([404, 40402]);
  });

  it('answers 42201 for an invalid schema, or is_compatible false with verbose', async () => {
    const body = { schema: '{"type":"nope"}' };
    expect((await call('POST', '/compatibility/subjects/s/versions', body)).json.error_code).toBe(
      42201,
    );
    const verbose = await call('POST', '/compatibility/subjects/s/versions?verbose=true', body);
    expect(verbose.json.is_compatible).toBe(false);
    expect(verbose.json.messages).toHaveLength(1);
  });

  it('follows the subject level (NONE accepts anything)', async () => {
    await call('PUT', '/config/s', { compatibility: 'NONE' });
    const answer = await call('POST', '/compatibility/subjects/s/versions', { schema: breaking });
    expect(answer.json.is_compatible).toBe(true);
  });
});

describe('listing schemas and paging', () => {
  beforeEach(async () => {
    for (const subject of ['a', 'b', 'c']) {
      await call('POST', `/subjects/${subject}/versions`, { schema: v1 });
      await call('POST', `/subjects/${subject}/versions`, { schema: v2 });
    }
  });

  it('pages subjects and versions with offset and limit, ignoring bad values', async () => {
    expect((await call('GET', '/subjects?offset=1&limit=1')).json).toEqual(['b']);
    expect((await call('GET', '/subjects?offset=2')).json).toEqual(['c']);
    expect((await call('GET', '/subjects?limit=-1&offset=x')).json).toEqual(['a', 'b', 'c']);
    expect((await call('GET', '/subjects/a/versions?offset=1')).json).toEqual([2]);
    expect((await call('GET', '/schemas/ids/1/subjects?limit=2')).json).toEqual(['a', 'b']);
  });

  it('lists schemas with GET /schemas (subjectPrefix, latestOnly, paging)', async () => {
    const all = await call('GET', '/schemas');
    expect(all.json).toHaveLength(6);
    expect(all.json[0]).toMatchObject({ subject: 'a', version: 1, id: 1, schema: v1 });
    const latest = await call('GET', '/schemas?latestOnly=true&subjectPrefix=b');
    expect(
      latest.json.map((s: { subject: string; version: number }) => [s.subject, s.version]),
    ).toEqual([['b', 2]]);
    expect((await call('GET', '/schemas?offset=4&limit=1')).json[0]).toMatchObject({
      subject: 'c',
      version: 1,
    });
  });
});

describe('data contracts across versions', () => {
  it('carries metadata and ruleSet over from the previous version when a request omits them', async () => {
    const metadata = { properties: { owner: 'team-a' } };
    const ruleSet = { domainRules: [{ name: 'r', type: 'CEL', expr: 'true' }] };
    await call('POST', '/subjects/s/versions', { schema: v1, metadata, ruleSet });
    await call('POST', '/subjects/s/versions', { schema: v2 });
    expect((await call('GET', '/subjects/s/versions/2')).json).toMatchObject({ metadata, ruleSet });
    const other = { properties: { owner: 'team-b' } };
    await call('POST', '/subjects/s/versions', {
      schema: record([
        { name: 'name', type: 'string' },
        { name: 'age', type: 'int', default: 0 },
        { name: 'nick', type: ['null', 'string'], default: null },
      ]),
      metadata: other,
    });
    expect((await call('GET', '/subjects/s/versions/3')).json).toMatchObject({
      metadata: other,
      ruleSet,
    });
  });
});

describe('global config names and import conflicts', () => {
  it('treats the default context name as the global config', async () => {
    await call('PUT', '/config/:.:', { compatibility: 'FULL' });
    expect((await call('GET', '/config')).json).toEqual({ compatibilityLevel: 'FULL' });
    await call('PUT', '/mode/__GLOBAL', { mode: 'READONLY' });
    expect((await call('GET', '/mode')).json).toEqual({ mode: 'READONLY' });
  });

  it('refuses importing other content under an id already taken (42205)', async () => {
    await call('PUT', '/mode', { mode: 'IMPORT' });
    await call('POST', '/subjects/s/versions', { schema: v1, id: 10, version: 1 });
    const clash = await call('POST', '/subjects/t/versions', { schema: v2, id: 10, version: 1 });
    expect([clash.status, clash.json.error_code]).toEqual([422, 42205]);
  });
});
