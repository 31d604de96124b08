import { createSchemaStore, type SchemaStore } from '@llmsr/storage';
import { describe, expect, it, vi } from 'vitest';
import { createRegistry } from '../src/create-registry.js';
import { registrySchemaFormats } from '../src/schema-formats.js';
import { useTestRegistry } from './create-test-registry.js';

// These tests watch the draft the registry hands the JSON Schema parser: what the parser makes
// of each draft is the validation package's business (and its tests').
const jsonFormat = registrySchemaFormats.formatOf('JSON');

function draftsParsedWith(run: () => Promise<unknown>): Promise<(string | undefined)[]> {
  const parse = vi.spyOn(jsonFormat, 'parse');
  return run()
    .then(() => parse.mock.calls.map(([, options]) => options?.defaultJsonDraft))
    .finally(() => parse.mockRestore());
}

const schema = { type: 'object', properties: { id: { type: 'integer' } } };
const widened = { type: 'object', properties: { id: { type: 'number' } } };

describe('the JSON default draft', () => {
  const registry = useTestRegistry();

  it('reads a new schema under draft-07 when nothing is configured', async () => {
    const drafts = await draftsParsedWith(() =>
      registry.schemas.register({ subject: 's', schema }),
    );
    expect(drafts).toEqual(['draft-07']);
  });

  it("reads a schema under the subject's draft on registration, check, lookup and validate-schema", async () => {
    await registry.config.set(null, { extra: { jsonSchemaDefaultDraft: '2019-09' } });
    await registry.config.set('s', { extra: { jsonSchemaDefaultDraft: '2020-12' } });
    const drafts = await draftsParsedWith(async () => {
      await registry.schemas.register({ subject: 's', schema });
      await registry.compatibility.check({ subject: 's', schema: widened });
      await registry.schemas.findByContent({ subject: 's', schema });
      await registry.schemas.validate({ subject: 's', schema });
    });
    expect(drafts).toEqual(['2020-12', '2020-12', '2020-12', '2020-12']);
    const global = await draftsParsedWith(async () => {
      await registry.schemas.register({ subject: 'other', schema: widened });
      await registry.schemas.validate({ schema });
    });
    expect(global).toEqual(['2019-09', '2019-09']);
  });

  it('passes the draft on with normalize, which reads the canonical text again', async () => {
    await registry.config.set('s', { extra: { jsonSchemaDefaultDraft: 'draft-06' } });
    const drafts = await draftsParsedWith(() =>
      registry.schemas.register({
        subject: 's',
        schema: JSON.stringify(schema, null, 2),
        normalize: true,
      }),
    );
    expect(drafts).toEqual(['draft-06', 'draft-06']);
  });
});

describe('a stored JSON schema', () => {
  // A second registry over the same store starts with empty caches, so it reads the stored row.
  async function draftLoadedBySecondRegistry(recordedDraft: string | null | undefined) {
    const store = await createSchemaStore('memory:');
    const first = await createRegistry({ storage: store });
    const { version } = await first.schemas.register({ subject: 's', schema });
    const getSchemaById: SchemaStore['getSchemaById'] = async (id) => {
      const record = await store.getSchemaById(id);
      if (!record) return record;
      const { jsonDraft: _dropped, ...rest } = record;
      return recordedDraft === undefined ? rest : { ...rest, jsonDraft: recordedDraft };
    };
    // The store as it reads back a row with (or without) a recorded draft.
    const recording = new Proxy(store, {
      get(target, property) {
        if (property === 'getSchemaById') return getSchemaById;
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const second = await createRegistry({ storage: recording, defaultJsonDraft: 'draft-04' });
    await second.config.set(null, { extra: { jsonSchemaDefaultDraft: '2019-09' } });
    try {
      return await draftsParsedWith(() =>
        second.validation.validate({ schemaId: version.id, data: { id: 1 } }),
      );
    } finally {
      await second.close();
      await first.close();
    }
  }

  it('is read under the draft recorded at its registration, whatever the default now', async () => {
    expect(await draftLoadedBySecondRegistry('draft-07')).toEqual(['draft-07']);
  });

  it('is read under 2020-12 when no draft was recorded (written before drafts were recorded)', async () => {
    expect(await draftLoadedBySecondRegistry(null)).toEqual(['2020-12']);
    expect(await draftLoadedBySecondRegistry(undefined)).toEqual(['2020-12']);
  });
});

// A tuple: draft-07 reads `items: [...]` position by position; 2020-12 has no array form of
// `items` (it became `prefixItems`), so the same text means something else there.
const pair = {
  type: 'array',
  items: [{ type: 'string' }, { type: 'integer' }],
};

describe('what the default draft means for a schema', () => {
  const registry = useTestRegistry();

  it('registers a tuple schema without $schema under the draft-07 default, as Confluent', async () => {
    const { version } = await registry.schemas.register({ subject: 'pairs', schema: pair });
    const good = await registry.validation.validate({ schemaId: version.id, data: ['a', 1] });
    expect(good.valid).toBe(true);
    const bad = await registry.validation.validate({ schemaId: version.id, data: ['a', 'b'] });
    expect(bad.valid).toBe(false);
  });

  it('keeps validating a stored schema under its draft after the global default changes', async () => {
    const { version } = await registry.schemas.register({ subject: 'pairs', schema: pair });
    await registry.config.set(null, { extra: { jsonSchemaDefaultDraft: '2020-12' } });
    const bad = await registry.validation.validate({ subject: 'pairs', data: ['a', 'b'] });
    expect(bad).toMatchObject({ schemaId: version.id, valid: false });
    expect((await registry.validation.validate({ subject: 'pairs', data: ['a', 1] })).valid).toBe(
      true,
    );
    // New schemas are read under the new default.
    const refused = await registry.schemas.validate({ schema: pair });
    expect(refused.valid).toBe(false);
  });

  it('gives the same text read under two drafts two identities', async () => {
    const text = { type: 'object', properties: { n: { type: 'integer' } } };
    await registry.config.set('new', { extra: { jsonSchemaDefaultDraft: '2020-12' } });
    const old = await registry.schemas.register({ subject: 'old', schema: text });
    const recent = await registry.schemas.register({ subject: 'new', schema: text });
    expect(recent.version.id).not.toBe(old.version.id);
    expect(recent.version.fingerprint).not.toBe(old.version.fingerprint);
  });

  it("reads a subject's schemas under its draft-04 setting", async () => {
    await registry.config.set('legacy', { extra: { jsonSchemaDefaultDraft: 'draft-04' } });
    const schema = { type: 'number', minimum: 0, exclusiveMinimum: true };
    const { version } = await registry.schemas.register({ subject: 'legacy', schema });
    expect((await registry.validation.validate({ schemaId: version.id, data: 0 })).valid).toBe(
      false,
    );
    expect((await registry.validation.validate({ schemaId: version.id, data: 1 })).valid).toBe(
      true,
    );
    // Boolean exclusiveMinimum is not valid draft-07.
    const elsewhere = await registry.schemas.validate({ schema });
    expect(elsewhere.valid).toBe(false);
  });
});
