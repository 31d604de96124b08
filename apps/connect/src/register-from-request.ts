import type { MessageInitShape } from '@bufbuild/protobuf';
import type { Registry } from '@llmsr/core';
import type { RegisterSchemaRequest, RegisterSchemaResponseSchema } from '@llmsr/proto';
import type { Principal } from '@llmsr/spec';
import { parseRegisterInput } from './parse-register-input.js';
import { toCompatibilityReportMessage } from './to-compatibility-report-message.js';
import { toSchemaMessage } from './to-schema-message.js';

/**
 * Register the schema of a `RegisterSchemaRequest` (alone or as a BatchRegister item) and shape
 * the response. `createdBy` is the authenticated principal's id: the request has no say in it.
 *
 * @example
 * ```ts
 * const answer = await registerFromRequest(registry, request, context.values.get(PRINCIPAL_KEY));
 * ```
 */
export async function registerFromRequest(
  registry: Registry,
  request: RegisterSchemaRequest,
  principal: Principal | undefined,
): Promise<MessageInitShape<typeof RegisterSchemaResponseSchema>> {
  const result = await registry.schemas.register({
    ...parseRegisterInput(request),
    createdBy: principal?.id,
  });
  return {
    created: result.created,
    schema: toSchemaMessage(result.version),
    ...(result.compatibility
      ? { compatibility: toCompatibilityReportMessage(result.compatibility) }
      : {}),
  };
}
