import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSchemaStore, type SchemaStore } from '@llmsr/storage';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRegistry } from '../src/create-registry.js';
import type { Registry } from '../src/registry.js';

// The settings live in the config's extra fields: over SQLite they round-trip through JSON.
const dir = mkdtempSync(join(tmpdir(), 'llmsr-config-settings-'));
let files = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string; details: Record<string, unknown> };
  }
  throw new Error('expected a rejection');
}

describe.each(['memory', 'sqlite'])('config settings the registry acts on, over %s', (backend) => {
  let registry: Registry;
  // Kept to write a config the registry would refuse, as an older version or another tool could.
  let store: SchemaStore;
  beforeEach(async () => {
    store = await createSchemaStore(
      backend === 'memory' ? 'memory:' : `sqlite:${join(dir, `r${++files}.db`)}`,
    );
    registry = await createRegistry({ storage: store });
  });
  afterEach(() => registry.close());

  it.each([
    ['compatibilityPolicy', 'RELAXED'],
    ['compatibilityPolicy', 1],
    ['compatibilityPolicy', ''],
    ['normalize', 'true'],
    ['normalize', 1],
    ['jsonSchemaDefaultDraft', 'draft-05'],
    ['jsonSchemaDefaultDraft', '2021-12'],
    ['jsonSchemaDefaultDraft', 7],
  ])('refuses %s = %j with INVALID_INPUT naming the field', async (field, value) => {
    for (const subject of [null, 'orders']) {
      const error = await rejection(registry.config.set(subject, { extra: { [field]: value } }));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.details.field).toBe(field);
    }
    expect(await registry.config.get(null)).toBeUndefined();
    expect(await registry.config.get('orders')).toBeUndefined();
  });

  it.each([
    ['compatibilityPolicy', 'lenient', 'LENIENT'],
    ['compatibilityPolicy', 'STRICT', 'STRICT'],
    ['normalize', true, true],
    ['normalize', false, false],
    ['jsonSchemaDefaultDraft', 'draft-04', 'draft-04'],
    ['jsonSchemaDefaultDraft', 'DRAFT-06', 'draft-06'],
    ['jsonSchemaDefaultDraft', 'draft7', 'draft-07'],
    ['jsonSchemaDefaultDraft', '2019-09', '2019-09'],
    ['jsonSchemaDefaultDraft', '2020-12', '2020-12'],
  ])('stores %s = %j as %j', async (field, value, stored) => {
    const saved = await registry.config.set('orders', { extra: { [field]: value } });
    expect(saved.extra).toEqual({ [field]: stored });
    expect((await registry.config.resolve('orders'))[field as 'normalize']).toBe(stored);
  });

  it('keeps other extra fields as given and drops a setting set to null', async () => {
    await registry.config.set('orders', { extra: { normalize: true, alias: 'x' } });
    const saved = await registry.config.set('orders', { extra: { normalize: null, alias: 'x' } });
    expect(saved.extra).toEqual({ alias: 'x' });
    expect((await registry.config.resolve('orders')).normalize).toBe(false);
  });

  it('resolves STRICT, no normalize and draft-07 when nothing is configured', async () => {
    expect(await registry.config.resolve('orders')).toEqual({
      compatibilityLevel: 'BACKWARD',
      mode: 'READWRITE',
      compatibilityPolicy: 'STRICT',
      normalize: false,
      jsonSchemaDefaultDraft: 'draft-07',
    });
  });

  it('resolves each setting from the subject, then the global config, then the default', async () => {
    await registry.config.set(null, {
      extra: { compatibilityPolicy: 'LENIENT', jsonSchemaDefaultDraft: '2020-12' },
    });
    await registry.config.set('orders', { extra: { jsonSchemaDefaultDraft: 'draft-04' } });
    await registry.config.set('payments', { extra: { compatibilityPolicy: 'STRICT' } });
    expect(await registry.config.resolve('orders')).toMatchObject({
      compatibilityPolicy: 'LENIENT',
      normalize: false,
      jsonSchemaDefaultDraft: 'draft-04',
    });
    expect(await registry.config.resolve('payments')).toMatchObject({
      compatibilityPolicy: 'STRICT',
      jsonSchemaDefaultDraft: '2020-12',
    });
    expect(await registry.config.resolve(null)).toMatchObject({
      compatibilityPolicy: 'LENIENT',
      jsonSchemaDefaultDraft: '2020-12',
    });
  });

  it('ignores a stored setting that is not valid instead of failing every registration', async () => {
    await store.setConfig({
      subject: 'orders',
      extra: { compatibilityPolicy: 'WHATEVER', normalize: 'yes', jsonSchemaDefaultDraft: 3 },
    });
    await registry.config.set(null, { extra: { compatibilityPolicy: 'LENIENT' } });
    expect(await registry.config.resolve('orders')).toMatchObject({
      compatibilityPolicy: 'LENIENT',
      normalize: false,
      jsonSchemaDefaultDraft: 'draft-07',
    });
    const { created } = await registry.schemas.register({
      subject: 'orders',
      schema: { type: 'string' },
    });
    expect(created).toBe(true);
  });
});

describe('the defaultJsonDraft option', () => {
  it('is the draft in force when no config sets one', async () => {
    const registry = await createRegistry({ storage: 'memory:', defaultJsonDraft: '2020-12' });
    try {
      expect((await registry.config.resolve('orders')).jsonSchemaDefaultDraft).toBe('2020-12');
      await registry.config.set(null, { extra: { jsonSchemaDefaultDraft: 'draft-06' } });
      expect((await registry.config.resolve('orders')).jsonSchemaDefaultDraft).toBe('draft-06');
    } finally {
      await registry.close();
    }
  });

  it('refuses an unknown draft with INVALID_INPUT naming the option', async () => {
    const error = await rejection(createRegistry({ storage: 'memory:', defaultJsonDraft: 'v8' }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.details.field).toBe('defaultJsonDraft');
  });
});
