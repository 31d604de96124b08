import protobuf from 'protobufjs';
import { childScope, type ProtobufDiffSink, type ProtobufScope } from './protobuf-diff-sink.js';
import {
  fieldKind,
  fieldLabel,
  isStringOrBytes,
  realOneof,
  scalarGroup,
  valueKind,
} from './protobuf-field-kind.js';

type Resolved = protobuf.Type | protobuf.Enum | null;

/** Compares the message types of two message-typed fields (or map values) with the same tag. */
export type ProtobufNamedTypeComparer = (
  original: protobuf.Type,
  update: protobuf.Type,
  scope: ProtobufScope,
  sink: ProtobufDiffSink,
  what: string,
) => void;

function isReserved(reserved: (number[] | string)[] | undefined, id: number | string): boolean {
  return (reserved ?? []).some((r) =>
    typeof r === 'string'
      ? r === id
      : typeof id === 'number' && id >= (r[0] ?? 0) && id <= (r[1] ?? 0),
  );
}

function fieldScope(scope: ProtobufScope, field: protobuf.Field): ProtobufScope {
  const oneof = realOneof(field);
  const base = oneof === null ? scope : childScope(scope, oneof.name, '');
  return {
    fullPath: `${base.fullPath}/${field.id}`,
    path: scope.path === '' ? field.name : `${scope.path}.${field.name}`,
  };
}

/** A map's key or value: Confluent reports at the field's path, the readable path names the part. */
function mapPart(s: ProtobufScope, part: 'key' | 'value'): ProtobufScope {
  return { fullPath: s.fullPath, path: `${s.path}.${part}` };
}

function compareValue(
  o: { type: string; resolved: Resolved },
  u: { type: string; resolved: Resolved },
  s: ProtobufScope,
  sink: ProtobufDiffSink,
  what: string,
  named: ProtobufNamedTypeComparer,
): void {
  const ok = valueKind(o.resolved);
  const uk = valueKind(u.resolved);
  if (ok !== uk) {
    sink.add('FIELD_KIND_CHANGED', s, `${what} changed kind from ${ok} to ${uk}`);
  } else if (o.resolved instanceof protobuf.Type && u.resolved instanceof protobuf.Type) {
    named(o.resolved, u.resolved, s, sink, what);
  } else if (scalarGroup(o.type, o.resolved) !== scalarGroup(u.type, u.resolved)) {
    const message = `${what} changed type from ${o.type} to ${u.type}, which is not wire-compatible`;
    sink.add('FIELD_SCALAR_KIND_CHANGED', s, message);
  }
}

/** Confluent's `FieldSchemaDiff` for one tag present on both sides: name, kind, type, label. */
function compareField(
  o: protobuf.Field,
  u: protobuf.Field,
  s: ProtobufScope,
  fieldSink: ProtobufDiffSink,
  named: ProtobufNamedTypeComparer,
): void {
  let sink = fieldSink;
  if (o.name !== u.name) {
    const dot = s.path.lastIndexOf('.');
    const oldPath = dot < 0 ? o.name : `${s.path.slice(0, dot)}.${o.name}`;
    fieldSink.add(
      'FIELD_NAME_CHANGED',
      s,
      `Field ${u.id} renamed from '${o.name}' to '${u.name}'`,
      oldPath,
    );
    // Every other difference of a renamed field also names it as the original schema did.
    sink = {
      add: (type, scope, message, originalPath) =>
        fieldSink.add(
          type,
          scope,
          message,
          originalPath ?? oldPath + scope.path.slice(s.path.length),
        ),
    };
  }
  if ((o.comment ?? null) !== (u.comment ?? null)) {
    sink.add('DOC_CHANGED', s, `Documentation of field '${u.name}' changed`);
  }
  const ok = fieldKind(o);
  const uk = fieldKind(u);
  if (ok !== uk) {
    sink.add('FIELD_KIND_CHANGED', s, `Field '${u.name}' changed kind from ${ok} to ${uk}`);
    return;
  }
  const oValue = { type: o.type, resolved: o.resolvedType };
  const uValue = { type: u.type, resolved: u.resolvedType };
  if (ok === 'MAP') {
    const oKey = (o as unknown as protobuf.MapField).keyType;
    const uKey = (u as unknown as protobuf.MapField).keyType;
    if (scalarGroup(oKey, null) !== scalarGroup(uKey, null)) {
      const message = `Map key of '${u.name}' changed type from ${oKey} to ${uKey}`;
      sink.add('FIELD_SCALAR_KIND_CHANGED', mapPart(s, 'key'), message);
    }
    compareValue(oValue, uValue, mapPart(s, 'value'), sink, `Map value of '${u.name}'`, named);
    return;
  }
  compareValue(oValue, uValue, s, sink, `Field '${u.name}'`, named);
  const ol = fieldLabel(o);
  const ul = fieldLabel(u);
  // Length-delimited messages read repeated and single values alike, so only scalars count.
  if (ol === ul || ok !== 'SCALAR') return;
  const stringOrBytes =
    isStringOrBytes(o.type, o.resolvedType) && isStringOrBytes(u.type, u.resolvedType);
  sink.add(
    stringOrBytes ? 'FIELD_STRING_OR_BYTES_LABEL_CHANGED' : 'FIELD_NUMERIC_LABEL_CHANGED',
    s,
    `Field '${u.name}' changed label from ${ol} to ${ul}`,
  );
}

