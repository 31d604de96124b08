import { create, fromJson } from '@bufbuild/protobuf';
import { ValueSchema } from '@bufbuild/protobuf/wkt';
import { createGrpcTransport } from '@connectrpc/connect-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistryClient, fromArray, startTestServer, type TestServer } from './fixtures.js';

let server: TestServer;
let schemaId: number;
let otherId: number;

beforeAll(async () => {
  server = await startTestServer();
  const schema = (type: string) => ({
    type: 'object',
    properties: { n: { type } },
    required: ['n'],
  });
  schemaId = (await server.registry.schemas.register({ subject: 'int', schema: schema('integer') }))
    .version.id;
  otherId = (await server.registry.schemas.register({ subject: 'str', schema: schema('string') }))
    .version.id;
});
afterAll(() => server.close());

const byId = (id: number, data: ReturnType<typeof fromJson<typeof ValueSchema>>) => ({
  item: { selector: { case: 'schemaId' as const, value: id }, data },
});

async function collect(requests: AsyncIterable<object>) {
  const client = createRegistryClient(createGrpcTransport({ baseUrl: server.baseUrl }));
  const answers = [];
  for await (const answer of client.batchValidate(requests as never)) answers.push(answer);
  return answers;
}

describe('BatchValidate', () => {
  it('answers a thousand items in order, each against the schema it names', async () => {
    const items = Array.from({ length: 1_000 }, (_, i) =>
      byId(i % 3 === 0 ? otherId : schemaId, fromJson(ValueSchema, { n: i % 2 ? 1 : 'x' })),
    );
    const answers = await collect(fromArray(items));
    expect(answers.map((a) => a.index)).toEqual(items.map((_, i) => i));
    answers.forEach((answer, i) => {
      const id = i % 3 === 0 ? otherId : schemaId;
      const valid = id === otherId ? i % 2 === 0 : i % 2 === 1;
      expect(answer.result).toMatchObject({ case: 'report', value: { schemaId: id, valid } });
    });
  });

  it('fails only the item whose data is not JSON, saying where, and goes on', async () => {
    const nan = create(ValueSchema, { kind: { case: 'numberValue', value: Number.NaN } });
    const kindless = create(ValueSchema, {
      kind: {
        case: 'structValue',
        value: { fields: { n: create(ValueSchema), m: fromJson(ValueSchema, 1) } },
      },
    });
    const answers = await collect(
      fromArray([
        byId(schemaId, fromJson(ValueSchema, { n: 1 })),
        byId(schemaId, nan),
        byId(schemaId, kindless),
        byId(schemaId, fromJson(ValueSchema, { n: 2 })),
      ]),
    );
    expect(answers.map((a) => a.result.case)).toEqual(['report', 'error', 'error', 'report']);
    expect(answers[1]?.result.value).toMatchObject({ code: 'INVALID_INPUT' });
    expect(answers[2]?.result.value).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('data/n'),
    });
    expect(answers[3]?.result).toMatchObject({ case: 'report', value: { valid: true } });
  });

  it('answers an unknown schema id as an item error every time it comes, without caching it', async () => {
    const answers = await collect(
      fromArray([
        byId(999_999, fromJson(ValueSchema, {})),
        byId(999_999, fromJson(ValueSchema, {})),
        byId(schemaId, fromJson(ValueSchema, { n: 1 })),
      ]),
    );
    expect(answers.map((a) => a.result.case)).toEqual(['error', 'error', 'report']);
    expect(answers[1]?.result.value).toMatchObject({ code: 'SCHEMA_NOT_FOUND' });
  });
});
