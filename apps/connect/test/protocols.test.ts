import { fromJson } from '@bufbuild/protobuf';
import { ValueSchema } from '@bufbuild/protobuf/wkt';
import { Code, ConnectError } from '@connectrpc/connect';
import {
  ChangeType,
  CompatibilityLevel,
  ErrorDetailSchema,
  SchemaType,
  ViolationDirection,
} from '@llmsr/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODE_HEADER } from '../src/index.js';
import {
  createRegistryClient,
  fromArray,
  personSchema,
  type RegistryClient,
  startTestServer,
  type TestServer,
  TRANSPORTS,
} from './fixtures.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

/** The ConnectError a call failed with. */
async function failure(call: Promise<unknown>): Promise<ConnectError> {
  try {
    await call;
  } catch (error) {
    return ConnectError.from(error);
  }
  throw new Error('expected the call to fail');
}

describe.each(TRANSPORTS)('$name', (transport) => {
  let client: RegistryClient;
  const subject = `people-${transport.name.replace(/\W+/g, '-').toLowerCase()}`;

  beforeAll(() => {
    client = createRegistryClient(transport.create(server.baseUrl));
  });

  it('registers a schema and fetches it by id, guid and subject version', async () => {
    const registered = await client.registerSchema({
      subject,
      schema: personSchema(),
      schemaType: SchemaType.JSON,
      compatibilityLevel: CompatibilityLevel.BACKWARD,
      metadata: { description: 'a person', tags: ['people'] },
    });
    expect(registered.created).toBe(true);
    expect(registered.compatibility?.compatible).toBe(true);
    const schema = registered.schema!;
    expect(schema.subject).toBe(subject);
    expect(schema.version).toBe(1);
    expect(schema.semver).toBe('1.0.0');
    expect(schema.schemaType).toBe(SchemaType.JSON);
    expect(schema.compatibilityLevel).toBe(CompatibilityLevel.BACKWARD);
    expect(schema.metadata).toEqual({ description: 'a person', tags: ['people'] });
    expect(schema.createdAt?.seconds).toBeGreaterThan(0n);

    const byId = await client.getSchema({ selector: { case: 'id', value: schema.id } });
    expect(byId.schema?.schema).toBe(schema.schema);
    const byGuid = await client.getSchema({ selector: { case: 'guid', value: schema.guid } });
    expect(byGuid.schema?.id).toBe(schema.id);
    const latest = await client.getSchema({
      selector: { case: 'subjectVersion', value: { subject, version: '' } },
    });
    expect(latest.schema?.version).toBe(1);
    expect(latest.schema?.fingerprint).toBe(schema.fingerprint);
  });

  it('answers created = false when the same content is registered again', async () => {
    const again = await client.registerSchema({ subject, schema: personSchema() });
    expect(again.created).toBe(false);
    expect(again.schema?.version).toBe(1);
    expect(again.compatibility).toBeUndefined();
  });

  it('validates data and reports where it is wrong', async () => {
    const good = await client.validateData({
      selector: { case: 'subjectVersion', value: { subject, version: 'latest' } },
      data: fromJson(ValueSchema, { name: 'Ada', age: 36 }),
    });
    expect(good.report?.valid).toBe(true);
    const bad = await client.validateData({
      selector: { case: 'subjectVersion', value: { subject, version: '1' } },
      data: fromJson(ValueSchema, { name: 'Ada', age: 'unknown' }),
    });
    expect(bad.report?.valid).toBe(false);
    expect(bad.report?.errors[0]).toMatchObject({ path: '/age', keyword: 'type' });
    expect(bad.report?.schemaId).toBe(good.report?.schemaId);
  });

  it('reports where a malformed schema is wrong without failing the call', async () => {
    const answer = await client.validateSchema({
      schema: '{"type": "record", "name": "X", "fields": [{"name": "a", "type": "nope"}]}',
      schemaType: SchemaType.AVRO,
    });
    expect(answer.valid).toBe(false);
    expect(answer.problems.length).toBeGreaterThan(0);
    const ok = await client.validateSchema({ schema: personSchema() });
    expect(ok.valid).toBe(true);
    expect(ok.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('checks compatibility and names the violated rule', async () => {
    const { report } = await client.checkCompatibility({
      subject,
      schema: personSchema({ requireAge: true }),
    });
    expect(report?.compatible).toBe(false);
    expect(report?.level).toBe(CompatibilityLevel.BACKWARD);
    expect(report?.comparedVersions).toEqual([1]);
    expect(report?.violations[0]?.rule).toMatch(/[A-Z_]+/);
    expect(report?.violations[0]?.direction).toBe(ViolationDirection.BACKWARD);
  });

  it('refuses an incompatible schema with FAILED_PRECONDITION and the report in an ErrorDetail', async () => {
    const error = await failure(
      client.registerSchema({ subject, schema: personSchema({ requireAge: true }) }),
    );
    expect(error.code).toBe(Code.FailedPrecondition);
    expect(error.metadata.get(ERROR_CODE_HEADER)).toBe('INCOMPATIBLE_SCHEMA');
    const [detail] = error.findDetails(ErrorDetailSchema);
    expect(detail?.code).toBe('INCOMPATIBLE_SCHEMA');
    expect(detail?.details).toMatchObject({ subject, report: { compatible: false } });
  });

  it('maps unknown ids to NOT_FOUND and bad input to INVALID_ARGUMENT', async () => {
    const missing = await failure(client.getSchema({ selector: { case: 'id', value: 987_654 } }));
    expect(missing.code).toBe(Code.NotFound);
    expect(missing.findDetails(ErrorDetailSchema)[0]?.code).toBe('SCHEMA_NOT_FOUND');
    const noSubject = await failure(
      client.getSchema({ selector: { case: 'subjectVersion', value: { subject: 'nobody-here' } } }),
    );
    expect(noSubject.code).toBe(Code.NotFound);
    expect(noSubject.metadata.get(ERROR_CODE_HEADER)).toBe('SUBJECT_NOT_FOUND');
    const noSelector = await failure(client.getSchema({}));
    expect(noSelector.code).toBe(Code.InvalidArgument);
    const badSchema = await failure(client.registerSchema({ subject, schema: '{"type": 12' }));
    expect(badSchema.code).toBe(Code.InvalidArgument);
    expect(badSchema.findDetails(ErrorDetailSchema)[0]?.code).toBe('INVALID_SCHEMA');
    const badEnum = await failure(
      client.registerSchema({ subject, schema: '{}', schemaType: 42 as SchemaType }),
    );
    expect(badEnum.code).toBe(Code.InvalidArgument);
    expect(badEnum.findDetails(ErrorDetailSchema)[0]?.details).toEqual({ field: 'schema_type' });
    const noData = await failure(
      client.validateData({ selector: { case: 'subjectVersion', value: { subject } } }),
    );
    expect(noData.code).toBe(Code.InvalidArgument);
  });

  it('streams every matching version of ListSchemas, honouring limit and offset', async () => {
    const prefix = `${subject}-list`;
    for (let i = 0; i < 3; i++) {
      await client.registerSchema({ subject: `${prefix}-${i}`, schema: personSchema() });
    }
    const all = [];
    for await (const item of client.listSchemas({ subject: prefix })) all.push(item);
    expect(all.map((item) => item.schema?.subject).sort()).toEqual([
      `${prefix}-0`,
      `${prefix}-1`,
      `${prefix}-2`,
    ]);
    expect(all.every((item) => item.total === 3)).toBe(true);
    const page = [];
    for await (const item of client.listSchemas({ subject: prefix, limit: 1, offset: 1 })) {
      page.push(item);
    }
    expect(page).toHaveLength(1);
    expect(page[0]?.schema?.subject).toBe(all[1]?.schema?.subject);
    const negative = await failure(
      (async () => {
        for await (const _ of client.listSchemas({ limit: -1 })) {
          // drain
        }
      })(),
    );
    expect(negative.code).toBe(Code.InvalidArgument);
  });

  it('streams change events as they happen, after replaying stored ones', async () => {
    const own = `${subject}-changes`;
    const abort = new AbortController();
    const events: { type: ChangeType; subject: string; version: number }[] = [];
    const seen = (async () => {
      try {
        for await (const event of client.streamSchemaChanges(
          { afterEventId: 0n },
          { signal: abort.signal },
        )) {
          events.push(event);
          if (event.subject === own && event.version === 2) return;
        }
      } catch (error) {
        if (!abort.signal.aborted) throw error;
      }
    })();
    await client.registerSchema({ subject: own, schema: personSchema() });
    await client.registerSchema({
      subject: own,
      schema: JSON.stringify({ type: 'object', properties: { name: { type: 'string' } } }),
    });
    await seen;
    abort.abort();
    const mine = events.filter((event) => event.subject === own);
    expect(mine.map((event) => [event.type, event.version])).toEqual([
      [ChangeType.SCHEMA_REGISTERED, 1],
      [ChangeType.SCHEMA_REGISTERED, 2],
    ]);
    // The replay from event 0 also delivered versions registered before the stream opened.
    expect(events.some((event) => event.subject === subject && event.version === 1)).toBe(true);
  });

  // Client and bidirectional streams need HTTP/2 (browsers' HTTP/1.1 cannot stream a request
  // body), so those transports only run the unary and server-stream cases above.
  if (!transport.bidi) return;

  it('validates a bidirectional stream item by item', async () => {
    const answers = [];
    for await (const answer of client.batchValidate(
      fromArray([
        {
          item: {
            selector: { case: 'subjectVersion', value: { subject } },
            data: fromJson(ValueSchema, { name: 'a' }),
          },
        },
        {
          item: { selector: { case: 'schemaId', value: 999_999 }, data: fromJson(ValueSchema, {}) },
        },
        {
          item: {
            selector: { case: 'subjectVersion', value: { subject } },
            data: fromJson(ValueSchema, { age: 1 }),
          },
        },
        {},
      ]),
    )) {
      answers.push(answer);
    }
    expect(answers.map((a) => a.index)).toEqual([0, 1, 2, 3]);
    expect(answers[0]?.result).toMatchObject({ case: 'report', value: { valid: true } });
    expect(answers[1]?.result).toMatchObject({
      case: 'error',
      value: { code: 'SCHEMA_NOT_FOUND' },
    });
    expect(answers[2]?.result).toMatchObject({ case: 'report', value: { valid: false } });
    expect(answers[3]?.result).toMatchObject({ case: 'error', value: { code: 'INVALID_INPUT' } });
  });

  it('registers a bidirectional stream, refusing only the bad items', async () => {
    const own = `${subject}-batch`;
    const answers = [];
    for await (const answer of client.batchRegister(
      fromArray([
        { item: { subject: own, schema: personSchema() } },
        { item: { subject: own, schema: personSchema({ requireAge: true }) } },
        { item: { subject: own, schema: 'not json' } },
        { item: { subject: own, schema: personSchema() } },
      ]),
    )) {
      answers.push(answer);
    }
    expect(answers.map((a) => a.result.case)).toEqual([
      'registered',
      'error',
      'error',
      'registered',
    ]);
    expect(answers[1]?.result).toMatchObject({ value: { code: 'INCOMPATIBLE_SCHEMA' } });
    expect(answers[2]?.result).toMatchObject({ value: { code: 'INVALID_SCHEMA' } });
    expect(answers[3]?.result).toMatchObject({ value: { created: false, schema: { version: 1 } } });
  });
});
