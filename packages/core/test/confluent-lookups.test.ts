import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRegistry } from '../src/create-registry.js';

// Every case runs over memory and over a SQLite file: the config clearing writes through the
// store's setConfig/deleteConfig, whose SQL mapping of absent fields must hold too.
const dir = mkdtempSync(join(tmpdir(), 'llmsr-confluent-'));
let files = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const avro = (fields: unknown[]) => ({ type: 'record', name: 'User', fields });

describe.each(['memory', 'sqlite'])('over %s storage', (backend) => {
  const open = () =>
    createRegistry({
      storage: backend === 'memory' ? 'memory:' : `sqlite:${join(dir, `r${++files}.db`)}`,
    });

  describe('findVersionByContent', () => {
    it('finds the version of a subject holding the same content, formatting aside', async () => {
      const registry = await open();
      await registry.schemas.register({ subject: 's', schemaType: 'AVRO', schema: avro([]) });
      const { version } = await registry.schemas.register({
        subject: 's',
        schemaType: 'AVRO',
        schema: avro([{ name: 'a', type: 'string', default: '' }]),
      });
      const spaced = JSON.stringify(avro([{ name: 'a', type: 'string', default: '' }]), null, 2);
      const found = await registry.schemas.findByContent({
        subject: 's',
        schemaType: 'AVRO',
        schema: spaced,
      });
      expect(found?.version).toBe(version.version);
      expect(found?.id).toBe(version.id);
    });

    it('answers undefined for content registered only under another subject', async () => {
      const registry = await open();
      await registry.schemas.register({ subject: 'other', schemaType: 'AVRO', schema: avro([]) });
      await registry.schemas.register({
        subject: 's',
        schemaType: 'AVRO',
        schema: { type: 'string' },
      });
      const found = await registry.schemas.findByContent({
        subject: 's',
        schemaType: 'AVRO',
        schema: avro([]),
      });
      expect(found).toBeUndefined();
    });

    it('matches soft-deleted versions only when asked', async () => {
      const registry = await open();
      await registry.schemas.register({ subject: 's', schemaType: 'AVRO', schema: avro([]) });
      await registry.subjects.deleteVersion('s', 1);
      const input = { subject: 's', schemaType: 'AVRO', schema: avro([]) };
      expect(await registry.schemas.findByContent(input)).toBeUndefined();
      const deleted = await registry.schemas.findByContent({ ...input, includeDeleted: true });
      expect(deleted?.deletedAt).not.toBeNull();
    });

    it('rejects a malformed schema with INVALID_SCHEMA', async () => {
      const registry = await open();
      await expect(
        registry.schemas.findByContent({ subject: 's', schemaType: 'AVRO', schema: '{"type":' }),
      ).rejects.toMatchObject({ code: 'INVALID_SCHEMA' });
      await expect(
        registry.schemas.findByContent({ subject: 's', schemaType: 'XML', schema: '{}' }),
      ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    });
  });

  describe('listReferencingSchemaIds', () => {
    it('lists the ids of schemas referencing a subject version', async () => {
      const registry = await open();
      await registry.schemas.register({
        subject: 'address',
        schemaType: 'AVRO',
        schema: { type: 'record', name: 'Address', fields: [{ name: 'city', type: 'string' }] },
      });
      const { version } = await registry.schemas.register({
        subject: 'person',
        schemaType: 'AVRO',
        schema: { type: 'record', name: 'Person', fields: [{ name: 'home', type: 'Address' }] },
        references: [{ name: 'Address', subject: 'address', version: 1 }],
      });
      expect(await registry.subjects.referencedBy('address', 1)).toEqual([version.id]);
      expect(await registry.subjects.referencedBy('person', 1)).toEqual([]);
    });
  });

  describe('clearConfigSetting', () => {
    it('removes the level and keeps the mode', async () => {
      const registry = await open();
      await registry.config.set('s', { compatibilityLevel: 'FULL', mode: 'READONLY' });
      const old = await registry.config.clearSetting('s', 'compatibilityLevel');
      expect(old?.compatibilityLevel).toBe('FULL');
      const now = await registry.config.get('s');
      expect(now?.compatibilityLevel).toBeUndefined();
      expect(now?.mode).toBe('READONLY');
    });

    it('drops the extra config fields with the level, and keeps them when clearing the mode', async () => {
      const registry = await open();
      await registry.config.set('s', { mode: 'READONLY', extra: { normalize: true } });
      await registry.config.clearSetting('s', 'mode');
      expect((await registry.config.get('s'))?.extra).toEqual({ normalize: true });
      expect((await registry.config.clearSetting('s', 'compatibilityLevel'))?.extra).toEqual({
        normalize: true,
      });
      expect(await registry.config.get('s')).toBeUndefined();
    });

    it('removes the row when nothing is left, and answers undefined when the setting is absent', async () => {
      const registry = await open();
      await registry.config.set(null, { mode: 'IMPORT' });
      expect(await registry.config.clearSetting(null, 'compatibilityLevel')).toBeUndefined();
      expect((await registry.config.clearSetting(null, 'mode'))?.mode).toBe('IMPORT');
      expect(await registry.config.get(null)).toBeUndefined();
      expect(await registry.config.resolveMode(null)).toBe('READWRITE');
    });
  });
});
