import type { StageHandler } from '../handler-registry.js';
import { withConfigCheck } from './config-check.js';
import { fetchJson } from './fetch-json.js';
import { HandlerError } from './handler-error.js';
import { configError, readHeaders, readTimeout, readUrl } from './http-request.js';

/** Options of {@link createLlmChatHandler}: defaults a stage's config may override (except the key). */
export interface LlmChatHandlerOptions {
  /** e.g. `https://api.openai.com/v1`; `/chat/completions` is appended. */
  baseUrl?: string;
  apiKey?: string;
  model?: string;
  fetch?: typeof fetch;
  /** Where `api_key_env` is looked up; `process.env` unless given. */
  env?: Record<string, string | undefined>;
  maxResponseBytes?: number;
}

interface ChatMessage {
  role: string;
  content: string;
}

/**
 * The `llm.chat` handler: an OpenAI-compatible chat-completions call. Stage config:
 * `{ base_url?, model?, api_key_env?, system?, temperature?, max_tokens?, timeout_ms?, headers? }`.
 * The key comes from the handler options or from the environment variable `api_key_env` names,
 * never from the definition itself, since definitions and runs are stored. The input is a
 * string (the user message), `{ messages }`, or any other JSON (sent as the user message).
 * When the stage has an output schema, `response_format` is
 * `{ type: 'json_schema', json_schema: { name, schema, strict: true } }` built from it and the
 * reply is parsed as JSON (the runner then validates it); otherwise the reply text is the output.
 *
 * @example
 * ```ts
 * createLlmChatHandler({ baseUrl: 'http://localhost:11434/v1', model: 'llama3.1' });
 * ```
 */
export function createLlmChatHandler(options: LlmChatHandlerOptions = {}): StageHandler {
  const fetchImpl = options.fetch ?? fetch;
  const handler: StageHandler = async (input, { config, signal, outputSchema, stageId }) => {
    const baseUrl = readUrl(config.base_url ?? options.baseUrl, '/config/base_url');
    const model = config.model ?? options.model;
    if (typeof model !== 'string' || model.length === 0)
      throw configError('/config/model', 'model must be a non-empty string');
    const apiKey = readApiKey(config.api_key_env, options);
    const body: Record<string, unknown> = { model, messages: toMessages(input, config.system) };
    if (config.temperature !== undefined)
      body.temperature = readNumber(config.temperature, '/config/temperature', 0, 2);
    if (config.max_tokens !== undefined)
      body.max_tokens = readNumber(config.max_tokens, '/config/max_tokens', 1, 1_000_000);
    const jsonSchema = outputSchema?.jsonSchema;
    if (jsonSchema) {
      body.response_format = {
        type: 'json_schema',
        json_schema: {
          name: schemaName(outputSchema.ref.subject),
          schema: jsonSchema,
          strict: true,
        },
      };
    }
    if (config.api_key !== undefined) throw apiKeyInDefinition();
    const headers = {
      ...readHeaders(config.headers),
      ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
    };
    const response = (await fetchJson(fetchImpl, {
      method: 'POST',
      url: `${baseUrl.replace(/\/+$/, '')}/chat/completions`,
      headers,
      body,
      timeoutMs: readTimeout(config.timeout_ms),
      maxResponseBytes: options.maxResponseBytes ?? 10 * 1024 * 1024,
      signal,
      source: `llm.chat (stage ${stageId})`,
    })) as { choices?: { message?: { content?: unknown; refusal?: unknown } }[] } | null;
    const message = response?.choices?.[0]?.message;
    if (typeof message?.refusal === 'string' && message.refusal) {
      throw new HandlerError('LLM_REFUSAL', `the model refused: ${message.refusal.slice(0, 500)}`, {
        details: { refusal: message.refusal },
      });
    }
    if (typeof message?.content !== 'string') {
      throw new HandlerError(
        'LLM_BAD_RESPONSE',
        'the response has no choices[0].message.content string',
        { details: { stageId } },
      );
    }
    if (!jsonSchema) return message.content;
    try {
      return JSON.parse(message.content);
    } catch {
      // A model can still emit broken JSON (cut off by max_tokens); another attempt may succeed.
      throw new HandlerError(
        'LLM_OUTPUT_NOT_JSON',
        `the reply is not JSON: ${message.content.slice(0, 200)}`,
        { details: { stageId } },
      );
    }
  };
  // The environment is read at run time only: a key may be set where runs execute, not where
  // definitions are registered.
  return withConfigCheck(handler, (config) => {
    if (config.api_key !== undefined) throw apiKeyInDefinition();
    if (config.base_url !== undefined) readUrl(config.base_url, '/config/base_url');
    if (
      config.model !== undefined &&
      (typeof config.model !== 'string' || config.model.length === 0)
    ) {
      throw configError('/config/model', 'model must be a non-empty string');
    }
    if (
      config.api_key_env !== undefined &&
      (typeof config.api_key_env !== 'string' || !ENV_NAME.test(config.api_key_env))
    ) {
      throw configError('/config/api_key_env', 'api_key_env must name an environment variable');
    }
    if (config.system !== undefined && typeof config.system !== 'string')
      throw configError('/config/system', 'system must be a string');
    if (config.temperature !== undefined)
      readNumber(config.temperature, '/config/temperature', 0, 2);
    if (config.max_tokens !== undefined)
      readNumber(config.max_tokens, '/config/max_tokens', 1, 1_000_000);
    readTimeout(config.timeout_ms);
    readHeaders(config.headers);
  });
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function apiKeyInDefinition() {
  return configError(
    '/config/api_key',
    'put the key in the environment and name it with api_key_env; definitions are stored',
  );
}

function readApiKey(envName: unknown, options: LlmChatHandlerOptions): string | undefined {
  if (envName === undefined) return options.apiKey;
  if (typeof envName !== 'string' || !ENV_NAME.test(envName)) {
    throw configError('/config/api_key_env', 'api_key_env must name an environment variable');
  }
  const value = (options.env ?? process.env)[envName];
  if (!value)
    throw configError('/config/api_key_env', `environment variable ${envName} is not set`);
  return value;
}

function toMessages(input: unknown, system: unknown): ChatMessage[] {
  const messages: ChatMessage[] = [];
  if (system !== undefined) {
    if (typeof system !== 'string') throw configError('/config/system', 'system must be a string');
    messages.push({ role: 'system', content: system });
  }
  if (typeof input === 'string') return [...messages, { role: 'user', content: input }];
  const given = (input as { messages?: unknown } | null)?.messages;
  if (Array.isArray(given)) {
    given.forEach((m, i) => {
      if (
        !m ||
        typeof m !== 'object' ||
        typeof m.role !== 'string' ||
        typeof m.content !== 'string'
      ) {
        throw new HandlerError(
          'INVALID_INPUT',
          `input messages[${i}] must be { role, content } strings`,
          {
            retryable: false,
            details: { path: `/messages/${i}` },
          },
        );
      }
    });
    return [...messages, ...(given as ChatMessage[])];
  }
  return [...messages, { role: 'user', content: JSON.stringify(input) }];
}

function readNumber(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !(value >= min && value <= max))
    throw configError(path, `must be a number from ${min} to ${max}`);
  return value;
}

/** OpenAI names: `^[a-zA-Z0-9_-]{1,64}$`. */
function schemaName(subject: string): string {
  return subject.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 64) || 'output';
}
