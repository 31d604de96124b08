import { describe, expect, it } from 'vitest';
import { type ClientAuthOptions, createClientCredentials } from './client-credentials.js';
import { RegistryClientError } from './registry-client-error.js';

const SECRET = 'llmsr_0123456789abcdef_secretsecretsecret';

type Options = ClientAuthOptions & { headers?: Record<string, string> };

describe('createClientCredentials', () => {
  it.each<[string, Options, Record<string, string>]>([
    ['an API key goes in X-API-Key', { apiKey: SECRET }, { 'x-api-key': SECRET }],
    ['a token is a bearer token', { token: 'a.b.c' }, { authorization: 'Bearer a.b.c' }],
    [
      'basic auth is base64 of user:password, the password may hold colons and spaces',
      { basicAuth: { user: 'bu', password: 'p: w' } },
      { authorization: `Basic ${Buffer.from('bu:p: w').toString('base64')}` },
    ],
    [
      'a callback token is a bearer token',
      { credentials: () => 'fresh' },
      { authorization: 'Bearer fresh' },
    ],
    [
      'other headers may sit beside the credentials',
      { token: 't', headers: { traceparent: '00-1' } },
      { authorization: 'Bearer t' },
    ],
  ])('%s', async (_name, options, headers) => {
    expect(await createClientCredentials(options)?.headers()).toEqual(headers);
  });

  it('sends nothing when no credentials are given', () => {
    expect(createClientCredentials({ headers: { authorization: 'Bearer own' } })).toBeUndefined();
  });

  it.each<[string, Options, string]>([
    ['two kinds', { apiKey: SECRET, basicAuth: { user: 'u', password: 'p' } }, 'basicAuth'],
    [
      'all four kinds',
      {
        apiKey: SECRET,
        token: SECRET,
        basicAuth: { user: 'u', password: 'p' },
        credentials: () => SECRET,
      },
      'token',
    ],
    ['an empty key', { apiKey: '' }, 'apiKey'],
    [
      'a key with a line break (header injection)',
      { apiKey: `${SECRET}\r\nx-role: admin` },
      'apiKey',
    ],
    ['a token with a space', { token: `${SECRET} more` }, 'token'],
    ['a token that is not a string', { token: 42 as unknown as string }, 'token'],
    ['an oversized token', { token: 'a'.repeat(8_193) }, 'token'],
    [
      'a basic user with a colon',
      { basicAuth: { user: 'a:b', password: SECRET } },
      'basicAuth.user',
    ],
    [
      'a basic password with a line break',
      { basicAuth: { user: 'u', password: `${SECRET}\n` } },
      'basicAuth.password',
    ],
    [
      'basic auth that is not an object',
      { basicAuth: 'u:p' as unknown as { user: string; password: string } },
      'basicAuth',
    ],
    [
      'a callback that is not a function',
      { credentials: SECRET as unknown as () => string },
      'credentials',
    ],
    [
      'an Authorization header as well',
      { apiKey: SECRET, headers: { Authorization: `Bearer ${SECRET}` } },
      'headers',
    ],
    ['an X-API-Key header as well', { token: SECRET, headers: { 'X-API-Key': SECRET } }, 'headers'],
  ])('refuses %s, naming the field but never the secret', (_name, options, field) => {
    let error: unknown;
    try {
      createClientCredentials(options);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RegistryClientError);
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', details: { field } });
    expect((error as Error).message).not.toContain('secret');
  });

  it('asks the callback again for every request, so a rotated token is used at once', async () => {
    let n = 0;
    const credentials = createClientCredentials({ credentials: async () => `t${++n}` });
    expect(await credentials?.headers()).toEqual({ authorization: 'Bearer t1' });
    expect(await credentials?.headers()).toEqual({ authorization: 'Bearer t2' });
  });
});
