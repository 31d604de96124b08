import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personSchema, startTestServer, type TestServer } from './fixtures.js';

// An independent gRPC stack: grpc-js with the .proto loaded at run time, no generated code.
const PROTO_ROOT = fileURLToPath(new URL('../../../proto', import.meta.url));

type Callback<T> = (error: grpc.ServiceError | null, value?: T) => void;
type UnaryMethod = (request: object, callback: Callback<Record<string, unknown>>) => void;
interface GrpcClient extends grpc.Client {
  RegisterSchema: UnaryMethod;
  GetSchema: UnaryMethod;
  ValidateData: UnaryMethod;
  ListSchemas(request: object): grpc.ClientReadableStream<Record<string, unknown>>;
  BatchValidate(): grpc.ClientDuplexStream<object, Record<string, unknown>>;
  StreamSchemaChanges(request: object): grpc.ClientReadableStream<Record<string, unknown>>;
}

let server: TestServer;
let client: GrpcClient;

beforeAll(async () => {
  server = await startTestServer();
  const definition = protoLoader.loadSync('llmsr/registry/v1/registry.proto', {
    includeDirs: [PROTO_ROOT],
    longs: Number,
    enums: String,
    defaults: true,
    oneofs: true,
  });
  const loaded = grpc.loadPackageDefinition(definition) as unknown as {
    llmsr: { registry: { v1: { SchemaRegistryService: grpc.ServiceClientConstructor } } };
  };
  const Service = loaded.llmsr.registry.v1.SchemaRegistryService;
  client = new Service(
    `127.0.0.1:${server.server.port}`,
    grpc.credentials.createInsecure(),
  ) as unknown as GrpcClient;
});

afterAll(async () => {
  client?.close();
  await server.close();
});

function unary(method: UnaryMethod, request: object): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    method.call(client, request, (error, value) => (error ? reject(error) : resolve(value ?? {})));
  });
}

function collect(stream: grpc.ClientReadableStream<Record<string, unknown>>) {
  return new Promise<Record<string, unknown>[]>((resolve, reject) => {
    const items: Record<string, unknown>[] = [];
    stream.on('data', (item) => items.push(item));
    stream.on('error', reject);
    stream.on('end', () => resolve(items));
  });
}

/** A protobuf Struct value of a plain object of strings. */
function struct(fields: Record<string, string>) {
  return {
    structValue: {
      fields: Object.fromEntries(
        Object.entries(fields).map(([key, value]) => [key, { stringValue: value }]),
      ),
    },
  };
}

describe('an independent @grpc/grpc-js client', () => {
  it('registers and fetches a schema with enums by name', async () => {
    const registered = await unary(client.RegisterSchema, {
      subject: 'grpc-js-people',
      schema: personSchema(),
      schemaType: 'SCHEMA_TYPE_JSON',
      compatibilityLevel: 'COMPATIBILITY_LEVEL_FULL',
    });
    expect(registered.created).toBe(true);
    const schema = registered.schema as Record<string, unknown>;
    expect(schema).toMatchObject({
      subject: 'grpc-js-people',
      version: 1,
      schemaType: 'SCHEMA_TYPE_JSON',
      compatibilityLevel: 'COMPATIBILITY_LEVEL_FULL',
    });
    const fetched = await unary(client.GetSchema, { id: schema.id });
    expect((fetched.schema as Record<string, unknown>).fingerprint).toBe(schema.fingerprint);
  });

  it('validates data sent as a google.protobuf.Value', async () => {
    const answer = await unary(client.ValidateData, {
      subjectVersion: { subject: 'grpc-js-people', version: 'latest' },
      data: struct({ age: 'old' }),
    });
    const report = answer.report as { valid: boolean; errors: { path: string }[] };
    expect(report.valid).toBe(false);
    expect(report.errors.map((e) => e.path).sort()).toEqual(['', '/age']);
  });

  it('gets a NOT_FOUND status with the registry code in the trailers', async () => {
    const error = (await unary(client.GetSchema, { id: 424_242 }).catch(
      (e: unknown) => e,
    )) as grpc.ServiceError;
    expect(error.code).toBe(grpc.status.NOT_FOUND);
    expect(error.metadata.get('llmsr-error-code')).toEqual(['SCHEMA_NOT_FOUND']);
  });

  it('reads the ListSchemas server stream', async () => {
    const items = await collect(client.ListSchemas({ subject: 'grpc-js' }));
    expect(items.map((i) => (i.schema as { subject: string }).subject)).toEqual(['grpc-js-people']);
  });

  it('drives the BatchValidate bidirectional stream', async () => {
    const call = client.BatchValidate();
    const answers = collect(call);
    call.write({ item: { schemaId: 1, data: struct({ name: 'Ada' }) } });
    call.write({ item: { schemaId: 77, data: struct({}) } });
    call.end();
    const results = await answers;
    expect(results.map((r) => [r.index, r.result])).toEqual([
      [0, 'report'],
      [1, 'error'],
    ]);
    expect(results[0]?.report).toMatchObject({ valid: true, schemaId: 1 });
    expect(results[1]?.error).toMatchObject({ code: 'SCHEMA_NOT_FOUND' });
  });

  it('replays stored change events on StreamSchemaChanges until it cancels', async () => {
    await unary(client.RegisterSchema, { subject: 'grpc-js-events', schema: personSchema() });
    const call = client.StreamSchemaChanges({ afterEventId: 0 });
    const event = await new Promise<Record<string, unknown>>((resolve, reject) => {
      call.on('data', (item: Record<string, unknown>) => {
        if (item.subject === 'grpc-js-events') resolve(item);
      });
      call.on('error', reject);
    });
    const ended = new Promise<grpc.ServiceError>((resolve) => call.on('error', resolve));
    call.cancel();
    expect((await ended).code).toBe(grpc.status.CANCELLED);
    expect(event).toMatchObject({ type: 'CHANGE_TYPE_SCHEMA_REGISTERED', version: 1 });
    expect(event.id).toBeGreaterThan(0);
  });
});
