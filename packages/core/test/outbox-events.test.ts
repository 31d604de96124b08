import { describe, expect, it } from 'vitest';
import { createRegistry } from '../src/create-registry.js';
import { codeOf, useTestRegistry } from './create-test-registry.js';
import { recordWith } from './schema-fixtures.js';

describe('change events written with the change', () => {
  const registry = useTestRegistry();

  it('records the schema id and permanence of each delete', async () => {
    const { version } = await registry.schemas.register({ subject: 'a', schema: recordWith('id') });
    await registry.subjects.deleteVersion('a', 1);
    await registry.subjects.deleteVersion('a', 1, { permanent: true });
    const deletes = (await registry.events.list()).filter((e) => e.type === 'schema.deleted');
    expect(deletes).toMatchObject([
      { subject: 'a', version: 1, schemaId: version.id, permanent: false },
      { subject: 'a', version: 1, schemaId: version.id, permanent: true },
    ]);
  });

  it('names the setting a config change touched', async () => {
    await registry.config.set('a', { compatibilityLevel: 'NONE' });
    await registry.config.set('a', { mode: 'READONLY' });
    await registry.config.clearSetting('a', 'mode');
    await registry.config.delete('a');
    const changes = (await registry.events.list()).map((e) =>
      e.type === 'config.changed' ? (e.setting ?? 'row') : e.type,
    );
    expect(changes).toEqual(['compatibilityLevel', 'mode', 'mode', 'row']);
  });

  it('stores no event for a registration that returned an existing version', async () => {
    await registry.schemas.register({ subject: 'a', schema: recordWith('id') });
    await registry.schemas.register({ subject: 'a', schema: recordWith('id') });
    const types = (await registry.events.list()).map((e) => e.type);
    expect(types).toEqual(['schema.registered']);
  });

  it('writes the level given with a first registration together with that version', async () => {
    await registry.config.set(null, { compatibilityLevel: 'FULL' });
    await registry.schemas.register({
      subject: 'a',
      schema: recordWith('id'),
      compatibilityLevel: 'NONE',
    });
    expect(await registry.config.get('a')).toMatchObject({ compatibilityLevel: 'NONE' });
    // The level is the subject's now: giving it again is fine, giving another one is refused.
    await registry.schemas.register({
      subject: 'a',
      schema: recordWith('x'),
      compatibilityLevel: 'NONE',
    });
    expect(
      await codeOf(
        registry.schemas.register({
          subject: 'a',
          schema: recordWith('y'),
          compatibilityLevel: 'FULL',
        }),
      ),
    ).toBe('INVALID_COMPATIBILITY_LEVEL');
  });

  it('accepts 16 racing first registrations that set NONE over a BACKWARD global level', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 16 }, (_, i) =>
        registry.schemas.register({
          subject: 'first',
          schema: recordWith(`f${i}`),
          compatibilityLevel: 'NONE',
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(await registry.subjects.versions('first')).toHaveLength(16);
  });
});

describe('caches after a permanent delete', () => {
  it('answers SCHEMA_NOT_FOUND when validating against a permanently deleted id', async () => {
    const registry = await createRegistry({ storage: 'memory:' });
    try {
      const { version } = await registry.schemas.register({
        subject: 'a',
        schema: recordWith('id'),
      });
      for (const strict of [false, true]) {
        const result = await registry.validation.validate({
          schemaId: version.id,
          data: {},
          strict,
        });
        expect(result.valid).toBe(false);
      }
      await registry.schemas.getOrThrow(version.id);
      await registry.subjects.deleteVersion('a', 1);
      await registry.subjects.deleteVersion('a', 1, { permanent: true });
      for (const strict of [false, true]) {
        expect(
          await codeOf(registry.validation.validate({ schemaId: version.id, data: {}, strict })),
        ).toBe('SCHEMA_NOT_FOUND');
      }
      expect(await registry.schemas.get(version.id)).toBeUndefined();
    } finally {
      await registry.close();
    }
  });

  it('keeps serving a schema another subject still uses after one use is deleted', async () => {
    const registry = await createRegistry({ storage: 'memory:' });
    try {
      const { version } = await registry.schemas.register({
        subject: 'a',
        schema: recordWith('id'),
      });
      await registry.schemas.register({ subject: 'b', schema: recordWith('id') });
      await registry.subjects.deleteVersion('a', 1);
      await registry.subjects.deleteVersion('a', 1, { permanent: true });
      const result = await registry.validation.validate({
        schemaId: version.id,
        data: { id: 'x' },
      });
      expect(result.valid).toBe(true);
      expect((await registry.schemas.getOrThrow(version.id)).versions).toEqual([
        { subject: 'b', version: 1, deleted: false },
      ]);
    } finally {
      await registry.close();
    }
  });
});
