import { MemoryStore } from '@llmsr/storage';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RegistryContext } from './registry-context.js';
import { resolveSubjectConfig } from './resolve-subject-config.js';
import { registrySchemaFormats } from './schema-formats.js';

/** Only the store and the default draft are read. */
let store: MemoryStore;
let context: RegistryContext;
beforeEach(() => {
  store = new MemoryStore();
  context = {
    store,
    defaultJsonDraft: 'draft-07',
    formats: registrySchemaFormats,
  } as unknown as RegistryContext;
});

describe('resolveSubjectConfig', () => {
  it('answers the defaults when nothing is configured', async () => {
    expect(await resolveSubjectConfig(context, 'orders')).toEqual({
      compatibilityLevel: 'BACKWARD',
      mode: 'READWRITE',
      compatibilityPolicy: 'STRICT',
      normalize: false,
      jsonSchemaDefaultDraft: 'draft-07',
    });
  });

  it("takes the registry's default draft when no config sets one", async () => {
    context.defaultJsonDraft = '2020-12';
    expect((await resolveSubjectConfig(context, 'orders')).jsonSchemaDefaultDraft).toBe('2020-12');
  });

  it('takes a global setting over the default', async () => {
    await store.setConfig({
      subject: null,
      compatibilityLevel: 'FULL',
      mode: 'READONLY',
      extra: { normalize: true },
    });
    expect(await resolveSubjectConfig(context, 'orders')).toMatchObject({
      compatibilityLevel: 'FULL',
      mode: 'READONLY',
      normalize: true,
    });
  });

  it("takes a subject's own setting over the global one, setting by setting", async () => {
    await store.setConfig({
      subject: null,
      compatibilityLevel: 'FULL',
      mode: 'IMPORT',
      extra: { compatibilityPolicy: 'LENIENT', jsonSchemaDefaultDraft: '2019-09' },
    });
    await store.setConfig({
      subject: 'orders',
      compatibilityLevel: 'NONE',
      extra: { jsonSchemaDefaultDraft: 'draft-04' },
    });
    expect(await resolveSubjectConfig(context, 'orders')).toEqual({
      compatibilityLevel: 'NONE',
      mode: 'IMPORT',
      compatibilityPolicy: 'LENIENT',
      normalize: false,
      jsonSchemaDefaultDraft: 'draft-04',
    });
  });

  it("reads only the global config for subject null, whatever a subject's own says", async () => {
    await store.setConfig({ subject: 'orders', compatibilityLevel: 'NONE' });
    expect((await resolveSubjectConfig(context, null)).compatibilityLevel).toBe('BACKWARD');
  });

  it('skips a stored extra setting that is not valid and falls back to the next one', async () => {
    await store.setConfig({ subject: null, extra: { compatibilityPolicy: 'LENIENT' } });
    await store.setConfig({
      subject: 'orders',
      extra: { compatibilityPolicy: 'WHATEVER', normalize: 'yes', jsonSchemaDefaultDraft: 3 },
    });
    expect(await resolveSubjectConfig(context, 'orders')).toMatchObject({
      compatibilityPolicy: 'LENIENT',
      normalize: false,
      jsonSchemaDefaultDraft: 'draft-07',
    });
  });
});
