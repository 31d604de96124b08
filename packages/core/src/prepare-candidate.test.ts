import { MemoryStore } from '@llmsr/storage';
import { beforeEach, describe, expect, it } from 'vitest';
import { prepareCandidate } from './prepare-candidate.js';
import type { RegistryContext } from './registry-context.js';
import { registrySchemaFormats } from './schema-formats.js';

/** prepareCandidate reads only the store and the default draft. */
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

async function errorOf(promise: Promise<unknown>) {
  return promise.then(
    () => ({ code: 'NO_ERROR' }),
    (error: unknown) => error as { code: string; details: Record<string, unknown> },
  );
}

describe('prepareCandidate', () => {
  it('keeps the text as sent and parses it under the default draft', async () => {
    const sent = '{ "type": "string" }';
    const candidate = await prepareCandidate(context, { schema: sent }, { subject: 'a' });
    expect(candidate).toMatchObject({ schemaType: 'JSON', text: sent, references: [] });
    expect(candidate.parsed.jsonDraft).toBe('draft-07');
    expect(candidate.settings.compatibilityLevel).toBe('BACKWARD');
  });

  it("reads under the subject's settings: its draft and its normalize", async () => {
    await store.setConfig({
      subject: 'a',
      extra: { jsonSchemaDefaultDraft: '2020-12', normalize: true },
    });
    const sent = '{ "type": "string",  "maxLength": 2 }';
    const own = await prepareCandidate(context, { schema: sent }, { subject: 'a' });
    expect(own.parsed.jsonDraft).toBe('2020-12');
    expect(own.text).toBe(own.parsed.canonical);
    expect(own.text).not.toBe(sent);
    const global = await prepareCandidate(context, { schema: sent }, { subject: null });
    expect(global.parsed.jsonDraft).toBe('draft-07');
    expect(global.text).toBe(sent);
  });

  it("lets the input's normalize win over the config, and ignoreNormalize win over both", async () => {
    await store.setConfig({ subject: null, extra: { normalize: true } });
    const sent = '{ "type": "string",  "maxLength": 2 }';
    const off = await prepareCandidate(
      context,
      { schema: sent, normalize: false },
      { subject: 'a' },
    );
    expect(off.text).toBe(sent);
    const ignored = await prepareCandidate(
      context,
      { schema: sent, normalize: true },
      { subject: 'a', ignoreNormalize: true },
    );
    expect(ignored.text).toBe(sent);
  });

  it('resolves references and pins latest (-1) to the version found', async () => {
    const address = '{"$id":"https://example.com/a.json","type":"string"}';
    for (const description of ['one', 'two']) {
      await store.registerVersion({
        subject: 'address',
        schema: {
          schemaType: 'JSON',
          fingerprint: description,
          canonical: address,
          schema: address.replace('}', `,"description":"${description}"}`),
          references: [],
          pcfFingerprint: null,
          jsonDraft: 'draft-07',
        },
        metadata: null,
        createdBy: null,
        decide: async (history) => ({
          semver: `1.${history.length}.0`,
          compatibilityLevel: 'NONE',
        }),
      });
    }
    const candidate = await prepareCandidate(
      context,
      {
        schema: { $ref: 'https://example.com/a.json' },
        references: [{ name: 'https://example.com/a.json', subject: 'address', version: -1 }],
      },
      { subject: 'b' },
    );
    expect(candidate.references).toEqual([
      { name: 'https://example.com/a.json', subject: 'address', version: 2 },
    ]);
    expect(candidate.resolved[0]).toMatchObject({ subject: 'address', version: 2 });
  });

  it('runs beforeResolve with the settings, before a missing reference is looked up', async () => {
    const seen: string[] = [];
    const refusal = new Error('refused');
    const error = await errorOf(
      prepareCandidate(
        context,
        { schema: '{}', references: [{ name: 'x', subject: 'nowhere', version: 1 }] },
        {
          subject: 'a',
          beforeResolve: (settings) => {
            seen.push(settings.mode);
            throw refusal;
          },
        },
      ),
    );
    expect(seen).toEqual(['READWRITE']);
    expect(error).toBe(refusal);
  });

  it.each([
    ['an unknown schema type', { schema: '{}', schemaType: 'XML' }, 'INVALID_INPUT'],
    ['malformed references', { schema: '{}', references: 'x' }, 'INVALID_INPUT'],
    ['a schema that does not parse', { schema: '{ nope' }, 'INVALID_SCHEMA'],
    [
      'a reference to nothing',
      { schema: '{}', references: [{ name: 'x', subject: 'nowhere', version: 1 }] },
      'INVALID_SCHEMA',
    ],
  ])('refuses %s with a stable code', async (_name, input, code) => {
    expect((await errorOf(prepareCandidate(context, input, { subject: 'a' }))).code).toBe(code);
  });
});
