import type { MessageInitShape } from '@bufbuild/protobuf';
import type { HandlerContext } from '@connectrpc/connect';
import { isRegistryError, type Registry, RegistryError } from '@llmsr/core';
import type { BatchRegisterRequest, BatchRegisterResponseSchema } from '@llmsr/proto';
import { createStreamAccess } from './create-stream-access.js';
import { registerFromRequest } from './register-from-request.js';
import { RPC_ACCESS } from './rpc-access.js';
import { toConnectError } from './to-connect-error.js';
import { toErrorDetail } from './to-error-detail.js';

/**
 * The BatchRegister handler: registers each item in order and answers it, a registry error
 * (a refusal included) becoming that item's `ErrorDetail` while the stream goes on. Each item is
 * authorised on its own subject (`schema.register`) and the subjects it references
 * (`schema.read`), and its outcome audited like a single RegisterSchema call.
 *
 * @example
 * ```ts
 * const impl = { batchRegister: (requests, context) => batchRegister(registry, requests, context) };
 * ```
 */
export async function* batchRegister(
  registry: Registry,
  requests: AsyncIterable<BatchRegisterRequest>,
  context: HandlerContext,
): AsyncGenerator<MessageInitShape<typeof BatchRegisterResponseSchema>> {
  const { access } = registry;
  const items = createStreamAccess(registry, context, RPC_ACCESS.batchRegister.action);
  let index = 0;
  try {
    for await (const request of requests) {
      try {
        if (!request.item) {
          throw new RegistryError('INVALID_INPUT', 'item is required', { field: 'item' });
        }
        const attempt = items.attempt(await RPC_ACCESS.batchRegister.resource(request, registry));
        await items.check(() => attempt);
        if (items.active) {
          for (const subject of new Set(RPC_ACCESS.batchRegister.references?.(request))) {
            await access.check({ ...items.attempt({ subject }), action: 'schema.read' });
          }
        }
        let value: Awaited<ReturnType<typeof registerFromRequest>>;
        try {
          value = await registerFromRequest(registry, request.item, items.principal);
        } catch (error) {
          const code = isRegistryError(error) ? error.code : 'INTERNAL';
          await access.recordOutcome(attempt, 'error', { rpc: 'BatchRegister', index, code });
          throw error;
        }
        await access.recordOutcome(attempt, 'ok', { rpc: 'BatchRegister', index });
        yield { index, result: { case: 'registered', value } };
      } catch (error) {
        if (!isRegistryError(error)) throw error;
        yield { index, result: { case: 'error', value: toErrorDetail(error) } };
      }
      index++;
    }
  } catch (error) {
    throw toConnectError(error);
  }
}
