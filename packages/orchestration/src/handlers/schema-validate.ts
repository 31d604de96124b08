import type { StageHandler } from '../handler-registry.js';
import { OrchestrationError } from '../orchestration-error.js';
import { formatSchemaRef, type SchemaRef } from '../schema-resolver.js';
import { withConfigCheck } from './config-check.js';
import { HandlerError } from './handler-error.js';

/**
 * The `schema.validate` handler: config `{ subject, version }`. Checks the stage input against
 * that schema through the run's resolver and passes the input through unchanged; a mismatch is
 * `STAGE_INPUT_INVALID` with the data path, never retried.
 *
 * @example
 * ```ts
 * { id: 'check', handler: 'schema.validate', config: { subject: 'orders-value', version: 'latest' } }
 * ```
 */
export function createSchemaValidateHandler(): StageHandler {
  const handler: StageHandler = async (input, { config, resolver, stageId }) => {
    const ref = readRef(config);
    const schema = await resolver.resolveSchema(ref);
    if (!schema) {
      throw new OrchestrationError(
        'SCHEMA_NOT_FOUND',
        `schema.validate: schema ${formatSchemaRef(ref)} was not found`,
        {
          stageId,
          schema: ref,
        },
      );
    }
    const result = schema.validate(input);
    if (!result.valid) {
      const first = result.problems[0];
      throw new OrchestrationError(
        'STAGE_INPUT_INVALID',
        `stage ${stageId} input does not match ${formatSchemaRef(ref)} at ${first?.path ?? '/'}: ${first?.message ?? 'is invalid'}`,
        {
          stageId,
          side: 'input',
          path: first?.path ?? '/',
          schema: ref,
          problems: result.problems,
        },
      );
    }
    return input;
  };
  return withConfigCheck(handler, readRef);
}

function readRef(config: Record<string, unknown>): SchemaRef {
  const { subject, version } = config;
  if (
    typeof subject !== 'string' ||
    subject.length === 0 ||
    !(version === 'latest' || (Number.isInteger(version) && (version as number) >= 1))
  ) {
    throw new HandlerError(
      'INVALID_INPUT',
      "schema.validate needs config { subject, version } (version an integer >= 1 or 'latest')",
      {
        retryable: false,
        details: { path: '/config' },
      },
    );
  }
  return { subject, version: version as number | 'latest' };
}
