import { fromJson } from '@bufbuild/protobuf';
import { ValueSchema } from '@bufbuild/protobuf/wkt';
import { Code } from '@connectrpc/connect';
import { SchemaRegistryService, SchemaType } from '@llmsr/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RPC_ACCESS, type RpcName } from '../../src/index.js';
import {
  createRegistryClient,
  fromArray,
  personSchema,
  type RegistryClient,
  TRANSPORTS,
} from '../fixtures.js';
import {
  clientWith,
  drain,
  failure,
  type SecuredServer,
  STREAM_TRANSPORTS,
  startSecuredServer,
} from './secured-server.js';

type KeyName = 'reader' | 'writer' | 'team-b reader';

let secured: SecuredServer;
const keys = {} as Record<KeyName, string>;
let schemaId = 0;
let fresh = 0;

beforeAll(async () => {
  secured = await startSecuredServer();
  keys.reader = (await secured.createKey({ role: 'reader' })).key;
  keys.writer = (await secured.createKey({ role: 'writer' })).key;
  keys['team-b reader'] = (await secured.createKey({ role: 'reader', subjects: ['team-b.'] })).key;
  const registered = await secured.registry.schemas.register({
    subject: 'team-a.people',
    schema: personSchema(),
  });
  schemaId = registered.version.id;
});
afterAll(() => secured.close());

const person = () => fromJson(ValueSchema, { name: 'Ada' });

/** One row of the matrix: how to call the RPC, the key that suffices, and one that does not. */
interface Row {
  rpc: RpcName;
  enough: KeyName;
  /**
   * A key with too little: too weak a role, or prefixes outside the subject. Absent for listings
   * and subject-free reads, which every reader may call (listings are filtered instead).
   */
  weaker?: KeyName;
  /** How the weaker key is refused: the whole call, or (client streams) each item. */
  refused?: 'call' | 'item';
  call(client: RegistryClient): Promise<unknown>;
}

const MATRIX: Row[] = [
  {
    rpc: 'registerSchema',
    enough: 'writer',
    weaker: 'reader',
    refused: 'call',
    call: (c) => c.registerSchema({ subject: `team-a.new-${++fresh}`, schema: personSchema() }),
  },
  {
    rpc: 'getSchema',
    enough: 'reader',
    weaker: 'team-b reader',
    refused: 'call',
    call: (c) => c.getSchema({ selector: { case: 'id', value: schemaId } }),
  },
  {
    rpc: 'listSchemas',
    enough: 'reader',
    call: (c) => drain(c.listSchemas({})),
  },
  {
    rpc: 'validateData',
    enough: 'reader',
    weaker: 'team-b reader',
    refused: 'call',
    call: (c) =>
      c.validateData({
        selector: { case: 'subjectVersion', value: { subject: 'team-a.people', version: '' } },
        data: person(),
      }),
  },
  {
    rpc: 'validateSchema',
    enough: 'reader',
    call: (c) => c.validateSchema({ schema: personSchema(), schemaType: SchemaType.JSON }),
  },
  {
    rpc: 'checkCompatibility',
    enough: 'reader',
    weaker: 'team-b reader',
    refused: 'call',
    call: (c) => c.checkCompatibility({ subject: 'team-a.people', schema: personSchema() }),
  },
  {
    rpc: 'batchValidate',
    enough: 'reader',
    weaker: 'team-b reader',
    refused: 'item',
    call: (c) =>
      drain(
        c.batchValidate(
          fromArray([
            { item: { selector: { case: 'schemaId', value: schemaId }, data: person() } },
          ]),
        ),
      ),
  },
  {
    rpc: 'batchRegister',
    enough: 'writer',
    weaker: 'reader',
    refused: 'call',
    call: (c) =>
      drain(
        c.batchRegister(
          fromArray([{ item: { subject: `team-a.batch-${++fresh}`, schema: personSchema() } }]),
        ),
      ),
  },
  {
    rpc: 'streamSchemaChanges',
    enough: 'reader',
    call: async (c) => {
      for await (const event of c.streamSchemaChanges({ afterEventId: 0n })) return [event];
      return [];
    },
  },
];

/** Items of a batch answer that carry an error instead of a result. */
function itemErrors(answer: unknown) {
  if (!Array.isArray(answer)) return [];
  return answer.filter((a) => a?.result?.case === 'error').map((a) => a.result.value.code);
}

it('has one row for every RPC of the service', () => {
  expect(MATRIX.map((row) => row.rpc).sort()).toEqual(
    SchemaRegistryService.methods.map((m) => m.localName).sort(),
  );
});

describe.each(STREAM_TRANSPORTS)('$name', ({ grpc }) => {
  const client = (key?: KeyName) =>
    clientWith(secured.baseUrl, grpc, key ? { authorization: `Bearer ${keys[key]}` } : {});

  describe.each(MATRIX)('$rpc', (row) => {
    it('answers unauthenticated without credentials', async () => {
      expect((await failure(row.call(client()))).code).toBe(Code.Unauthenticated);
    });

    // Listings and subject-free reads have no weaker key (every reader may call them).
    const { weaker: weakerKey } = row;
    if (weakerKey) {
      it(`refuses a ${weakerKey} key`, async () => {
        const weaker = client(weakerKey);
        if (row.refused === 'item') {
          expect(itemErrors(await row.call(weaker))).toEqual(['FORBIDDEN']);
        } else {
          expect((await failure(row.call(weaker))).code).toBe(Code.PermissionDenied);
        }
      });
    }

    it(`succeeds with a ${row.enough} key (${RPC_ACCESS[row.rpc].action})`, async () => {
      const answer = await row.call(client(row.enough));
      expect(answer).toBeDefined();
      expect(itemErrors(answer)).toEqual([]);
      if (Array.isArray(answer)) expect(answer.length).toBeGreaterThan(0);
    });
  });
});

describe.each(TRANSPORTS.filter((t) => !t.bidi))('$name', (transport) => {
  it('refuses calls without credentials and serves a reader key', async () => {
    const anonymous = createRegistryClient(transport.create(secured.baseUrl));
    const error = await failure(anonymous.getSchema({ selector: { case: 'id', value: schemaId } }));
    expect(error.code).toBe(Code.Unauthenticated);
    const reader = createRegistryClient(transport.create(secured.baseUrl));
    const answer = await reader.getSchema(
      { selector: { case: 'id', value: schemaId } },
      { headers: { 'x-api-key': keys.reader } },
    );
    expect(answer.schema?.subject).toBe('team-a.people');
  });
});
