import { createRequire } from 'node:module';
import protobuf from 'protobufjs';

const require = createRequire(import.meta.url);

// protobuf.common ships the JSON of most google/protobuf files; these four live as JSON files
// in the package instead.
const PACKAGED: Record<string, string> = {
  'google/protobuf/descriptor.proto': 'protobufjs/google/protobuf/descriptor.json',
  'google/protobuf/api.proto': 'protobufjs/google/protobuf/api.json',
  'google/protobuf/type.proto': 'protobufjs/google/protobuf/type.json',
  'google/protobuf/source_context.proto': 'protobufjs/google/protobuf/source_context.json',
};

/** The protobufjs JSON descriptor of a google/protobuf import, or `undefined` for other paths. */
export function wellKnownFile(path: string): protobuf.INamespace | undefined {
  if (!path.startsWith('google/protobuf/')) return undefined;
  const common = protobuf.common.get(path);
  if (common !== null && common !== undefined) return common;
  const packaged = PACKAGED[path];
  return packaged === undefined ? undefined : (require(packaged) as protobuf.INamespace);
}
