import type { ServiceImpl } from '@connectrpc/connect';
import { hasSubjectLimit, isRegistryError, type Registry, RegistryError } from '@llmsr/core';
import type { SchemaRegistryService, ValidateDataRequest } from '@llmsr/proto';
import { PRINCIPAL_KEY } from './access-context.js';
import { batchRegister } from './batch-register.js';
import { createBatchValidator } from './create-batch-validator.js';
import { createStreamAccess } from './create-stream-access.js';
import { findAllSchemas } from './find-all-schemas.js';
import { findVisibleSchemas } from './find-visible-schemas.js';
import { fromProtoLevel } from './map-compatibility-level.js';
import { fromProtoSchemaType } from './map-schema-type.js';
import { parseReferences } from './parse-register-input.js';
import { parseValidateInput } from './parse-validate-input.js';
import { registerFromRequest } from './register-from-request.js';
import { RPC_ACCESS } from './rpc-access.js';
import { streamChanges } from './stream-changes.js';
import { toChangeMessage } from './to-change-message.js';
import { toCompatibilityReportMessage } from './to-compatibility-report-message.js';
import { toConnectError } from './to-connect-error.js';
import { toErrorDetail } from './to-error-detail.js';
import { toSchemaMessage, toSchemaMessageById } from './to-schema-message.js';
import { toValidationReportMessage } from './to-validation-report-message.js';

/** Options of {@link createRegistryService}. */
export interface RegistryServiceOptions {
  /** Change streams open at once before new ones fail with TOO_MANY_STREAMS (default 1,000). */
  maxChangeStreams?: number;
}

type Impl = ServiceImpl<typeof SchemaRegistryService>;

/**
 * The `SchemaRegistryService` handlers over a registry: each parses its request, calls the
 * registry and shapes the answer; every failure leaves through {@link toConnectError}.
 *
 * Access (see `authorizeRpc`): `createdBy` is the principal's id, never the request's; listings
 * and change streams show a prefix-limited principal only its subjects; the items of
 * BatchValidate and BatchRegister are checked one by one, a refused item answering its own
 * FORBIDDEN `ErrorDetail` while the stream goes on (both protocols have per-item errors).
 */
