import type { RegistryClient } from './registry-client.js';

/**
 * The calls a transport sends to the server; the client adds caching, local validation and
 * serializers on top, the same for every transport.
 */
export type RemoteCalls = Pick<
  RegistryClient,
  | 'register'
  | 'getSchema'
  | 'getVersion'
  | 'listSubjects'
  | 'listVersions'
  | 'validate'
  | 'validateSchema'
  | 'checkCompatibility'
  | 'compileSignature'
  | 'getConfig'
  | 'setConfig'
  | 'search'
  | 'subscribe'
>;
