import type {
  ConfigBody,
  RegisterRequest,
  SchemaVersionBody,
  SearchPage,
  ValidateDataResponse,
} from '@llmsr/spec/rest';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { CamelCaseKeys } from './camel-case-keys.js';
import type {
  RegisterInput,
  RegistryConfig,
  SchemaVersion,
  ValidateInput,
} from './client-types.js';
import { createRegistryClient } from './create-registry-client.js';
import type { RegistryClient } from './registry-client.js';

/** A subject version exactly as the server's `SchemaVersionBody` schema describes it. */
const version = {
  id: 7,
  guid: 'g-7',
  subject: 'people',
  version: 2,
  semver: '1.1.0',
  schema_type: 'JSON',
  schema: { type: 'object' },
  fingerprint: 'f-7',
  references: [],
  metadata: null,
  compatibility_level: 'BACKWARD',
  created_at: '2026-01-01T00:00:00.000Z',
  created_by: null,
  deleted_at: null,
} satisfies SchemaVersionBody;

function clientAnswering(body: unknown) {
  return createRegistryClient({
    baseUrl: 'http://registry.test',
    retries: 0,
    fetch: async () => new Response(JSON.stringify(body), { status: 200 }),
  });
}

describe('the SDK types come from the REST schemas of @llmsr/spec/rest', () => {
  it('answers getVersion with the camelCased keys of the server schema, no more and no fewer', () => {
    expectTypeOf<
      Awaited<ReturnType<RegistryClient['getVersion']>>
    >().toEqualTypeOf<SchemaVersion>();
    expectTypeOf<keyof SchemaVersion>().toEqualTypeOf<keyof CamelCaseKeys<SchemaVersionBody>>();
    expectTypeOf<SchemaVersion['schemaType']>().toEqualTypeOf<SchemaVersionBody['schema_type']>();
    expectTypeOf<SchemaVersion['createdAt']>().toEqualTypeOf<SchemaVersionBody['created_at']>();
    expectTypeOf<SchemaVersion['references']>().toEqualTypeOf<
      CamelCaseKeys<SchemaVersionBody['references']>
    >();
  });

  it('takes levels, modes, search hits and verdicts from the server schemas', () => {
    expectTypeOf<RegistryConfig['mode']>().toEqualTypeOf<ConfigBody['mode']>();
    expectTypeOf<RegistryConfig['compatibilityLevel']>().toEqualTypeOf<
      ConfigBody['compatibility_level']
    >();
    type Hit = Awaited<ReturnType<RegistryClient['search']>>['items'][number];
    expectTypeOf<Hit['score']>().toEqualTypeOf<SearchPage['items'][number]['score']>();
    type Verdict = Awaited<ReturnType<RegistryClient['validate']>>;
    expectTypeOf<Verdict['errors']>().toEqualTypeOf<ValidateDataResponse['errors']>();
  });

  it('sends inputs whose fields have the types of the request schemas', () => {
    expectTypeOf<RegisterInput['subject']>().toEqualTypeOf<RegisterRequest['subject']>();
    expectTypeOf<RegisterInput['createdBy']>().toEqualTypeOf<
      Exclude<RegisterRequest['created_by'], null>
    >();
    expectTypeOf<ValidateInput['messageName']>().toEqualTypeOf<string | undefined>();
  });
});

describe('answers that do not match the server schema', () => {
  it('accepts the shape the server schema describes', async () => {
    const answer = await clientAnswering(version).getVersion('people', 2);
    expect(answer).toMatchObject({ id: 7, schemaType: 'JSON', compatibilityLevel: 'BACKWARD' });
  });

  it('refuses a version missing a required field as INVALID_RESPONSE naming the field', async () => {
    const { fingerprint: _dropped, ...withoutFingerprint } = version;
    await expect(clientAnswering(withoutFingerprint).getVersion('people', 2)).rejects.toMatchObject(
      {
        name: 'RegistryClientError',
        code: 'INVALID_RESPONSE',
        details: { field: 'fingerprint' },
        message: expect.stringContaining("'fingerprint'"),
      },
    );
  });

  it('refuses a value outside the vocabulary with the path of the mismatch', async () => {
    const page = { total: 1, limit: 100, offset: 0, items: [{ ...version, schema_type: 'XML' }] };
    await expect(clientAnswering(page).listVersions('people')).rejects.toMatchObject({
      code: 'INVALID_RESPONSE',
    });
    await expect(
      clientAnswering([{ ...version, schema_type: 'XML' }]).listVersions('people'),
    ).rejects.toMatchObject({ code: 'INVALID_RESPONSE', details: { field: '0.schema_type' } });
    await expect(
      clientAnswering({ ...version, compatibility_level: 'SOMETIMES' }).getVersion('people', 2),
    ).rejects.toMatchObject({
      code: 'INVALID_RESPONSE',
      details: { field: 'compatibility_level' },
    });
  });
});