export function createRegistryService(
  registry: Registry,
  options: RegistryServiceOptions = {},
): Impl {
  const maxChangeStreams = options.maxChangeStreams ?? 1_000;
  let openChangeStreams = 0;

  const { access } = registry;
  return {
    registerSchema: (request, context) =>
      mapErrors(() => registerFromRequest(registry, request, context.values.get(PRINCIPAL_KEY))),

    getSchema: (request) =>
      mapErrors(async () => {
        const { selector } = request;
        switch (selector.case) {
          case 'id':
          case 'guid':
            return {
              schema: toSchemaMessageById(await registry.schemas.getOrThrow(selector.value)),
            };
          case 'subjectVersion': {
            const version = await registry.subjects.getVersionOrThrow(
              selector.value.subject,
              selector.value.version === '' ? 'latest' : selector.value.version,
              { includeDeleted: request.includeDeleted },
            );
            return { schema: toSchemaMessage(version) };
          }
          default:
            throw new RegistryError(
              'INVALID_INPUT',
              'Say which schema: id, guid or subject_version',
              {
                field: 'selector',
              },
            );
        }
      }),

    async *listSchemas(request, context) {
      const principal = context.values.get(PRINCIPAL_KEY);
      const limited = access.enabled && principal !== undefined && hasSubjectLimit(principal);
      const found = limited
        ? findVisibleSchemas(registry, request, context.signal, (s) => access.canSee(principal, s))
        : findAllSchemas(registry, request, context.signal);
      try {
        for await (const { item, total } of found) {
          yield { schema: toSchemaMessage(item), total };
        }
      } catch (error) {
        throw toConnectError(error);
      }
    },

    validateData: (request) =>
      mapErrors(async () => {
        const result = await registry.validation.validate(parseValidateInput(request));
        return { report: toValidationReportMessage(result) };
      }),

    validateSchema: (request) =>
      mapErrors(async () => {
        const result = await registry.schemas.validate({
          schema: request.schema,
          schemaType: fromProtoSchemaType(request.schemaType, 'schema_type'),
          references: parseReferences(request.references),
        });
        return {
          valid: result.valid,
          problems: result.problems.map((p) => ({
            path: p.path,
            message: p.message,
            line: p.line ?? 0,
            column: p.column ?? 0,
          })),
          fingerprint: result.fingerprint ?? '',
          canonical: result.canonical ?? '',
        };
      }),

    checkCompatibility: (request) =>
      mapErrors(async () => {
        const report = await registry.compatibility.check({
          subject: request.subject,
          schema: request.schema,
          schemaType: fromProtoSchemaType(request.schemaType, 'schema_type'),
          references: parseReferences(request.references),
          level: fromProtoLevel(request.level, 'level'),
          ...(request.version === '' ? {} : { version: request.version }),
        });
        return { report: toCompatibilityReportMessage(report) };
      }),

    async *batchValidate(requests, context) {
      const batch = createBatchValidator(registry);
      const items = createStreamAccess(registry, context, RPC_ACCESS.batchValidate.action);
      let index = 0;
      try {
        for await (const request of requests) {
          try {
            if (!request.item) missingItem();
            // Auth off: no closure, key or promise per item on this hot path.
            if (items.active) {
              await items.check(
                () => RPC_ACCESS.batchValidate.resource(request, registry),
                cacheKey(request.item.selector),
              );
            }
            const answer = batch.validate(request.item);
            // A warm item is answered synchronously: no promise to wait for.
            const result = answer instanceof Promise ? await answer : answer;
            yield { index, result: { case: 'report', value: toValidationReportMessage(result) } };
          } catch (error) {
            if (!isRegistryError(error)) throw error;
            yield { index, result: { case: 'error', value: toErrorDetail(error) } };
          }
          index++;
        }
      } catch (error) {
        throw toConnectError(error);
      }
    },

    batchRegister: (requests, context) => batchRegister(registry, requests, context),

    async *streamSchemaChanges(request, context) {
      if (openChangeStreams >= maxChangeStreams) {
        throw toConnectError(
          new RegistryError('TOO_MANY_STREAMS', `At most ${maxChangeStreams} change streams`, {
            limit: maxChangeStreams,
          }),
        );
      }
      openChangeStreams++;
      const principal = context.values.get(PRINCIPAL_KEY);
      try {
        const events = streamChanges(registry, {
          afterId: parseEventId(request.afterEventId),
          signal: context.signal,
        });
        for await (const event of events) {
          // A global config change (no subject) is shown only to principals without prefixes.
          if (access.enabled && !access.canSee(principal, event.subject ?? '')) continue;
          yield toChangeMessage(event);
        }
      } catch (error) {
        // The client went away or the server is closing: end quietly.
        if (context.signal.aborted) return;
        throw toConnectError(error);
      } finally {
        openChangeStreams--;
      }
    },
  };
}

async function mapErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toConnectError(error);
  }
}

function missingItem(): never {
  throw new RegistryError('INVALID_INPUT', 'item is required', { field: 'item' });
}

/** The per-stream cache key of a selector naming a schema by id or guid (not by subject). */
function cacheKey(selector: ValidateDataRequest['selector']): string | undefined {
  return selector.case === 'schemaId' || selector.case === 'guid'
    ? `${selector.case}:${String(selector.value)}`
    : undefined;
}

function parseEventId(id: bigint | undefined): number | undefined {
  if (id === undefined) return undefined;
  if (id < 0n || id > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RegistryError('INVALID_INPUT', 'after_event_id must be a non-negative event id', {
      field: 'after_event_id',
    });
  }
  return Number(id);
}
