import {
  type ParseOutputRequest,
  ParseOutputResponse,
  type ProviderLintRequest,
  ProviderLintResponse,
  ProviderSchemaResponse,
} from '@llmsr/spec/rest';
import { checkInput, checkSubject } from './check-input.js';
import type { HttpTransport } from './http-transport.js';
import type {
  LlmSchemaRef,
  ParseOutputInput,
  ParseOutputResult,
  ProviderLintInput,
  ProviderLintResult,
  ProviderSchemaResult,
} from './llm-types.js';
import { readResponse } from './read-response.js';
import type { CallOptions } from './registry-client.js';
import { RegistryClientError } from './registry-client-error.js';
import { toCamelCase } from './to-camel-case.js';

/** The LLM calls of the registry client (native REST API only). */
export interface LlmCalls {
  lintForProvider(input: ProviderLintInput, options?: CallOptions): Promise<ProviderLintResult>;
  providerSchema(input: ProviderLintInput, options?: CallOptions): Promise<ProviderSchemaResult>;
  parseOutput(input: ParseOutputInput, options?: CallOptions): Promise<ParseOutputResult>;
}

function selector(ref: LlmSchemaRef) {
  if ('schema' in ref) return { schema: ref.schema };
  if ('schemaId' in ref) return { schema_id: ref.schemaId };
  return { subject: checkSubject(ref.subject), version: ref.version };
}

/** Over Connect: the service has no LLM RPCs, so each call fails with `NOT_SUPPORTED_BY_TRANSPORT`. */
export function unsupportedLlmCalls(): LlmCalls {
  const fail = async (call: string): Promise<never> => {
    throw new RegistryClientError(
      'NOT_SUPPORTED_BY_TRANSPORT',
      `${call} is not available over the Connect transport; use transport: 'rest'`,
      undefined,
      { call },
    );
  };
  return {
    lintForProvider: () => fail('lintForProvider'),
    providerSchema: () => fail('providerSchema'),
    parseOutput: () => fail('parseOutput'),
  };
}

/**
 * `POST /api/v1/llm/lint`, `/llm/provider-schema` and `/llm/parse-output`. Schema data inside the
 * answers (the transformed schema, parsed reply data) keeps its keys as the server sent them.
 */
export function createLlmCalls(http: HttpTransport): LlmCalls {
  return {
    async lintForProvider(input, call = {}) {
      checkInput(input, 'input');
      const body: ProviderLintRequest = { ...selector(input), provider: input.provider };
      const raw = await http.json('POST', '/api/v1/llm/lint', { body, signal: call.signal });
      const answer = readResponse(ProviderLintResponse, raw, 'lint result');
      return toCamelCase(answer) as ProviderLintResult;
    },
    async providerSchema(input, call = {}) {
      checkInput(input, 'input');
      const body: ProviderLintRequest = { ...selector(input), provider: input.provider };
      const raw = await http.json('POST', '/api/v1/llm/provider-schema', {
        body,
        signal: call.signal,
      });
      const { schema, ...rest } = readResponse(ProviderSchemaResponse, raw, 'provider schema');
      return { ...(toCamelCase(rest) as Omit<ProviderSchemaResult, 'schema'>), schema };
    },
    async parseOutput(input, call = {}) {
      checkInput(input, 'input');
      const body: ParseOutputRequest = {
        ...(selector(input) as Omit<ParseOutputRequest, 'text'>),
        text: input.text,
        coerce: input.coerce,
      };
      const raw = await http.json('POST', '/api/v1/llm/parse-output', {
        body,
        signal: call.signal,
      });
      const { data, ...rest } = readResponse(ParseOutputResponse, raw, 'parse result');
      return {
        ...(toCamelCase(rest) as Omit<ParseOutputResult, 'data'>),
        ...(data === undefined ? {} : { data }),
      };
    },
  };
}
