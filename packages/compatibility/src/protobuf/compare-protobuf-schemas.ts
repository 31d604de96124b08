import protobuf from 'protobufjs';
import { compareProtobufEnums } from './compare-protobuf-enums.js';
import {
  compareProtobufFields,
  type ProtobufNamedTypeComparer,
} from './compare-protobuf-fields.js';
import { compareProtobufOneofs } from './compare-protobuf-oneofs.js';
import {
  childScope,
  createProtobufDiffSink,
  type ProtobufDiffSink,
  type ProtobufScope,
} from './protobuf-diff-sink.js';
import type { ProtobufDifference } from './protobuf-difference.js';
import { protobufDifferenceSeverity } from './protobuf-difference.js';
import { findProtobufPackage } from './protobuf-package.js';

type Owns = (obj: protobuf.ReflectionObject) => boolean;
const everything: Owns = () => true;

function byName<T extends protobuf.ReflectionObject>(
  ns: protobuf.Namespace,
  keep: (obj: protobuf.ReflectionObject) => obj is T,
  owns: Owns,
): Map<string, T> {
  const out = new Map<string, T>();
  for (const obj of ns.nestedArray) if (keep(obj) && owns(obj)) out.set(obj.name, obj);
  return out;
}

const isMessage = (obj: protobuf.ReflectionObject): obj is protobuf.Type =>
  obj instanceof protobuf.Type;
const isEnum = (obj: protobuf.ReflectionObject): obj is protobuf.Enum =>
  obj instanceof protobuf.Enum;

/** A type's name within its package: enclosing message names and its own (`Outer.Inner`). */
function localName(type: protobuf.Type): string[] {
  const names = [type.name];
  for (let at = type.parent; at instanceof protobuf.Type; at = at.parent) names.unshift(at.name);
  return names;
}

/**
 * Confluent's Protobuf `SchemaDiff.compare(original, update)`: every difference between the
 * original (writer) and updated (reader) schema, compatible or not. Message pairs are memoized,
 * so recursive and mutually referencing messages terminate.
 * @example
 * const diffs = compareProtobufSchemas(oldRoot, newRoot); // BACKWARD: original = old
 */
export function compareProtobufSchemas(
  original: protobuf.Root,
  update: protobuf.Root,
): ProtobufDifference[] {
  const out: ProtobufDifference[] = [];
  const reportedImports = new Set<ProtobufDifference>();
  const memo = new Map<protobuf.Type, Map<protobuf.Type, ProtobufDifference[] | null>>();
  const originalPackage = findProtobufPackage(original);
  const updatePackage = findProtobufPackage(update);

  const ownedByMainFile = (type: protobuf.Type): boolean => {
    let top: protobuf.Namespace = type;
    while (top.parent instanceof protobuf.Type) top = top.parent;
    return top.parent === updatePackage.namespace && updatePackage.owns(top);
  };

  /** Messages and enums nested directly in a namespace or message, matched by name. */
  const compareDefinitions = (
    o: protobuf.Namespace,
    u: protobuf.Namespace,
    scope: ProtobufScope,
    sink: ProtobufDiffSink,
    list: ProtobufDifference[],
    owns: { original: Owns; update: Owns } = { original: everything, update: everything },
  ): void => {
    const om = byName(o, isMessage, owns.original);
    const um = byName(u, isMessage, owns.update);
    const oIndex = [...om.keys()];
    const uIndex = [...um.keys()];
    for (const name of new Set([...oIndex, ...uIndex])) {
      const s = childScope(scope, name, name);
      const a = om.get(name);
      const b = um.get(name);
      if (b === undefined) sink.add('MESSAGE_REMOVED', s, `Message '${s.path}' removed`);
      else if (a === undefined) sink.add('MESSAGE_ADDED', s, `Message '${s.path}' added`);
      else {
        list.push(...compareMessage(a, b, s));
        if (oIndex.indexOf(name) !== uIndex.indexOf(name)) {
          sink.add('MESSAGE_MOVED', s, `Message '${s.path}' moved among its siblings`);
        }
      }
    }
    const oe = byName(o, isEnum, owns.original);
    const ue = byName(u, isEnum, owns.update);
    for (const name of new Set([...oe.keys(), ...ue.keys()])) {
      const s = childScope(scope, name, name);
      const a = oe.get(name);
      const b = ue.get(name);
      if (b === undefined) sink.add('ENUM_REMOVED', s, `Enum '${s.path}' removed`);
      else if (a === undefined) sink.add('ENUM_ADDED', s, `Enum '${s.path}' added`);
      else compareProtobufEnums(a, b, s, sink);
    }
  };

  /** Confluent's `FieldSchemaDiff.compareMessageTypes`: local names, then the types themselves. */
  const compareNamedTypes: ProtobufNamedTypeComparer = (o, u, s, sink, what) => {
    const oName = localName(o).join('.');
    const uName = localName(u).join('.');
    if (oName !== uName) {
      sink.add('FIELD_NAMED_TYPE_CHANGED', s, `${what} changed type from ${oName} to ${uName}`);
      return;
    }
    const names = localName(u);
    const nested = compareMessage(o, u, { fullPath: `#/${names.join('/')}`, path: uName });
    if (!nested.some((d) => protobufDifferenceSeverity(d.type) === 'incompatible')) return;
    sink.add(
      'FIELD_NAMED_TYPE_CHANGED',
      s,
      `${what} has type ${uName}, which changed incompatibly`,
    );
    // Types of the schema's own file are reported by the file walk; imported ones only here.
    if (ownedByMainFile(u)) return;
    for (const d of nested) {
      if (reportedImports.has(d)) continue;
      reportedImports.add(d);
      out.push(d);
    }
  };

  /** Differences of one message pair (and its nested types), memoized per pair. */
  function compareMessage(
    o: protobuf.Type,
    u: protobuf.Type,
    scope: ProtobufScope,
  ): ProtobufDifference[] {
    let byUpdate = memo.get(o);
    if (byUpdate === undefined) {
      byUpdate = new Map();
      memo.set(o, byUpdate);
    }
    const known = byUpdate.get(u);
    if (known === null) return []; // being compared further up: assume compatible, as Confluent does
    if (known !== undefined) return known;
    byUpdate.set(u, null);
    const list: ProtobufDifference[] = [];
    const sink = createProtobufDiffSink(list);
    if ((o.comment ?? null) !== (u.comment ?? null)) {
      sink.add('DOC_CHANGED', scope, `Documentation of message '${scope.path}' changed`);
    }
    compareProtobufFields(o, u, scope, sink, compareNamedTypes);
    compareProtobufOneofs(o, u, scope, sink);
    compareDefinitions(o, u, scope, sink, list);
    byUpdate.set(u, list);
    return list;
  }

  const root: ProtobufScope = { fullPath: '#/', path: '' };
  const rootSink = createProtobufDiffSink(out);
  if (originalPackage.name !== updatePackage.name) {
    const message = `Package changed from '${originalPackage.name}' to '${updatePackage.name}'`;
    rootSink.add('PACKAGE_CHANGED', root, message);
  }
  compareDefinitions(originalPackage.namespace, updatePackage.namespace, root, rootSink, out, {
    original: originalPackage.owns,
    update: updatePackage.owns,
  });
  return out;
}
