import { createSchemaStore, type SchemaStore } from '@llmsr/storage';
import { getSchemaFormat } from '@llmsr/validation';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRegistry } from '../src/create-registry.js';
import type { Registry } from '../src/types.js';

// These tests watch the draft the registry hands the JSON Schema parser: what the parser makes
// of each draft is the validation package's business (and its tests').
const jsonFormat = getSchemaFormat('JSON');

function draftsParsedWith(run: () => Promise<unknown>): Promise<(string | undefined)[]> {
  const parse = vi.spyOn(jsonFormat, 'parse');
  return run()
    .then(() => parse.mock.calls.map(([, options]) => options?.defaultJsonDraft))
    .finally(() => parse.mockRestore());
}

const schema = { type: 'object', properties: { id: { type: 'integer' } } };
const widened = { type: 'object', properties: { id: { type: 'number' } } };

describe('the JSON default draft', () => {
  let registry: Registry;
  beforeEach(async () => {
    registry = await createRegistry({ storage: 'memory:' });
  });
  afterEach(() => registry.close());

  it('reads a new schema under draft-07 when nothing is configured', async () => {
    const drafts = await draftsParsedWith(() => registry.register({ subject: 's', schema }));
    expect(drafts).toEqual(['draft-07']);
  });

  it("reads a schema under the subject's draft on registration, check, lookup and validate-schema", async () => {
    await registry.setConfig(null, { extra: { jsonSchemaDefaultDraft: '2019-09' } });
    await registry.setConfig('s', { extra: { jsonSchemaDefaultDraft: '2020-12' } });
    const drafts = await draftsParsedWith(async () => {
      await registry.register({ subject: 's', schema });
      await registry.checkCompatibility({ subject: 's', schema: widened });
      await registry.findVersionByContent({ subject: 's', schema });
      await registry.validateSchema({ subject: 's', schema });
    });
    expect(drafts).toEqual(['2020-12', '2020-12', '2020-12', '2020-12']);
    const global = await draftsParsedWith(async () => {
      await registry.register({ subject: 'other', schema: widened });
      await registry.validateSchema({ schema });
    });
    expect(global).toEqual(['2019-09', '2019-09']);
  });

  it('passes the draft on with normalize, which reads the canonical text again', async () => {
    await registry.setConfig('s', { extra: { jsonSchemaDefaultDraft: 'draft-06' } });
    const drafts = await draftsParsedWith(() =>
      registry.register({ subject: 's', schema: JSON.stringify(schema, null, 2), normalize: true }),
    );
    expect(drafts).toEqual(['draft-06', 'draft-06']);
  });
});

describe('a stored JSON schema', () => {
  // A second registry over the same store starts with empty caches, so it reads the stored row.
  async function draftLoadedBySecondRegistry(recordedDraft: string | null | undefined) {
    const store = await createSchemaStore('memory:');
    const first = await createRegistry({ storage: store });
    const { version } = await first.register({ subject: 's', schema });
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
    await second.setConfig(null, { extra: { jsonSchemaDefaultDraft: '2019-09' } });
    try {
      return await draftsParsedWith(() =>
        second.validateData({ schemaId: version.id, data: { id: 1 } }),
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
