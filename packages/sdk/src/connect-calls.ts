import { type CallOptions, type Client, createClient, type Interceptor } from '@connectrpc/connect';
import { createConnectTransport } from '@connectrpc/connect-node';
import { SchemaRegistryService } from '@llmsr/proto';
import { checkSubject } from './check-input.js';
import { createClientCredentials } from './client-credentials.js';
import { errorFromConnect, isTransientError } from './error-from-connect.js';
import { type HttpTransportOptions, parseBaseUrl, positive } from './http-transport.js';
import {
  fromCompatibilityReport,
  fromSchemaMessage,
  fromSchemaMessageById,
  fromValidateSchemaResponse,
  fromValidationReport,
  required,
} from './map-connect-messages.js';
import { RegistryClientError } from './registry-client-error.js';
import type { RemoteCalls } from './remote-calls.js';
import { backoffDelay, resolveRetryOptions } from './retry-policy.js';
import { sleep as defaultSleep } from './sleep.js';
import { subscribeOverConnect } from './subscribe-over-connect.js';
import {
  toCheckCompatibilityRequest,
  toRegisterRequest,
  toValidateRequest,
  toValidateSchemaRequest,
} from './to-connect-requests.js';

/** The generated Connect client of `SchemaRegistryService`. */
export type RegistryServiceClient = Client<typeof SchemaRegistryService>;

/** Sends one unary RPC with the client's timeout, retrying transient failures. */
export type UnaryCaller = <T>(
  method: string,
  signal: AbortSignal | undefined,
  send: (options: CallOptions) => Promise<T>,
) => Promise<T>;

const INT32_MAX = 2_147_483_647;

function notSupported(call: string): never {
  throw new RegistryClientError(
    'NOT_SUPPORTED_BY_TRANSPORT',
    `${call} is not offered by the Connect service; use transport: 'rest'`,
    undefined,
    { call, transport: 'connect' },
  );
}

/**
 * The {@link RemoteCalls} over Connect-RPC (`llmsr.registry.v1.SchemaRegistryService`, Connect
 * protocol with binary messages over HTTP/1.1). Errors, retries and results match the REST
 * calls; calls the service does not offer fail with `NOT_SUPPORTED_BY_TRANSPORT`.
 */
export function createConnectCalls(options: HttpTransportOptions): RemoteCalls {
  const base = parseBaseUrl(options.baseUrl);
  const retry = resolveRetryOptions(options.retries);
  const timeoutMs = positive(options.timeoutMs, 10_000, 'timeoutMs');
  const maxBytes = positive(options.maxResponseBytes, 32 * 1024 * 1024, 'maxResponseBytes');
  const readMaxBytes = Math.floor(Math.min(maxBytes, 2 ** 31 - 1));
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? defaultSleep;
  const headers = { ...options.headers };
  const credentials = createClientCredentials(options);
  // Interceptors run for unary calls and streams alike, so no RPC goes out without credentials.
  const addHeaders: Interceptor = (next) => async (request) => {
    for (const [key, value] of Object.entries(headers)) request.header.set(key, value);
    if (credentials) {
      for (const [key, value] of Object.entries(await credentials.headers())) {
        request.header.set(key, value);
      }
    }
    return next(request);
  };
  const client: RegistryServiceClient = createClient(
    SchemaRegistryService,
    createConnectTransport({
      baseUrl: base.href.replace(/\/+$/, ''),
      httpVersion: '1.1',
      useBinaryFormat: true,
      readMaxBytes,
      interceptors: [addHeaders],
    }),
  );

  const unary: UnaryCaller = async (method, signal, send) => {
    for (let tries = 0; ; tries++) {
      if (signal?.aborted) {
        throw new RegistryClientError('ABORTED', `${method} was aborted`, undefined);
      }
      let failure: RegistryClientError;
      try {
        return await send({ signal, timeoutMs });
      } catch (error) {
        failure = errorFromConnect(error, { method, signal, timeoutMs, readMaxBytes });
      }
      if (!isTransientError(failure) || tries >= retry.maxRetries) {
        if (tries > 0) failure.details.attempts ??= tries + 1;
        throw failure;
      }
      try {
        await sleep(backoffDelay(tries, retry, random), signal);
      } catch (error) {
        throw new RegistryClientError(
          'ABORTED',
          `${method} was aborted`,
          undefined,
          {},
          {
            cause: error,
          },
        );
      }
    }
  };

  return {
    async register(input, call = {}) {
      if (input?.lintFor !== undefined) notSupported('register with lintFor');
      const request = toRegisterRequest(input);
      const response = await unary('RegisterSchema', call.signal, (o) =>
        client.registerSchema(request, o),
      );
      return {
        ...fromSchemaMessage(required(response.schema, 'schema')),
        created: response.created,
      };
    },
    async getSchema(idOrGuid, call = {}) {
      if (typeof idOrGuid === 'number' && idOrGuid > INT32_MAX) {
        // The RPC's id is an int32: such an id cannot exist, and cannot even be encoded.
        throw new RegistryClientError(
          'INVALID_ARGUMENT',
          `schema id ${idOrGuid} is above the largest id (${INT32_MAX})`,
          undefined,
          { field: 'id' },
        );
      }
      const request =
        typeof idOrGuid === 'number'
          ? { selector: { case: 'id' as const, value: idOrGuid } }
          : { selector: { case: 'guid' as const, value: idOrGuid } };
      const response = await unary('GetSchema', call.signal, (o) => client.getSchema(request, o));
      return fromSchemaMessageById(required(response.schema, 'schema'));
    },
    async getVersion(subject, version = 'latest', call = {}) {
      const request = {
        selector: {
          case: 'subjectVersion' as const,
          value: { subject: checkSubject(subject), version: String(version) },
        },
      };
      const response = await unary('GetSchema', call.signal, (o) => client.getSchema(request, o));
      return fromSchemaMessage(required(response.schema, 'schema'));
    },
    async validate(input, call = {}) {
      const request = toValidateRequest(input);
      const response = await unary('ValidateData', call.signal, (o) =>
        client.validateData(request, o),
      );
      return fromValidationReport(required(response.report, 'report'));
    },
    async validateSchema(input, call = {}) {
      const request = toValidateSchemaRequest(input);
      return fromValidateSchemaResponse(
        await unary('ValidateSchema', call.signal, (o) => client.validateSchema(request, o)),
      );
    },
    async checkCompatibility(input, call = {}) {
      const request = toCheckCompatibilityRequest(input);
      const response = await unary('CheckCompatibility', call.signal, (o) =>
        client.checkCompatibility(request, o),
      );
      return fromCompatibilityReport(required(response.report, 'report'));
    },
    listSubjects: async () => notSupported('listSubjects'),
    listVersions: async () => notSupported('listVersions'),
    getConfig: async () => notSupported('getConfig'),
    setConfig: async () => notSupported('setConfig'),
    search: async () => notSupported('search'),
    compileSignature: async () => notSupported('compileSignature'),
    subscribe(subscribeOptions) {
      return subscribeOverConnect(client, subscribeOptions);
    },
  };
}
