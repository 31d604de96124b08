import { type HandlerCall, PIPELINE_LIMITS, type StageDefinition } from './pipeline-definition.js';
import { idMessage, isPipelineId } from './pipeline-id.js';
import type { PipelineProblem } from './pipeline-problem.js';
import { readRetryPolicy } from './retry-policy.js';
import type { SchemaRef } from './schema-resolver.js';
import type { ValidatePipelineOptions } from './validate-pipeline.js';

const STAGE_KEYS = new Set([
  'id',
  'handler',
  'config',
  'input_schema',
  'output_schema',
  'timeout_ms',
  'retry',
  'fallback',
]);
const HANDLER_PATTERN = /^[A-Za-z][A-Za-z0-9._-]*$/;

/**
 * Reads one stage; problems go to `problems` with the stage id when it has a readable one.
 * Returns the stage only when it is valid.
 */
export function readStage(
  value: unknown,
  path: string,
  problems: PipelineProblem[],
  checks: ValidatePipelineOptions = {},
): StageDefinition | undefined {
  const { isKnownHandler } = checks;
  const before = problems.length;
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ rule: 'type', path, message: 'a stage must be an object' });
    return undefined;
  }
  const v = value as Record<string, unknown>;
  const validId = isPipelineId(v.id);
  const stageId = validId ? (v.id as string) : undefined;
  const add = (rule: string, field: string, message: string) =>
    problems.push({ rule, path: `${path}/${field}`, message, ...(stageId ? { stageId } : {}) });
  if (!validId) add('invalid_id', 'id', idMessage('stage id'));
  for (const key of Object.keys(v)) {
    if (!STAGE_KEYS.has(key))
      add('unknown_field', key, `unknown stage field; allowed: ${[...STAGE_KEYS].join(', ')}`);
  }
  const handler = readHandlerName(v.handler, 'handler', add, isKnownHandler);
  const config = v.config ?? {};
  if (!isPlainObject(config)) add('type', 'config', 'config must be an object');
  const inputSchema =
    v.input_schema === undefined ? undefined : readSchemaRef(v.input_schema, 'input_schema', add);
  const outputSchema =
    v.output_schema === undefined
      ? undefined
      : readSchemaRef(v.output_schema, 'output_schema', add);
  if (
    v.timeout_ms !== undefined &&
    !(
      Number.isInteger(v.timeout_ms) &&
      (v.timeout_ms as number) >= 1 &&
      (v.timeout_ms as number) <= PIPELINE_LIMITS.maxTimeoutMs
    )
  ) {
    add(
      'invalid_timeout',
      'timeout_ms',
      `timeout_ms must be an integer from 1 to ${PIPELINE_LIMITS.maxTimeoutMs}`,
    );
  }
  const retry =
    v.retry === undefined
      ? undefined
      : readRetryPolicy(v.retry, `${path}/retry`, problems, stageId);
  const fallback =
    v.fallback === undefined ? undefined : readFallback(v.fallback, add, isKnownHandler);
  if (problems.length === before && checks.checkHandlerConfig) {
    for (const p of checks.checkHandlerConfig(handler!, config as Record<string, unknown>)) {
      add('invalid_config', `config${p.path}`, p.message);
    }
    if (fallback) {
      for (const p of checks.checkHandlerConfig(fallback.handler, fallback.config)) {
        add('invalid_config', `fallback/config${p.path}`, p.message);
      }
    }
  }
  if (problems.length > before) return undefined;
  const stage: StageDefinition = {
    id: stageId!,
    handler: handler!,
    config: config as Record<string, unknown>,
  };
  if (inputSchema) stage.input_schema = inputSchema;
  if (outputSchema) stage.output_schema = outputSchema;
  if (v.timeout_ms !== undefined) stage.timeout_ms = v.timeout_ms as number;
  if (retry) stage.retry = retry;
  if (fallback) stage.fallback = fallback;
  return stage;
}

type Add = (rule: string, field: string, message: string) => void;

function readHandlerName(
  value: unknown,
  field: string,
  add: Add,
  isKnown?: (name: string) => boolean,
): string | undefined {
  if (
    typeof value !== 'string' ||
    value.length > PIPELINE_LIMITS.maxIdLength ||
    !HANDLER_PATTERN.test(value)
  ) {
    add('type', field, 'handler must be a handler name such as json.transform');
    return undefined;
  }
  if (isKnown && !isKnown(value)) {
    add('unknown_handler', field, `no handler named ${value} is registered`);
    return undefined;
  }
  return value;
}

function readFallback(
  value: unknown,
  add: Add,
  isKnown?: (name: string) => boolean,
): HandlerCall | undefined {
  if (typeof value === 'string') {
    const handler = readHandlerName(value, 'fallback', add, isKnown);
    return handler ? { handler, config: {} } : undefined;
  }
  if (!isPlainObject(value)) {
    add('type', 'fallback', 'fallback must be a handler name or { handler, config? }');
    return undefined;
  }
  const { handler, config = {}, ...rest } = value;
  for (const key of Object.keys(rest))
    add('unknown_field', `fallback/${key}`, 'unknown field; allowed: handler, config');
  const name = readHandlerName(handler, 'fallback/handler', add, isKnown);
  if (!isPlainObject(config)) add('type', 'fallback/config', 'config must be an object');
  return name && isPlainObject(config) ? { handler: name, config } : undefined;
}

function readSchemaRef(value: unknown, field: string, add: Add): SchemaRef | undefined {
  if (!isPlainObject(value)) {
    add('type', field, 'a schema reference must be { subject, version }');
    return undefined;
  }
  const { subject, version, ...rest } = value;
  let ok = true;
  for (const key of Object.keys(rest)) {
    ok = false;
    add('unknown_field', `${field}/${key}`, 'unknown field; allowed: subject, version');
  }
  if (typeof subject !== 'string' || subject.length === 0 || subject.length > 255) {
    ok = false;
    add('type', `${field}/subject`, 'subject must be a non-empty string of at most 255 characters');
  }
  if (!(version === 'latest' || (Number.isInteger(version) && (version as number) >= 1))) {
    ok = false;
    add('type', `${field}/version`, "version must be an integer >= 1 or 'latest'");
  }
  return ok ? { subject: subject as string, version: version as number | 'latest' } : undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}
