import protobuf from 'protobufjs';
import { compareProtobufEnums } from './compare-protobuf-enums.js';
import {
  compareProtobufFields,
  type ProtobufNamedTypeComparer,
} from './compare-protobuf-fields.js';
import { compareProtobufOneofs } from './compare-protobuf-oneofs.js';
import { childScope, createProtobufDiffSink, type ProtobufScope } from './protobuf-diff-sink.js';
import type { ProtobufDifference } from './protobuf-difference.js';
import { protobufDifferenceSeverity } from './protobuf-difference.js';
import { findProtobufPackage, type ProtobufPackage } from './protobuf-package.js';
import {
  assembleProtobufDifferences,
  type ProtobufPairItem as Item,
  type ProtobufPairNode as PairNode,
  settleProtobufTaint,
} from './protobuf-pair-graph.js';

type Owns = (obj: protobuf.ReflectionObject) => boolean;

const isMessage = (obj: protobuf.ReflectionObject): obj is protobuf.Type =>
  obj instanceof protobuf.Type;
const isEnum = (obj: protobuf.ReflectionObject): obj is protobuf.Enum =>
  obj instanceof protobuf.Enum;

function byName<T extends protobuf.ReflectionObject>(
  ns: protobuf.Namespace,
  keep: (obj: protobuf.ReflectionObject) => obj is T,
  owns: Owns,
): Map<string, T> {
  const out = new Map<string, T>();
  for (const obj of ns.nestedArray) if (keep(obj) && owns(obj)) out.set(obj.name, obj);
  return out;
}

/** A type's name within its package: enclosing message names and its own (`Outer.Inner`). */
function localName(type: protobuf.Type): string[] {
  const names = [type.name];
  for (let at = type.parent; at instanceof protobuf.Type; at = at.parent) names.unshift(at.name);
  return names;
}

function ownedBy(pkg: ProtobufPackage, type: protobuf.Type): boolean {
  let top: protobuf.Namespace = type;
  while (top.parent instanceof protobuf.Type) top = top.parent;
  return top.parent === pkg.namespace && pkg.owns(top);
}

/**
 * Confluent's Protobuf `SchemaDiff.compare(original, update)`: every difference between the
 * original (writer) and updated (reader) schema, compatible or not. Message pairs are compared
 * once each from a work list, and whether a referenced message changed incompatibly
 * (`FIELD_NAMED_TYPE_CHANGED`) is settled afterwards, so recursive, mutually referencing and
 * very long chains of messages neither loop nor exhaust the stack.
 * @example
 * const diffs = compareProtobufSchemas(oldRoot, newRoot); // BACKWARD: original = old
 */
export function compareProtobufSchemas(
  original: protobuf.Root,
  update: protobuf.Root,
): ProtobufDifference[] {
  const originalPackage = findProtobufPackage(original);
  const updatePackage = findProtobufPackage(update);
  const pairs = new Map<protobuf.Type, Map<protobuf.Type, PairNode>>();
  const all: PairNode[] = [];
  const queue: { node: PairNode; o: protobuf.Type; u: protobuf.Type; scope: ProtobufScope }[] = [];

  const pairOf = (o: protobuf.Type, u: protobuf.Type, scope: ProtobufScope): PairNode => {
    let byUpdate = pairs.get(o);
    if (byUpdate === undefined) {
      byUpdate = new Map();
      pairs.set(o, byUpdate);
    }
    let node = byUpdate.get(u);
    if (node === undefined) {
      const walked = ownedBy(originalPackage, o) && ownedBy(updatePackage, u);
      node = { items: [], local: false, tainted: false, dependents: [], walked };
      byUpdate.set(u, node);
      all.push(node);
      queue.push({ node, o, u, scope });
    }
    return node;
  };

  const sinkOf = (node: { items: Item[]; local: boolean }) =>
    createProtobufDiffSink((difference) => {
      node.items.push({ kind: 'diff', difference });
      if (protobufDifferenceSeverity(difference.type) === 'incompatible') node.local = true;
    });

  /** Messages and enums nested directly in a namespace or message, matched by name. */
  const compareDefinitions = (
    o: protobuf.Namespace,
    u: protobuf.Namespace,
    scope: ProtobufScope,
    parent: { items: Item[]; local: boolean },
    owns: { original: Owns; update: Owns },
  ): void => {
    const sink = sinkOf(parent);
    const om = byName(o, isMessage, owns.original);
    const um = byName(u, isMessage, owns.update);
    const oIndex = new Map([...om.keys()].map((name, i) => [name, i]));
    const uIndex = new Map([...um.keys()].map((name, i) => [name, i]));
    for (const name of new Set([...om.keys(), ...um.keys()])) {
      const s = childScope(scope, name, name);
      const a = om.get(name);
      const b = um.get(name);
      if (b === undefined) sink.add('MESSAGE_REMOVED', s, `Message '${s.path}' removed`);
      else if (a === undefined) sink.add('MESSAGE_ADDED', s, `Message '${s.path}' added`);
      else {
        const target = pairOf(a, b, s);
        if ('dependents' in parent) target.dependents.push(parent as PairNode);
        parent.items.push({ kind: 'nested', target });
        if (oIndex.get(name) !== uIndex.get(name)) {
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

  const compareMessage = (
    node: PairNode,
    o: protobuf.Type,
    u: protobuf.Type,
    scope: ProtobufScope,
  ) => {
    const sink = sinkOf(node);
    if ((o.comment ?? null) !== (u.comment ?? null)) {
      sink.add('DOC_CHANGED', scope, `Documentation of message '${scope.path}' changed`);
    }
    // Confluent's `compareMessageTypes`: local names must match, then the types are compared.
    const named: ProtobufNamedTypeComparer = (a, b, s, fieldSink, what) => {
      const aName = localName(a).join('.');
      const bName = localName(b).join('.');
      if (aName !== bName) {
        fieldSink.add(
          'FIELD_NAMED_TYPE_CHANGED',
          s,
          `${what} changed type from ${aName} to ${bName}`,
        );
        return;
      }
      const names = localName(b);
      const target = pairOf(a, b, { fullPath: `#/${names.join('/')}`, path: bName });
      target.dependents.push(node);
      node.items.push({ kind: 'named', target, scope: s, what, typeName: bName });
    };
    compareProtobufFields(o, u, scope, sink, named);
    compareProtobufOneofs(o, u, scope, sink);
    const everything = () => true;
    compareDefinitions(o, u, scope, node, {
      original: everything,
      update: everything,
    });
  };

  const root = { items: [] as Item[], local: false };
  const rootScope: ProtobufScope = { fullPath: '#/', path: '' };
  if (originalPackage.name !== updatePackage.name) {
    const message = `Package changed from '${originalPackage.name}' to '${updatePackage.name}'`;
    sinkOf(root).add('PACKAGE_CHANGED', rootScope, message);
  }
  compareDefinitions(originalPackage.namespace, updatePackage.namespace, rootScope, root, {
    original: originalPackage.owns,
    update: updatePackage.owns,
  });
  for (let i = 0; i < queue.length; i++) {
    const next = queue[i] as (typeof queue)[number];
    compareMessage(next.node, next.o, next.u, next.scope);
  }
  settleProtobufTaint(all);
  return assembleProtobufDifferences(root.items);
}
