/**
 * @llmsr/registry: the deployable llmsr registry, the one place that reads the configuration
 * and wires storage, the registry, metrics and logging into the REST and Connect-RPC servers.
 * @module
 */

export {
  describeStartupError,
  explainListenError,
  explainStorageError,
} from './explain-startup-error.js';
export { loadConfig, type RegistryConfig, type TlsFiles } from './load-config.js';
export { type ObserveRpcOptions, observeRpc } from './observe-rpc.js';
export { readTlsCredentials } from './read-tls-credentials.js';
export {
  isLoopbackHost,
  type RunningRegistry,
  type StartRegistryOptions,
  startRegistry,
} from './start-registry.js';
export { StartupError } from './startup-error.js';
