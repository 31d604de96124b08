import protobuf from 'protobufjs';
import { compareProtobufEnums } from './compare-protobuf-enums.js';
import { compareProtobufOneofs } from './compare-protobuf-oneofs.js';
import type { ProtobufDifference, ProtobufDifferenceType } from './protobuf-difference.js';
import { protobufDifferenceSeverity } from './protobuf-difference.js';
import {
  fieldKind,
  fieldLabel,
  isStringOrBytes,
  realOneof,
  scalarGroup,
  valueKind,
} from './protobuf-field-kind.js';
import { findProtobufPackage } from './protobuf-package.js';

type Resolved = protobuf.Type | protobuf.Enum | null;

/** Where a comparison is: Confluent's `#/` path and the readable dotted path. */
export interface ProtobufScope {
  fullPath: string;
  path: string;
}

/** Collects differences; shared by the message, oneof and enum comparisons. */
export interface ProtobufDiffSink {
  add(
    type: ProtobufDifference['type'],
    scope: ProtobufScope,
    message: string,
    originalPath?: string,
  ): void;
}

function child(scope: ProtobufScope, token: string, name: string): ProtobufScope {
  return {
    fullPath: scope.fullPath.endsWith('/') ? scope.fullPath + token : `${scope.fullPath}/${token}`,
    path: scope.path === '' ? name : `${scope.path}.${name}`,
  };
}

function byName<T extends protobuf.ReflectionObject>(
  ns: protobuf.Namespace,
  keep: (obj: protobuf.ReflectionObject) => obj is T,
  owns: (obj: protobuf.ReflectionObject) => boolean,
): Map<string, T> {
  const out = new Map<string, T>();
  for (const obj of ns.nestedArray) if (keep(obj) && owns(obj)) out.set(obj.name, obj);
  return out;
}

type Owns = (obj: protobuf.ReflectionObject) => boolean;
const everything: Owns = () => true;

const isMessage = (obj: protobuf.ReflectionObject): obj is protobuf.Type =>
  obj instanceof protobuf.Type;
const isEnum = (obj: protobuf.ReflectionObject): obj is protobuf.Enum =>
  obj instanceof protobuf.Enum;

