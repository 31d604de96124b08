import { embeddingSchema, ML_TYPE_KEYWORDS, ML_TYPE_SCHEMAS, mlTypeId } from '@llmsr/llm';
import type { RunningServer } from '@llmsr/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistryClient, RegistryClientError } from '../src/index.js';
import { startTestServer } from './start-test-server.js';

let server: RunningServer;
let baseUrl: string;
let schemaId: number;

beforeAll(async () => {
  server = await startTestServer();
  baseUrl = `http://127.0.0.1:${server.port}`;
  const registered = await createRegistryClient({ baseUrl }).register({
    subject: 'vectors',
    schema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: {
        v: embeddingSchema({ dimension: 2, unitNorm: { tolerance: 1e-3 } }),
        p: { $ref: mlTypeId('probability') },
      },
      required: ['v'],
    },
  });
  schemaId = registered.id;
});
afterAll(() => server.close());

describe('schemas with ML types, validated locally', () => {
  it('validate in-process when the client knows the ML types, as the server does', async () => {
    const client = createRegistryClient({
      baseUrl,
      jsonSchemas: { knownSchemas: ML_TYPE_SCHEMAS, keywords: ML_TYPE_KEYWORDS },
    });
    const local = await client.localValidator(schemaId);
    for (const data of [{ v: [0.6, 0.8], p: 0.5 }, { v: [0.6, 0.6] }, { v: [0.6, 0.8], p: 3 }]) {
      const remote = await client.validate({ schemaId, data });
      expect(local.validate(data).valid, JSON.stringify(data)).toBe(remote.valid);
    }
    expect(local.validate({ v: [0.6, 0.6] }).errors.map((e) => e.keyword)).toContain('x-unit-norm');
  });

  it('serialize and deserialize with the ML types enforced', async () => {
    const client = createRegistryClient({
      baseUrl,
      jsonSchemas: { knownSchemas: ML_TYPE_SCHEMAS, keywords: ML_TYPE_KEYWORDS },
    });
    const codec = await client.serializer(schemaId);
    const bytes = codec.serialize({ v: [1, 0] });
    expect((await client.deserialize(bytes)).value).toEqual({ v: [1, 0] });
    expect(() => codec.serialize({ v: [1, 1] })).toThrow(/x-unit-norm|norm/);
  });

  it('do not parse locally without them, and say so', async () => {
    const client = createRegistryClient({ baseUrl });
    const error = await client.localValidator(schemaId).then(
      () => undefined,
      (e: unknown) => e as RegistryClientError,
    );
    expect(error).toBeInstanceOf(RegistryClientError);
    expect(error?.code).toBe('INVALID_RESPONSE');
    expect(error?.message).toContain('https://llmsr.dev/ml-types/');
  });
});
