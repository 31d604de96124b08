import { create, fromJson } from '@bufbuild/protobuf';
import { ValueSchema } from '@bufbuild/protobuf/wkt';
import { Code, ConnectError } from '@connectrpc/connect';
import { createGrpcTransport } from '@connectrpc/connect-node';
import { ChangeType, CompatibilityLevel, SchemaType } from '@llmsr/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRegistryClient,
  personSchema,
  type RegistryClient,
  startTestServer,
  type TestServer,
} from './fixtures.js';

let server: TestServer;
let client: RegistryClient;

beforeAll(async () => {
  server = await startTestServer();
  client = createRegistryClient(createGrpcTransport({ baseUrl: server.baseUrl }));
});

afterAll(async () => {
  await server.close();
});

async function failure(call: Promise<unknown>): Promise<ConnectError> {
  try {
    await call;
  } catch (error) {
    return ConnectError.from(error);
  }
  throw new Error('expected the call to fail');
}

const AVRO = JSON.stringify({
  type: 'record',
  name: 'Order',
  fields: [{ name: 'id', type: 'string' }],
});
const PROTO = 'syntax = "proto3";\nmessage Order {\n  string id = 1;\n  int32 qty = 2;\n}\n';

describe('SchemaRegistryService details', () => {
  it('registers Avro and Protobuf schemas and validates data against them', async () => {
    const avro = await client.registerSchema({
      subject: 'orders-avro',
      schema: AVRO,
      schemaType: SchemaType.AVRO,
    });
    expect(avro.schema?.schemaType).toBe(SchemaType.AVRO);
    const proto = await client.registerSchema({
      subject: 'orders-proto',
      schema: PROTO,
      schemaType: SchemaType.PROTOBUF,
    });
    expect(proto.schema?.schemaType).toBe(SchemaType.PROTOBUF);
    const good = await client.validateData({
      selector: { case: 'subjectVersion', value: { subject: 'orders-proto' } },
      data: fromJson(ValueSchema, { id: 'a', qty: 2 }),
      messageName: 'Order',
    });
    expect(good.report?.valid).toBe(true);
    const bad = await client.validateData({
      selector: { case: 'schemaId', value: avro.schema!.id },
      data: fromJson(ValueSchema, { id: 7 }),
    });
    expect(bad.report?.valid).toBe(false);
  });

  it('filters ListSchemas by schema type, metadata value and tag', async () => {
    await client.registerSchema({
      subject: 'tagged',
      schema: personSchema(),
      metadata: { owner: 'team-a', tags: ['pii'] },
    });
    const names = async (request: Parameters<RegistryClient['listSchemas']>[0]) => {
      const subjects: string[] = [];
      for await (const item of client.listSchemas(request)) subjects.push(item.schema!.subject);
      return subjects.sort();
    };
    expect(await names({ schemaType: SchemaType.AVRO })).toEqual(['orders-avro']);
    expect(
      await names({ metadataKey: 'owner', metadataValue: fromJson(ValueSchema, 'team-a') }),
    ).toEqual(['tagged']);
    expect(
      await names({ metadataKey: 'owner', metadataValue: fromJson(ValueSchema, 'b') }),
    ).toEqual([]);
    expect(await names({ tag: 'pii' })).toEqual(['tagged']);
  });

  it('finds a soft-deleted version only with include_deleted', async () => {
    await client.registerSchema({ subject: 'to-delete', schema: personSchema() });
    await server.registry.subjects.deleteVersion('to-delete', 1);
    const selector = {
      case: 'subjectVersion',
      value: { subject: 'to-delete', version: '1' },
    } as const;
    const hidden = await failure(client.getSchema({ selector }));
    expect(hidden.code).toBe(Code.NotFound);
    const shown = await client.getSchema({ selector, includeDeleted: true });
    expect(shown.schema?.deletedAt?.seconds).toBeGreaterThan(0n);
  });

  it('fetches by id a schema no live version uses, without a subject', async () => {
    const { schema } = await client.registerSchema({
      subject: 'orphan',
      schema: JSON.stringify({ type: 'string', title: 'orphan' }),
    });
    await server.registry.subjects.deleteVersion('orphan', 1);
    const answer = await client.getSchema({ selector: { case: 'id', value: schema!.id } });
    expect(answer.schema).toMatchObject({ id: schema!.id, subject: '', version: 0 });
    expect(answer.schema?.fingerprint).toBe(schema!.fingerprint);
  });

  it('checks compatibility at a level other than the subject one', async () => {
    await client.registerSchema({
      subject: 'levels',
      schema: personSchema(),
      compatibilityLevel: CompatibilityLevel.NONE,
    });
    const candidate = personSchema({ requireAge: true });
    const none = await client.checkCompatibility({ subject: 'levels', schema: candidate });
    expect(none.report).toMatchObject({ compatible: true, level: CompatibilityLevel.NONE });
    const backward = await client.checkCompatibility({
      subject: 'levels',
      schema: candidate,
      level: CompatibilityLevel.BACKWARD,
    });
    expect(backward.report?.compatible).toBe(false);
  });

  it('refuses a Value without a kind and an unknown level number as INVALID_ARGUMENT', async () => {
    const kindless = await failure(
      client.validateData({
        selector: { case: 'schemaId', value: 1 },
        data: create(ValueSchema, {}),
      }),
    );
    expect(kindless.code).toBe(Code.InvalidArgument);
    const level = await failure(
      client.checkCompatibility({
        subject: 'levels',
        schema: '{}',
        level: 99 as CompatibilityLevel,
      }),
    );
    expect(level.code).toBe(Code.InvalidArgument);
  });

  it('sends only new change events when after_event_id is absent', async () => {
    await client.registerSchema({ subject: 'before-stream', schema: personSchema() });
    const abort = new AbortController();
    const first = (async () => {
      for await (const event of client.streamSchemaChanges({}, { signal: abort.signal })) {
        return event;
      }
    })();
    // The server subscribes at some point after the call starts; keep changing until it sees one.
    let event: Awaited<typeof first>;
    for (let n = 0; n < 100 && !event; n++) {
      await server.registry.config.set(`live-${n}`, { compatibilityLevel: 'FULL' });
      event = await Promise.race([
        first,
        new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 50)),
      ]);
    }
    abort.abort();
    expect(event?.type).toBe(ChangeType.CONFIG_CHANGED);
    expect(event?.subject).toMatch(/^live-\d+$/);
  });
});
