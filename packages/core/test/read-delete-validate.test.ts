import { beforeEach, describe, expect, it } from 'vitest';
import { codeOf, useTestRegistry } from './create-test-registry.js';

// Closed content models: adding an optional property is then backward compatible (Confluent STRICT).
const v1 = {
  type: 'object',
  properties: { id: { type: 'integer' } },
  required: ['id'],
  additionalProperties: false,
};
const v2 = { ...v1, properties: { ...v1.properties, note: { type: 'string' } } };

describe('reading, deleting and validating', () => {
  const registry = useTestRegistry();
  let firstId = 0;
  beforeEach(async () => {
    firstId = (await registry.schemas.register({ subject: 'orders', schema: v1 })).version.id;
    await registry.schemas.register({ subject: 'orders', schema: v2 });
  });

  it('finds a version by integer, semver and latest', async () => {
    expect((await registry.subjects.getVersionOrThrow('orders', 1)).semver).toBe('1.0.0');
    expect((await registry.subjects.getVersionOrThrow('orders', '1.1.0')).version).toBe(2);
    expect((await registry.subjects.getVersionOrThrow('orders', 'latest')).version).toBe(2);
    expect((await registry.subjects.getVersionOrThrow('orders', '-1')).version).toBe(2);
  });

  it('tells an unknown subject from an unknown version and a malformed version', async () => {
    expect(await codeOf(registry.subjects.getVersionOrThrow('nope', 1))).toBe('SUBJECT_NOT_FOUND');
    expect(await codeOf(registry.subjects.getVersionOrThrow('orders', 9))).toBe(
      'VERSION_NOT_FOUND',
    );
    expect(await codeOf(registry.subjects.getVersionOrThrow('orders', 'abc'))).toBe(
      'INVALID_VERSION',
    );
    expect(await codeOf(registry.subjects.getVersionOrThrow('orders', 0))).toBe('INVALID_VERSION');
    expect(await codeOf(registry.schemas.getOrThrow(123456))).toBe('SCHEMA_NOT_FOUND');
    expect(await codeOf(registry.schemas.getOrThrow('not-a-guid'))).toBe('SCHEMA_NOT_FOUND');
    expect(await codeOf(registry.subjects.versions('nope'))).toBe('SUBJECT_NOT_FOUND');
  });

  it('finds a schema by guid as well as by id', async () => {
    const byId = await registry.schemas.getOrThrow(firstId);
    const byGuid = await registry.schemas.getOrThrow(byId.guid);
    expect(byGuid.id).toBe(firstId);
    expect(byGuid.firstVersion?.subject).toBe('orders');
  });

  it('soft-deletes, hides, then permanently deletes only after a soft delete', async () => {
    expect(await codeOf(registry.subjects.deleteVersion('orders', 2, { permanent: true }))).toBe(
      'NOT_SOFT_DELETED',
    );
    await registry.subjects.deleteVersion('orders', 2);
    expect((await registry.subjects.versions('orders')).map((v) => v.version)).toEqual([1]);
    expect(
      (await registry.subjects.versions('orders', { includeDeleted: true })).map((v) => v.version),
    ).toEqual([1, 2]);
    expect((await registry.subjects.getVersionOrThrow('orders', 'latest')).version).toBe(1);
    await registry.subjects.deleteVersion('orders', 2, { permanent: true });
    expect(
      (await registry.subjects.versions('orders', { includeDeleted: true })).map((v) => v.version),
    ).toEqual([1]);
  });

  it('continues version numbers after a soft delete', async () => {
    await registry.subjects.deleteVersion('orders', 2);
    const v3 = { ...v2, properties: { ...v2.properties, other: { type: 'boolean' } } };
    const { version } = await registry.schemas.register({ subject: 'orders', schema: v3 });
    expect(version.version).toBe(3);
  });

  it('deletes a whole subject softly then permanently', async () => {
    expect(await codeOf(registry.subjects.delete('orders', { permanent: true }))).toBe(
      'NOT_SOFT_DELETED',
    );
    expect(await registry.subjects.delete('orders')).toEqual([1, 2]);
    expect(await registry.subjects.list()).toEqual([]);
    expect(await registry.subjects.list({ includeDeleted: true })).toEqual(['orders']);
    expect(await registry.subjects.delete('orders', { permanent: true })).toEqual([1, 2]);
    expect(await registry.subjects.list({ includeDeleted: true })).toEqual([]);
  });

  it('validates data by schema id and by subject and version, with error paths', async () => {
    const ok = await registry.validation.validate({ schemaId: firstId, data: { id: 1 } });
    expect(ok).toMatchObject({ valid: true, errors: [], schemaId: firstId });
    const bad = await registry.validation.validate({
      subject: 'orders',
      version: 'latest',
      data: { id: 'x', note: 3 },
    });
    expect(bad.valid).toBe(false);
    expect(bad.errors.map((e) => e.path).sort()).toEqual(['/id', '/note']);
    expect(typeof bad.validationTimeMs).toBe('number');
  });

  it('fails unknown properties only in strict mode', async () => {
    const open = await registry.schemas.register({
      subject: 'open',
      schema: { type: 'object', properties: { id: { type: 'integer' } } },
    });
    const data = { id: 1, extra: true };
    expect((await registry.validation.validate({ schemaId: open.version.id, data })).valid).toBe(
      true,
    );
    const strict = await registry.validation.validate({
      schemaId: open.version.id,
      data,
      strict: true,
    });
    expect(strict.valid).toBe(false);
  });

  it('answers validation requests for unknown schemas with a not-found code', async () => {
    expect(await codeOf(registry.validation.validate({ schemaId: 999, data: {} }))).toBe(
      'SCHEMA_NOT_FOUND',
    );
    expect(await codeOf(registry.validation.validate({ subject: 'nope', data: {} }))).toBe(
      'SUBJECT_NOT_FOUND',
    );
    expect(await codeOf(registry.validation.validate({ data: {} }))).toBe('INVALID_INPUT');
  });

  it('reports schema well-formedness without throwing', async () => {
    expect((await registry.schemas.validate({ schema: v1 })).valid).toBe(true);
    const bad = await registry.schemas.validate({ schema: '{"type": ' });
    expect(bad.valid).toBe(false);
    expect(bad.problems.length).toBeGreaterThan(0);
  });

  it('checks compatibility without registering', async () => {
    const report = await registry.compatibility.check({
      subject: 'orders',
      schema: { ...v2, required: ['id', 'note'] },
    });
    expect(report.compatible).toBe(false);
    expect(report.comparedVersions).toEqual([2]);
    expect((await registry.subjects.versions('orders')).length).toBe(2);
  });

  it('resolves config from subject, then global, then BACKWARD', async () => {
    expect(await registry.config.resolveLevel('orders')).toBe('BACKWARD');
    await registry.config.set(null, { compatibilityLevel: 'full' });
    expect(await registry.config.resolveLevel('orders')).toBe('FULL');
    await registry.config.set('orders', { compatibilityLevel: 'NONE' });
    expect(await registry.config.resolveLevel('orders')).toBe('NONE');
    await registry.config.delete('orders');
    expect(await registry.config.resolveLevel('orders')).toBe('FULL');
    expect(await codeOf(registry.config.set('orders', { compatibilityLevel: 'SIDEWAYS' }))).toBe(
      'INVALID_COMPATIBILITY_LEVEL',
    );
    expect(await codeOf(registry.config.set('orders', { mode: 'WRITEONLY' }))).toBe('INVALID_MODE');
  });

  it('reports health with counts and cache figures', async () => {
    await registry.validation.validate({ schemaId: firstId, data: { id: 1 } });
    await registry.validation.validate({ schemaId: firstId, data: { id: 2 } });
    const health = await registry.health();
    expect(health.storage.reachable).toBe(true);
    expect(health.subjects).toBe(1);
    expect(health.versions).toBe(2);
    expect(health.caches.validators.hits).toBeGreaterThanOrEqual(1);
  });
});
