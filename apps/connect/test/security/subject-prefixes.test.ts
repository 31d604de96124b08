import { fromJson } from '@bufbuild/protobuf';
import { ValueSchema } from '@bufbuild/protobuf/wkt';
import { Code } from '@connectrpc/connect';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromArray, personSchema, type RegistryClient } from '../fixtures.js';
import {
  clientWith,
  drain,
  failure,
  type SecuredServer,
  STREAM_TRANSPORTS,
  startSecuredServer,
} from './secured-server.js';

let secured: SecuredServer;
let teamAKey: string;
let teamA: { id: number; guid: string };
let teamB: { id: number; guid: string };

beforeAll(async () => {
  secured = await startSecuredServer();
  teamAKey = (await secured.createKey({ role: 'writer', subjects: ['team-a.'] })).key;
  // Distinct content per subject: a schema id shared by two subjects is readable by either team.
  const register = async (subject: string) =>
    (
      await secured.registry.schemas.register({
        subject,
        schema: JSON.stringify({ title: subject, type: 'object', required: ['name'] }),
      })
    ).version;
  teamA = await register('team-a.people');
  teamB = await register('team-b.people');
  await register('team-b.orders');
  await register('team-a.orders');
});
afterAll(() => secured.close());

const person = () => fromJson(ValueSchema, { name: 'Ada' });

describe.each(STREAM_TRANSPORTS)('a key limited to team-a. over $name', ({ grpc }) => {
  let client: RegistryClient;
  beforeAll(() => {
    client = clientWith(secured.baseUrl, grpc, { 'x-api-key': teamAKey });
  });

  it('reads its own schema by id and guid', async () => {
    const byId = await client.getSchema({ selector: { case: 'id', value: teamA.id } });
    expect(byId.schema?.subject).toBe('team-a.people');
    const byGuid = await client.getSchema({ selector: { case: 'guid', value: teamA.guid } });
    expect(byGuid.schema?.id).toBe(teamA.id);
  });

  it.each([
    ['by id', { case: 'id' as const, value: 0 }],
    ['by guid', { case: 'guid' as const, value: '' }],
    [
      'by subject',
      { case: 'subjectVersion' as const, value: { subject: 'team-b.people', version: '1' } },
    ],
  ])("cannot read another team's schema %s", async (_, selector) => {
    if (selector.case === 'id') selector.value = teamB.id;
    if (selector.case === 'guid') selector.value = teamB.guid;
    const error = await failure(client.getSchema({ selector }));
    expect(error.code).toBe(Code.PermissionDenied);
  });

  it("cannot register, validate against or check compatibility with another team's subject", async () => {
    const calls = [
      () => client.registerSchema({ subject: 'team-b.new', schema: personSchema() }),
      () =>
        client.validateData({ selector: { case: 'schemaId', value: teamB.id }, data: person() }),
      () => client.checkCompatibility({ subject: 'team-b.people', schema: personSchema() }),
    ];
    for (const call of calls) expect((await failure(call())).code).toBe(Code.PermissionDenied);
    expect(await secured.registry.subjects.versions('team-b.new').catch(() => [])).toEqual([]);
  });

  it("cannot read another team's schema by referencing it, but may reference its own", async () => {
    const ref = (subject: string) => [{ name: 'other.json', subject, version: 1 }];
    const schema = JSON.stringify({ $ref: 'other.json' });
    const refused = [
      () =>
        client.registerSchema({
          subject: `team-a.ref-${grpc}`,
          schema,
          references: ref('team-b.people'),
        }),
      () => client.validateSchema({ schema, references: ref('team-b.people') }),
      () =>
        client.checkCompatibility({
          subject: 'team-a.people',
          schema,
          references: ref('team-b.people'),
        }),
    ];
    for (const call of refused) expect((await failure(call())).code).toBe(Code.PermissionDenied);
    const [item] = await drain(
      client.batchRegister(
        fromArray([
          { item: { subject: `team-a.ref-${grpc}`, schema, references: ref('team-b.people') } },
        ]),
      ),
    );
    expect(item?.result.value).toMatchObject({ code: 'FORBIDDEN' });
    const own = await client.validateSchema({ schema, references: ref('team-a.people') });
    expect(own.valid).toBe(true);
  });

  it('lists only its subjects, with the total and paging counted among them', async () => {
    const all = await drain(client.listSchemas({}));
    const subjects = all.map((m) => m.schema?.subject ?? '');
    expect(subjects).toEqual(expect.arrayContaining(['team-a.orders', 'team-a.people']));
    expect(subjects.every((subject) => subject.startsWith('team-a.'))).toBe(true);
    expect(all.every((m) => m.total === all.length)).toBe(true);
    const second = await drain(client.listSchemas({ limit: 1, offset: 1 }));
    expect(second.map((m) => [m.schema?.subject, m.total])).toEqual([
      [all[1]?.schema?.subject, all.length],
    ]);
    // A substring filter matching only other teams' subjects finds nothing.
    expect(await drain(client.listSchemas({ subject: 'team-b' }))).toEqual([]);
  });

  it('follows changes of its subjects only', async () => {
    const seen: string[] = [];
    const controller = new AbortController();
    const stream = client.streamSchemaChanges({ afterEventId: 0n }, { signal: controller.signal });
    const done = (async () => {
      for await (const event of stream) {
        seen.push(event.subject);
        if (event.subject === 'team-a.live') break;
      }
    })();
    // A live event of each team after the replay: only team-a's arrives.
    await secured.registry.schemas.register({ subject: 'team-b.live', schema: personSchema() });
    await secured.registry.schemas.register({ subject: 'team-a.live', schema: personSchema() });
    await done;
    controller.abort();
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.every((subject) => subject.startsWith('team-a.'))).toBe(true);
    await secured.registry.subjects.delete('team-a.live');
    await secured.registry.subjects.delete('team-b.live');
  });

  it("answers another team's items in a batch validation as item errors and goes on", async () => {
    const item = (id: number) => ({
      item: { selector: { case: 'schemaId' as const, value: id }, data: person() },
    });
    const answers = await drain(
      client.batchValidate(
        fromArray([item(teamA.id), item(teamB.id), item(teamB.id), item(teamA.id)]),
      ),
    );
    expect(answers.map((a) => a.result.case)).toEqual(['report', 'error', 'error', 'report']);
    expect(answers[1]?.result.value).toMatchObject({ code: 'FORBIDDEN' });
  });

  it("answers another team's items in a batch registration as item errors and registers its own", async () => {
    const answers = await drain(
      client.batchRegister(
        fromArray([
          { item: { subject: `team-b.batch-${grpc}`, schema: personSchema() } },
          { item: { subject: `team-a.batch-${grpc}`, schema: personSchema() } },
        ]),
      ),
    );
    expect(answers.map((a) => a.result.case)).toEqual(['error', 'registered']);
    expect(answers[0]?.result.value).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await secured.registry.subjects.versions(`team-b.batch-${grpc}`).catch(() => []),
    ).toEqual([]);
  });
});
