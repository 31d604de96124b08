import type { MessageShape } from '@bufbuild/protobuf';
import type { Registry } from '@llmsr/core';
import type { SchemaRegistryService } from '@llmsr/proto';
import type { AuthAction } from '@llmsr/spec';

type Methods = typeof SchemaRegistryService.method;

/** The local name of every RPC of `SchemaRegistryService` (`registerSchema`, ...). */
export type RpcName = keyof Methods;

/** The request message of an RPC (for streamed requests: one item of the stream). */
export type RpcRequest<K extends RpcName> = MessageShape<Methods[K]['input']>;

/** What a request acts on, as `registry.access.check` takes it. */
export interface RpcResource {
  subject?: string | undefined;
  schemaId?: number | string | undefined;
}

/** How one RPC is authorised. */
export interface RpcAccessRule<K extends RpcName> {
  /** The one action the RPC performs. */
  action: AuthAction;
  /**
   * `call`: the interceptor checks the (single) request message before the handler runs.
   * `item`: a client or bidi stream; the handler checks every streamed item, and a refused item
   * gets its own `ErrorDetail` (FORBIDDEN) while the stream goes on.
   */
  checkedPer: 'call' | 'item';
  /** The subject or schema id a request message names; `{}` for listings and subject-free work. */
  resource(message: RpcRequest<K>, registry: Registry): RpcResource | Promise<RpcResource>;
  /**
   * Other subjects the request reads (its schema references): each needs `schema.read`, so a
   * prefix-limited key cannot read another team's schema by referencing it.
   */
  references?(message: RpcRequest<K>): readonly string[];
}

/** One rule per RPC: a mapped type over the service, so a new RPC fails to compile until placed. */
export type RpcAccessTable = { readonly [K in RpcName]: RpcAccessRule<K> };

type Selector = RpcRequest<'getSchema'>['selector'] | RpcRequest<'validateData'>['selector'];

/**
 * The resource of a schema selector. A guid is resolved to its id so a prefix-limited principal
 * cannot read another team's schema by guid; an unknown guid names nothing (the handler answers
 * SCHEMA_NOT_FOUND).
 */
async function selected(selector: Selector, registry: Registry): Promise<RpcResource> {
  switch (selector.case) {
    case 'id':
    case 'schemaId':
      return { schemaId: selector.value };
    case 'guid':
      return { schemaId: (await registry.schemas.get(selector.value))?.id };
    case 'subjectVersion':
      return { subject: selector.value.subject };
    default:
      return {};
  }
}

/**
 * The action and resource of every RPC of `SchemaRegistryService`, read by `authorizeRpc` and
 * by the stream handlers.
 *
 * - `ListSchemas`' `subject` is a substring filter, not a subject: the call is a listing and the
 *   handler filters results to the principal's subjects.
 * - `ValidateSchema` names no subject (a stateless check); `StreamSchemaChanges` is a listing
 *   whose events the handler filters.
 * - Schema references are reads of the subjects they name (`references`).
 *
 * @example
 * ```ts
 * RPC_ACCESS.registerSchema.action; // 'schema.register'
 * await RPC_ACCESS.getSchema.resource(request, registry); // { schemaId: 7 }
 * ```
 */
export const RPC_ACCESS: RpcAccessTable = Object.freeze({
  registerSchema: {
    action: 'schema.register',
    checkedPer: 'call',
    resource: (m) => ({ subject: m.subject }),
    references: (m) => m.references.map((r) => r.subject),
  },
  getSchema: {
    action: 'schema.read',
    checkedPer: 'call',
    resource: (m, registry) => selected(m.selector, registry),
  },
  listSchemas: { action: 'schema.read', checkedPer: 'call', resource: () => ({}) },
  validateData: {
    action: 'validate',
    checkedPer: 'call',
    resource: (m, registry) => selected(m.selector, registry),
  },
  validateSchema: {
    action: 'validate',
    checkedPer: 'call',
    resource: () => ({}),
    references: (m) => m.references.map((r) => r.subject),
  },
  checkCompatibility: {
    action: 'compatibility.check',
    checkedPer: 'call',
    resource: (m) => ({ subject: m.subject }),
    references: (m) => m.references.map((r) => r.subject),
  },
  batchValidate: {
    action: 'validate',
    checkedPer: 'item',
    resource: (m, registry) => (m.item ? selected(m.item.selector, registry) : {}),
  },
  batchRegister: {
    action: 'schema.register',
    checkedPer: 'item',
    resource: (m) => ({ subject: m.item?.subject }),
    references: (m) => m.item?.references.map((r) => r.subject) ?? [],
  },
  streamSchemaChanges: { action: 'changes.read', checkedPer: 'call', resource: () => ({}) },
});
