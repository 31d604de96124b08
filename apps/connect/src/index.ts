/**
 * @llmsr/connect: the llmsr registry over Connect, gRPC and gRPC-web
 * (`llmsr.registry.v1.SchemaRegistryService`).
 * @module
 */

export { CLIENT_ADDRESS_KEY, PRINCIPAL_KEY } from './access-context.js';
export { type AuthorizeRpcOptions, accessIsActive, authorizeRpc } from './authorize-rpc.js';
export { CONNECT_CODES } from './connect-codes.js';
export { createRegistryService, type RegistryServiceOptions } from './create-registry-service.js';
export {
  RPC_ACCESS,
  type RpcAccessRule,
  type RpcAccessTable,
  type RpcName,
  type RpcRequest,
  type RpcResource,
} from './rpc-access.js';
export {
  type ConnectServerOptions,
  DEFAULT_CONNECT_PORT,
  type RunningConnectServer,
  startConnectServer,
} from './start-connect-server.js';
export { ERROR_CODE_HEADER, toConnectError } from './to-connect-error.js';
