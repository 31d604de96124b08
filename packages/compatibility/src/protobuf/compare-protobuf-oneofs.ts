import type protobuf from 'protobufjs';
import type { ProtobufDiffSink, ProtobufScope } from './protobuf-diff-sink.js';
import { realOneof } from './protobuf-field-kind.js';

function realOneofs(type: protobuf.Type): Map<string, protobuf.OneOf> {
  const out = new Map<string, protobuf.OneOf>();
  for (const oneof of type.oneofsArray) if (!oneof.isProto3Optional) out.set(oneof.name, oneof);
  return out;
}

function join(scope: ProtobufScope, token: string, name: string): ProtobufScope {
  return {
    fullPath: `${scope.fullPath}/${token}`,
    path: scope.path === '' ? name : `${scope.path}.${name}`,
  };
}

/**
 * Confluent's oneof rules: oneofs added or removed by name, members moved to the top level, and
 * an updated oneof that gathers fields from more than one original group (a former oneof, or a
 * former top-level field on its own).
 */
export function compareProtobufOneofs(
  original: protobuf.Type,
  update: protobuf.Type,
  scope: ProtobufScope,
  sink: ProtobufDiffSink,
): void {
  const before = realOneofs(original);
  const after = realOneofs(update);
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    const s = join(scope, name, name);
    if (!after.has(name)) sink.add('ONEOF_REMOVED', s, `Oneof '${name}' removed`);
    else if (!before.has(name)) sink.add('ONEOF_ADDED', s, `Oneof '${name}' added`);
  }
  const originalById = original.fieldsById;
  for (const field of update.fieldsArray) {
    const old = originalById[field.id];
    if (old === undefined) continue;
    const was = realOneof(old);
    if (was !== null && realOneof(field) === null) {
      sink.add(
        'ONEOF_FIELD_MOVED_TO_TOP_LEVEL',
        join(scope, String(field.id), field.name),
        `Field '${field.name}' moved out of oneof '${was.name}' to the top level`,
      );
    }
  }
  for (const [name, oneof] of after) {
    const groups = new Set<string>();
    let formerTopLevel = 0;
    for (const member of oneof.fieldsArray) {
      const old = originalById[member.id];
      if (old === undefined) continue;
      const was = realOneof(old);
      if (was === null) {
        formerTopLevel++;
        groups.add(`#${member.id}`);
      } else {
        groups.add(was.name);
      }
    }
    if (groups.size <= 1) continue;
    const s = join(scope, name, name);
    if (formerTopLevel > 1) {
      sink.add(
        'MULTIPLE_FIELDS_MOVED_TO_ONEOF',
        s,
        `Oneof '${name}' gathers ${formerTopLevel} former top-level fields: data setting several of them cannot be read`,
      );
    } else {
      sink.add(
        'FIELD_MOVED_TO_EXISTING_ONEOF',
        s,
        `Oneof '${name}' gathers fields from ${groups.size} original groups: data setting several of them cannot be read`,
      );
    }
  }
}
