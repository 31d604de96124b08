import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRegistry } from '../src/create-registry.js';
import type { Registry } from '../src/types.js';

// Closed content models: adding an optional property is then backward compatible (Confluent STRICT).
const v1 = {
  type: 'object',
  properties: { id: { type: 'integer' } },
  required: ['id'],
  additionalProperties: false,
};
const v2 = { ...v1, properties: { ...v1.properties, note: { type: 'string' } } };

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'NO_ERROR';
}

describe('reading, deleting and validating', () => {
  let registry: Registry;
  let firstId = 0;
  beforeEach(async () => {
    registry = await createRegistry({ storage: 'memory:' });
    firstId = (await registry.register({ subject: 'orders', schema: v1 })).version.id;
    await registry.register({ subject: 'orders', schema: v2 });
  });
  afterEach(() => registry.close());

  it('finds a version by integer, semver and latest', async () => {
    expect((await registry.getVersionOrThrow('orders', 1)).semver).toBe('1.0.0');
    expect((await registry.getVersionOrThrow('orders', '1.1.0')).version).toBe(2);
    expect((await registry.getVersionOrThrow('orders', 'latest')).version).toBe(2);
    expect((await registry.getVersionOrThrow('orders', '-1')).version).toBe(2);
  });

  it('tells an unknown subject from an unknown version and a malformed version', async () => {
    expect(await codeOf(registry.getVersionOrThrow('nope', 1))).toBe('SUBJECT_NOT_FOUND');
    expect(await codeOf(registry.getVersionOrThrow('orders', 9))).toBe('VERSION_NOT_FOUND');
    expect(await codeOf(registry.getVersionOrThrow('orders', 'abc'))).toBe('INVALID_VERSION');
    expect(await codeOf(registry.getVersionOrThrow('orders', 0))).toBe('INVALID_VERSION');
    expect(await codeOf(registry.getSchemaOrThrow(123456))).toBe('SCHEMA_NOT_FOUND');
    expect(await codeOf(registry.getSchemaOrThrow('not-a-guid'))).toBe('SCHEMA_NOT_FOUND');
    expect(await codeOf(registry.listVersions('nope'))).toBe('SUBJECT_NOT_FOUND');
  });

  it('finds a schema by guid as well as by id', async () => {
    const byId = await registry.getSchemaOrThrow(firstId);
    const byGuid = await registry.getSchemaOrThrow(byId.guid);
    expect(byGuid.id).toBe(firstId);
    expect(byGuid.firstVersion?.subject).toBe('orders');
  });

  it('soft-deletes, hides, then permanently deletes only after a soft delete', async () => {
    expect(await codeOf(registry.deleteVersion('orders', 2, { permanent: true }))).toBe(
      'NOT_SOFT_DELETED',
    );
    await registry.deleteVersion('orders', 2);
    expect((await registry.listVersions('orders')).map((v) => v.version)).toEqual([1]);
    expect(
      (await registry.listVersions('orders', { includeDeleted: true })).map((v) => v.version),
    ).toEqual([1, 2]);
    expect((await registry.getVersionOrThrow('orders', 'latest')).version).toBe(1);
    await registry.deleteVersion('orders', 2, { permanent: true });
    expect(
      (await registry.listVersions('orders', { includeDeleted: true })).map((v) => v.version),
    ).toEqual([1]);
  });

  it('continues version numbers after a soft delete', async () => {
    await registry.deleteVersion('orders', 2);
    const v3 = { ...v2, properties: { ...v2.properties, other: { type: 'boolean' } } };
    const { version } = await registry.register({ subject: 'orders', schema: v3 });
    expect(version.version).toBe(3);
  });

  it('deletes a whole subject softly then permanently', async () => {
    expect(await codeOf(registry.deleteSubject('orders', { permanent: true }))).toBe(
      'NOT_SOFT_DELETED',
    );
    expect(await registry.deleteSubject('orders')).toEqual([1, 2]);
    expect(await registry.listSubjects()).toEqual([]);
    expect(await registry.listSubjects({ includeDeleted: true })).toEqual(['orders']);
    expect(await registry.deleteSubject('orders', { permanent: true })).toEqual([1, 2]);
    expect(await registry.listSubjects({ includeDeleted: true })).toEqual([]);
  });

  it('validates data by schema id and by subject and version, with error paths', async () => {
    const ok = await registry.validateData({ schemaId: firstId, data: { id: 1 } });
    expect(ok).toMatchObject({ valid: true, errors: [], schemaId: firstId });
    const bad = await registry.validateData({
      subject: 'orders',
      version: 'latest',
      data: { id: 'x', note: 3 },
    });
    expect(bad.valid).toBe(false);
    expect(bad.errors.map((e) => e.path).sort()).toEqual(['/id', '/note']);
    expect(typeof bad.validationTimeMs).toBe('number');
  });

  it('fails unknown properties only in strict mode', async () => {
    const open = await registry.register({
      subject: 'open',
      schema: { type: 'object', properties: { id: { type: 'integer' } } },
    });
    const data = { id: 1, extra: true };
    expect((await registry.validateData({ schemaId: open.version.id, data })).valid).toBe(true);
    const strict = await registry.validateData({ schemaId: open.version.id, data, strict: true });
    expect(strict.valid).toBe(false);
  });

  it('answers validation requests for unknown schemas with a not-found code', async () => {
    expect(await codeOf(registry.validateData({ schemaId: 999, data: {} }))).toBe(
      'SCHEMA_NOT_FOUND',
    );
    expect(await codeOf(registry.validateData({ subject: 'nope', data: {} }))).toBe(
      'SUBJECT_NOT_FOUND',
    );
    expect(await codeOf(registry.validateData({ data: {} }))).toBe('INVALID_INPUT');
  });

  it('reports schema well-formedness without throwing', async () => {
    expect((await registry.validateSchema({ schema: v1 })).valid).toBe(true);
    const bad = await registry.validateSchema({ schema: '{"type": ' });
    expect(bad.valid).toBe(false);
    expect(bad.problems.length).toBeGreaterThan(0);
  });

  it('checks compatibility without registering', async () => {
    const report = await registry.checkCompatibility({
      subject: 'orders',
      schema: { ...v2, required: ['id', 'note'] },
    });
    expect(report.compatible).toBe(false);
    expect(report.comparedVersions).toEqual([2]);
    expect((await registry.listVersions('orders')).length).toBe(2);
  });

  it('resolves config from subject, then global, then BACKWARD', async () => {
    expect(await registry.resolveCompatibilityLevel('orders')).toBe('BACKWARD');
    await registry.setConfig(null, { compatibilityLevel: 'full' });
    expect(await registry.resolveCompatibilityLevel('orders')).toBe('FULL');
    await registry.setConfig('orders', { compatibilityLevel: 'NONE' });
    expect(await registry.resolveCompatibilityLevel('orders')).toBe('NONE');
    await registry.deleteConfig('orders');
    expect(await registry.resolveCompatibilityLevel('orders')).toBe('FULL');
    expect(await codeOf(registry.setConfig('orders', { compatibilityLevel: 'SIDEWAYS' }))).toBe(
      'INVALID_COMPATIBILITY_LEVEL',
    );
    expect(await codeOf(registry.setConfig('orders', { mode: 'WRITEONLY' }))).toBe('INVALID_MODE');
  });

  it('reports health with counts and cache figures', async () => {
    await registry.validateData({ schemaId: firstId, data: { id: 1 } });
    await registry.validateData({ schemaId: firstId, data: { id: 2 } });
    const health = await registry.health();
    expect(health.storage.reachable).toBe(true);
    expect(health.subjects).toBe(1);
    expect(health.versions).toBe(2);
    expect(health.caches.validators.hits).toBeGreaterThanOrEqual(1);
  });
});
