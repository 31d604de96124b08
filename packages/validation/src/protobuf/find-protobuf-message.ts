import protobuf from 'protobufjs';
import { type ParsedSchema, SchemaParseError } from '../schema-format.js';
import { getProtobufFileInfo } from './protobuf-file-info.js';

function notFound(messageName: string, why: string): never {
  throw new SchemaParseError(`Protobuf message ${messageName} not found: ${why}`, [
    { path: 'messageName', message: why },
  ]);
}

function messagesOf(objects: readonly protobuf.ReflectionObject[]): protobuf.Type[] {
  return objects.filter((object): object is protobuf.Type => object instanceof protobuf.Type);
}

/**
 * The message a validator or codec targets: the first message of the schema's file (as
 * Confluent does) by default, a fully qualified name (`pkg.Outer.Inner`), or Confluent message
 * indexes such as `[1,0]` (second top-level message, its first nested message).
 * Throws {@link SchemaParseError} when there is no such message.
 */
export function findProtobufMessage(parsed: ParsedSchema, messageName?: string): protobuf.Type {
  const root = parsed.native as protobuf.Root;
  const info = getProtobufFileInfo(root);
  if (parsed.schemaType !== 'PROTOBUF' || info === undefined) {
    throw new TypeError('expected a schema parsed by protobufFormat');
  }
  const name = messageName?.trim() ?? '[0]';
  if (/^\[\s*\d+(\s*,\s*\d+)*\s*\]$/.test(name)) {
    let candidates = messagesOf(info.topLevel);
    let found: protobuf.Type | undefined;
    for (const index of name.slice(1, -1).split(',').map(Number)) {
      found = candidates[index];
      if (found === undefined) notFound(name, `no message at index ${index}`);
      candidates = messagesOf(found.nestedArray);
    }
    return found!;
  }
  try {
    const found = root.lookup(name.startsWith('.') ? name : `.${name}`);
    if (found instanceof protobuf.Type) return found;
  } catch {
    // protobufjs throws on malformed paths; reported below like a missing name.
  }
  return notFound(name, `no message named "${name}"`);
}