function inRanges(reserved: (number[] | string)[] | undefined, id: number | string): boolean {
  if (reserved === undefined || reserved === null) return false;
  return reserved.some((r) =>
    typeof r === 'string'
      ? r === id
      : typeof id === 'number' && id >= (r[0] ?? 0) && id <= (r[1] ?? 0),
  );
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

  const sinkFor = (list: ProtobufDifference[]): ProtobufDiffSink => ({
    add(type, scope, message, originalPath) {
      list.push({
        type,
        fullPath: scope.fullPath,
        path: scope.path,
        ...(originalPath !== undefined && originalPath !== scope.path ? { originalPath } : {}),
        message,
      });
    },
  });

  /** Messages and enums nested directly in a namespace or message, by name. */
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
      const s = child(scope, name, name);
      const a = om.get(name);
      const b = um.get(name);
      if (b === undefined) sink.add('MESSAGE_REMOVED', s, `Message '${s.path}' removed`);
      else if (a === undefined) sink.add('MESSAGE_ADDED', s, `Message '${s.path}' added`);
      else {
        if (oIndex.indexOf(name) !== uIndex.indexOf(name)) {
          sink.add('MESSAGE_MOVED', s, `Message '${s.path}' moved among its siblings`);
        }
        list.push(...compareMessage(a, b, s));
      }
    }
    const oe = byName(o, isEnum, owns.original);
    const ue = byName(u, isEnum, owns.update);
    for (const name of new Set([...oe.keys(), ...ue.keys()])) {
      const s = child(scope, name, name);
      const a = oe.get(name);
      const b = ue.get(name);
      if (b === undefined) sink.add('ENUM_REMOVED', s, `Enum '${s.path}' removed`);
      else if (a === undefined) sink.add('ENUM_ADDED', s, `Enum '${s.path}' added`);
      else compareProtobufEnums(a, b, s, sink);
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
    const sink = sinkFor(list);
    if ((o.comment ?? null) !== (u.comment ?? null)) {
      sink.add('DOC_CHANGED', scope, `Documentation of message '${scope.path}' changed`);
    }
    compareFields(o, u, scope, sink);
    compareProtobufOneofs(o, u, scope, sink);
    compareDefinitions(o, u, scope, sink, list);
    byUpdate.set(u, list);
    return list;
  }

  /** Compares two value types of the same kind (a field's type, or a map's value type). */
  const compareValue = (
    o: { type: string; resolved: Resolved },
    u: { type: string; resolved: Resolved },
    s: ProtobufScope,
    sink: ProtobufDiffSink,
    what: string,
  ): void => {
    const ok = valueKind(o.resolved);
    const uk = valueKind(u.resolved);
    if (ok !== uk) {
      sink.add('FIELD_KIND_CHANGED', s, `${what} changed kind from ${ok} to ${uk}`);
      return;
    }
    if (o.resolved instanceof protobuf.Type && u.resolved instanceof protobuf.Type) {
      const oName = localName(o.resolved).join('.');
      const uName = localName(u.resolved).join('.');
      if (oName !== uName) {
        sink.add('FIELD_NAMED_TYPE_CHANGED', s, `${what} changed type from ${oName} to ${uName}`);
        return;
      }
      const nested = compareMessage(o.resolved, u.resolved, messageScope(u.resolved));
      if (!nested.some((d) => protobufDifferenceSeverity(d.type) === 'incompatible')) return;
      sink.add(
        'FIELD_NAMED_TYPE_CHANGED',
        s,
        `${what} has type ${uName}, which changed incompatibly`,
      );
      // Types of the schema's own file are reported by the file walk; imported ones only here.
      if (!ownedByMainFile(u.resolved)) {
        for (const d of nested) {
          if (!reportedImports.has(d)) {
            reportedImports.add(d);
            out.push(d);
          }
        }
      }
      return;
    }
    const og = scalarGroup(o.type, o.resolved);
    const ug = scalarGroup(u.type, u.resolved);
    if (og !== ug) {
      sink.add(
        'FIELD_SCALAR_KIND_CHANGED',
        s,
        `${what} changed type from ${o.type} to ${u.type}, which is not wire-compatible`,
      );
    }
  };

  const compareField = (
    o: protobuf.Field,
    u: protobuf.Field,
    s: ProtobufScope,
    sink: ProtobufDiffSink,
  ): void => {
    if ((o.comment ?? null) !== (u.comment ?? null)) {
      sink.add('DOC_CHANGED', s, `Documentation of field '${u.name}' changed`);
    }
    if (o.name !== u.name) {
      sink.add(
        'FIELD_NAME_CHANGED',
        s,
        `Field ${u.id} renamed from '${o.name}' to '${u.name}'`,
        parentPath(s, o.name),
      );
    }
    const ok = fieldKind(o);
    const uk = fieldKind(u);
    if (ok !== uk) {
      sink.add('FIELD_KIND_CHANGED', s, `Field '${u.name}' changed kind from ${ok} to ${uk}`);
      return;
    }
    if (ok === 'MAP') {
      const oKey = (o as unknown as protobuf.MapField).keyType;
      const uKey = (u as unknown as protobuf.MapField).keyType;
      if (scalarGroup(oKey, null) !== scalarGroup(uKey, null)) {
        sink.add(
          'FIELD_SCALAR_KIND_CHANGED',
          child(s, 'key', 'key'),
          `Map key of '${u.name}' changed type from ${oKey} to ${uKey}`,
        );
      }
      compareValue(
        { type: o.type, resolved: o.resolvedType },
        { type: u.type, resolved: u.resolvedType },
        child(s, 'value', 'value'),
        sink,
        `Map value of '${u.name}'`,
      );
      return;
    }
    compareValue(
      { type: o.type, resolved: o.resolvedType },
      { type: u.type, resolved: u.resolvedType },
      s,
      sink,
      `Field '${u.name}'`,
    );
    const ol = fieldLabel(o);
    const ul = fieldLabel(u);
    if (ol !== ul && ok === 'SCALAR') {
      if (isStringOrBytes(o.type, o.resolvedType) && isStringOrBytes(u.type, u.resolvedType)) {
        sink.add(
          'FIELD_STRING_OR_BYTES_LABEL_CHANGED',
          s,
          `Field '${u.name}' changed label from ${ol} to ${ul}`,
        );
      } else {
        sink.add(
          'FIELD_NUMERIC_LABEL_CHANGED',
          s,
          `Field '${u.name}' changed label from ${ol} to ${ul}`,
        );
      }
    }
  };

  const compareFields = (
    o: protobuf.Type,
    u: protobuf.Type,
    scope: ProtobufScope,
    sink: ProtobufDiffSink,
  ): void => {
    const oById = o.fieldsById;
    const uById = u.fieldsById;
    const ids = new Set<number>([
      ...o.fieldsArray.map((f) => f.id),
      ...u.fieldsArray.map((f) => f.id),
    ]);
    for (const id of ids) {
      const a = oById[id];
      const b = uById[id];
      const oneof = b === undefined ? a && realOneof(a) : realOneof(b);
      const field = (b ?? a) as protobuf.Field;
      const s = fieldScope(scope, id, field.name, oneof);
      if (b === undefined && a !== undefined) {
        const wasOneof = realOneof(a);
        if (wasOneof !== null) {
          // Dropping a whole oneof with all its members only counts as ONEOF_REMOVED.
          const oneofGone = !u.oneofsArray.some((x) => x.name === wasOneof.name);
          const allGone = wasOneof.fieldsArray.every((m) => uById[m.id] === undefined);
          if (!(oneofGone && allGone))
            sink.add(
              'ONEOF_FIELD_REMOVED',
              s,
              `Field '${a.name}' removed from oneof '${wasOneof.name}'`,
            );
        } else if (fieldLabel(a) === 'required') {
          sink.add('REQUIRED_FIELD_REMOVED', s, `Required field '${a.name}' removed`);
        } else {
          sink.add('FIELD_REMOVED', s, `Field '${a.name}' removed`);
        }
      } else if (a === undefined && b !== undefined) {
        if (realOneof(b) !== null)
          sink.add(
            'ONEOF_FIELD_ADDED',
            s,
            `Field '${b.name}' added to oneof '${realOneof(b)?.name}'`,
          );
        else if (fieldLabel(b) === 'required')
          sink.add('REQUIRED_FIELD_ADDED', s, `Required field '${b.name}' added`);
        else sink.add('FIELD_ADDED', s, `Field '${b.name}' added`);
        if (inRanges(o.reserved, id))
          sink.add(
            'RESERVED_FIELD_REUSED',
            s,
            `Field '${b.name}' uses number ${id}, which the original schema reserves`,
          );
        else if (inRanges(o.reserved, b.name))
          sink.add(
            'RESERVED_FIELD_REUSED',
            s,
            `Field '${b.name}' uses a name the original schema reserves`,
          );
      } else if (a !== undefined && b !== undefined) {
        compareField(a, b, s, sink);
      }
    }
  };

  const originalPackage = findProtobufPackage(original);
  const updatePackage = findProtobufPackage(update);
  const root: ProtobufScope = { fullPath: '#/', path: '' };
  const rootSink = sinkFor(out);
  if (originalPackage.name !== updatePackage.name) {
    rootSink.add(
      'PACKAGE_CHANGED',
      root,
      `Package changed from '${originalPackage.name}' to '${updatePackage.name}'`,
    );
  }
  const messageScope = (type: protobuf.Type): ProtobufScope => {
    const names = localName(type);
    return { fullPath: `#/${names.join('/')}`, path: names.join('.') };
  };
  const ownedByMainFile = (type: protobuf.Type): boolean => {
    let top: protobuf.Namespace = type;
    while (top.parent instanceof protobuf.Type) top = top.parent;
    return top.parent === updatePackage.namespace && updatePackage.owns(top);
  };
  compareDefinitions(originalPackage.namespace, updatePackage.namespace, root, rootSink, out, {
    original: originalPackage.owns,
    update: updatePackage.owns,
  });
  return out;
}

/** A type's name within its package: enclosing message names and its own (`Outer.Inner`). */
function localName(type: protobuf.Type): string[] {
  const names = [type.name];
  for (let at = type.parent; at instanceof protobuf.Type; at = at.parent) names.unshift(at.name);
  return names;
}

function parentPath(scope: ProtobufScope, name: string): string {
  const dot = scope.path.lastIndexOf('.');
  return dot < 0 ? name : `${scope.path.slice(0, dot)}.${name}`;
}

function fieldScope(
  scope: ProtobufScope,
  id: number,
  name: string,
  oneof: protobuf.OneOf | null | undefined,
): ProtobufScope {
  const base = oneof ? child(scope, oneof.name, '') : scope;
  return {
    fullPath: `${base.fullPath}/${id}`,
    path: scope.path === '' ? name : `${scope.path}.${name}`,
  };
}

export type { ProtobufDifferenceType };
