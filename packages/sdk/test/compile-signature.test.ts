import type { RunningServer } from '@llmsr/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistryClient, type RegistryClient, RegistryClientError } from '../src/index.js';
import { startTestServer } from './start-test-server.js';

let server: RunningServer;
let client: RegistryClient;

beforeAll(async () => {
  server = await startTestServer();
  client = createRegistryClient({ baseUrl: `http://127.0.0.1:${server.port}`, transport: 'rest' });
});
afterAll(() => server.close());

async function errorOf(promise: Promise<unknown>): Promise<RegistryClientError> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error as RegistryClientError,
  );
}

describe('compileSignature against a real server', () => {
  it('compiles a signature, keeping the schemas as the server wrote them', async () => {
    const compiled = await client.compileSignature(
      'user_query: str -> final_answer: str, source_ids: list[int]',
    );
    expect(compiled.name).toBe('signature');
    // Property names are data: not camelCased like the response's own keys.
    expect(Object.keys(compiled.inputSchema.properties as object)).toEqual(['user_query']);
    expect(compiled.outputSchema.required).toEqual(['final_answer', 'source_ids']);
    expect(compiled.outputSchema.additionalProperties).toBe(false);
    expect(compiled.fields.map((f) => [f.name, f.role, f.type, f.required])).toEqual([
      ['user_query', 'input', 'str', true],
      ['final_answer', 'output', 'str', true],
      ['source_ids', 'output', 'list[int]', true],
    ]);
  });

  it('compiles ML types to refs the registry resolves, or inlines them', async () => {
    const text = 'signature s: :string q -> :probability p';
    const compiled = await client.compileSignature(text);
    const registered = await client.register({ subject: 's-out', schema: compiled.outputSchema });
    expect((await client.validate({ schemaId: registered.id, data: { p: 0.2 } })).valid).toBe(true);
    expect((await client.validate({ schemaId: registered.id, data: { p: 2 } })).valid).toBe(false);
    const inlined = await client.compileSignature(text, { inlineMlTypes: true });
    expect(JSON.stringify(inlined.outputSchema)).not.toContain('https://llmsr.dev/ml-types/');
  });

  it('throws SIGNATURE_SYNTAX with the location and what was expected', async () => {
    const error = await errorOf(client.compileSignature('q: str\n  a: str'));
    expect(error).toBeInstanceOf(RegistryClientError);
    expect(error.code).toBe('SIGNATURE_SYNTAX');
    expect(error.status).toBe(400);
    expect(error.details).toMatchObject({ line: 2, column: 3, expected: expect.any(Array) });
  });

  it('throws SIGNATURE_UNKNOWN_TYPE naming the type', async () => {
    const error = await errorOf(client.compileSignature('q -> a: strng'));
    expect(error.code).toBe('SIGNATURE_UNKNOWN_TYPE');
    expect(error.status).toBe(422);
    expect(error.details.typeName).toBe('strng');
  });

  it('refuses a signature that is neither text nor an object before sending it', async () => {
    for (const bad of [null, ['q -> a'], 42]) {
      const error = await errorOf(client.compileSignature(bad as never));
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.details.field).toBe('signature');
    }
  });

  it('is REST only: the Connect transport says so', async () => {
    const connect = createRegistryClient({ baseUrl: 'http://127.0.0.1:1', transport: 'connect' });
    const error = await errorOf(connect.compileSignature('q -> a'));
    expect(error.code).toBe('NOT_SUPPORTED_BY_TRANSPORT');
  });
});