function removed(
  a: protobuf.Field,
  update: protobuf.Type,
  s: ProtobufScope,
  sink: ProtobufDiffSink,
): void {
  const oneof = realOneof(a);
  if (oneof !== null) {
    // Dropping a whole oneof with all its members only counts as ONEOF_REMOVED.
    const oneofGone = !update.oneofsArray.some((x) => x.name === oneof.name);
    const allGone = oneof.fieldsArray.every((m) => update.fieldsById[m.id] === undefined);
    if (!(oneofGone && allGone)) {
      sink.add('ONEOF_FIELD_REMOVED', s, `Field '${a.name}' removed from oneof '${oneof.name}'`);
    }
  } else if (fieldLabel(a) === 'required') {
    sink.add('REQUIRED_FIELD_REMOVED', s, `Required field '${a.name}' removed`);
  } else {
    sink.add('FIELD_REMOVED', s, `Field '${a.name}' removed`);
  }
}

function added(
  b: protobuf.Field,
  original: protobuf.Type,
  s: ProtobufScope,
  sink: ProtobufDiffSink,
): void {
  const oneof = realOneof(b);
  if (oneof !== null)
    sink.add('ONEOF_FIELD_ADDED', s, `Field '${b.name}' added to oneof '${oneof.name}'`);
  else if (fieldLabel(b) === 'required')
    sink.add('REQUIRED_FIELD_ADDED', s, `Required field '${b.name}' added`);
  else sink.add('FIELD_ADDED', s, `Field '${b.name}' added`);
  if (isReserved(original.reserved, b.id)) {
    sink.add(
      'RESERVED_FIELD_REUSED',
      s,
      `Field '${b.name}' uses number ${b.id}, which the original schema reserves`,
    );
  } else if (isReserved(original.reserved, b.name)) {
    sink.add(
      'RESERVED_FIELD_REUSED',
      s,
      `Field '${b.name}' uses a name the original schema reserves`,
    );
  }
}

/**
 * The fields of two versions of a message, matched by tag number across the whole message
 * (oneof members included): added, removed (required and oneof members apart), and changed.
 */
export function compareProtobufFields(
  original: protobuf.Type,
  update: protobuf.Type,
  scope: ProtobufScope,
  sink: ProtobufDiffSink,
  named: ProtobufNamedTypeComparer,
): void {
  const ids = new Set<number>();
  for (const f of original.fieldsArray) ids.add(f.id);
  for (const f of update.fieldsArray) ids.add(f.id);
  for (const id of ids) {
    const a = original.fieldsById[id];
    const b = update.fieldsById[id];
    if (b === undefined) {
      if (a !== undefined) removed(a, update, fieldScope(scope, a), sink);
    } else if (a === undefined) {
      added(b, original, fieldScope(scope, b), sink);
    } else {
      compareField(a, b, fieldScope(scope, b), sink, named);
    }
  }
}
