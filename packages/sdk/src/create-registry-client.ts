import { type CompiledValidator, SchemaParseError } from '@llmsr/validation';
import { LRUCache } from 'lru-cache';
import { checkInput } from './check-input.js';
import type { SchemaById, SchemaRef } from './client-types.js';
import { createConnectCalls } from './connect-calls.js';
import { createFormatOf } from './create-format-of.js';
import { createSchemaCodec, type SchemaCodec } from './create-schema-codec.js';
import { createHttpTransport } from './http-transport.js';
import { createLlmCalls, unsupportedLlmCalls } from './llm-calls.js';
import type { RegistryClient, RegistryClientOptions } from './registry-client.js';
import { RegistryClientError } from './registry-client-error.js';
import { createRestCalls } from './rest-calls.js';
import { createSchemaLoader } from './schema-loader.js';
import { readSchemaId } from './wire-format.js';

/**
 * Create a registry client over the native REST API or Connect-RPC, with retries, timeouts, a
 * schema cache, local validation and Confluent wire-format serializers.
 *
 * @example
 * ```ts
 * const client = createRegistryClient({ baseUrl: 'http://localhost:8081', transport: 'rest' });
 * const { id } = await client.register({ subject: 'people', schema: { type: 'object' } });
 * const validator = await client.localValidator(id);
 * validator.validate({ name: 'Ada' }).valid; // true, no network
 *
 * // Against a registry with auth on: one of apiKey, token, basicAuth or credentials.
 * const secured = createRegistryClient({
 *   baseUrl: 'https://registry.example.com',
 *   apiKey: process.env.LLMSR_API_KEY,
 * });
 * ```
 */
export function createRegistryClient(options: RegistryClientOptions): RegistryClient {
  checkInput(options, 'options');
  if (
    options.transport !== undefined &&
    options.transport !== 'rest' &&
    options.transport !== 'connect'
  ) {
    throw new RegistryClientError(
      'INVALID_ARGUMENT',
      `unknown transport ${JSON.stringify(options.transport)}`,
      undefined,
      {
        field: 'transport',
      },
    );
  }
  const http = options.transport === 'connect' ? undefined : createHttpTransport(options);
  const remote = http === undefined ? createConnectCalls(options) : createRestCalls(http);
  const llm = http === undefined ? unsupportedLlmCalls() : createLlmCalls(http);
  const cacheSize = options.cacheSize ?? 1_000;
  if (!Number.isSafeInteger(cacheSize) || cacheSize < 1) {
    throw new RegistryClientError(
      'INVALID_ARGUMENT',
      `cacheSize must be a positive integer, got ${String(cacheSize)}`,
      undefined,
      { field: 'cacheSize' },
    );
  }
  const formatOf = createFormatOf(options.jsonSchemas);
  const schemas = new LRUCache<string, SchemaById>({ max: cacheSize });
  const codecs = new LRUCache<string, SchemaCodec>({ max: cacheSize });
  const inFlight = new Map<string, Promise<SchemaById>>();

  const client: RegistryClient = {
    ...remote,
    ...llm,
    async getSchema(idOrGuid, call = {}) {
      if (typeof idOrGuid !== 'string' && !(Number.isSafeInteger(idOrGuid) && idOrGuid > 0)) {
        throw new RegistryClientError(
          'INVALID_ARGUMENT',
          'schema id must be a positive integer or a guid',
          undefined,
          {
            field: 'id',
          },
        );
      }
      const key = String(idOrGuid);
      const hit = schemas.get(key);
      if (hit) return hit;
      // Concurrent misses of one id share a request (a burst of consumers starting up).
      const pending = inFlight.get(key);
      if (pending) return pending;
      const request = remote
        .getSchema(idOrGuid, { signal: call.signal })
        .then((schema) => {
          schemas.set(String(schema.id), schema);
          schemas.set(schema.guid, schema);
          return schema;
        })
        .finally(() => inFlight.delete(key));
      inFlight.set(key, request);
      return request;
    },
    async localValidator(ref, validateOptions = {}) {
      const { signal, ...compileOptions } = validateOptions;
      const id = await idOf(ref, signal);
      const parsed = await loader.parsed(id, { signal });
      let validator: CompiledValidator;
      try {
        validator = formatOf(parsed.schemaType).compile(parsed, compileOptions);
      } catch (error) {
        if (!(error instanceof SchemaParseError)) throw error;
        throw new RegistryClientError('INVALID_ARGUMENT', error.message, undefined, {
          problems: error.problems,
        });
      }
      return {
        schemaId: id,
        schemaType: parsed.schemaType,
        validate: (data) => validator.validate(data),
      };
    },
    async serializer(ref, call = {}) {
      const id = await idOf(ref, call.signal);
      const parsed = await loader.parsed(id, { signal: call.signal });
      return createSchemaCodec({
        schemaId: id,
        parsed,
        jsonFormat: formatOf('JSON'),
        ...(call.messageName !== undefined ? { messageName: call.messageName } : {}),
      });
    },
    async deserialize(bytes, call = {}) {
      const schemaId = readSchemaId(bytes);
      let codec = codecs.get(String(schemaId));
      if (!codec) {
        const parsed = await loader.parsed(schemaId, { signal: call.signal });
        codec = createSchemaCodec({ schemaId, parsed, jsonFormat: formatOf('JSON') });
        codecs.set(String(schemaId), codec);
      }
      return { schemaId, value: codec.deserialize(bytes) };
    },
  };

  const loader = createSchemaLoader(client, cacheSize, formatOf);

  async function idOf(ref: SchemaRef, signal: AbortSignal | undefined): Promise<number> {
    if (typeof ref === 'number') return ref;
    if (typeof ref === 'string') return (await client.getSchema(ref, { signal })).id;
    if (ref !== null && typeof ref === 'object') {
      return (await client.getVersion(ref.subject, ref.version, { signal })).id;
    }
    throw new RegistryClientError(
      'INVALID_ARGUMENT',
      'expected a schema id, a guid or { subject, version }',
      undefined,
      {
        field: 'ref',
      },
    );
  }

  return client;
}
