import protobuf from 'protobufjs';

/** Confluent's field kinds: scalars (enums included), messages and maps. */
export type ProtobufFieldKind = 'SCALAR' | 'MESSAGE' | 'MAP';

/** Field labels; proto3 implicit presence and `optional` are both `optional`. */
export type ProtobufLabel = 'optional' | 'repeated' | 'required';

const GROUPS: Record<string, string> = {
  int32: 'varint',
  int64: 'varint',
  uint32: 'varint',
  uint64: 'varint',
  bool: 'varint',
  sint32: 'zigzag',
  sint64: 'zigzag',
  string: 'length-delimited',
  bytes: 'length-delimited',
  fixed32: 'fixed32',
  sfixed32: 'fixed32',
  fixed64: 'fixed64',
  sfixed64: 'fixed64',
  float: 'float',
  double: 'double',
};

/** The kind of a field's value type (`type` name plus its resolved type, if any). */
export function valueKind(resolved: protobuf.Type | protobuf.Enum | null): 'SCALAR' | 'MESSAGE' {
  return resolved instanceof protobuf.Type ? 'MESSAGE' : 'SCALAR';
}

/** The kind of a field. */
export function fieldKind(field: protobuf.Field): ProtobufFieldKind {
  return field.map ? 'MAP' : valueKind(field.resolvedType);
}

/**
 * The wire-compatibility group of a scalar type: types in one group read each other's data
 * (enums read as varints). Unknown names get their own group.
 */
export function scalarGroup(type: string, resolved: protobuf.Type | protobuf.Enum | null): string {
  if (resolved instanceof protobuf.Enum) return 'varint';
  return GROUPS[type] ?? `other:${type}`;
}

/** True for string and bytes, whose label changes Confluent accepts. */
export function isStringOrBytes(
  type: string,
  resolved: protobuf.Type | protobuf.Enum | null,
): boolean {
  return resolved === null && (type === 'string' || type === 'bytes');
}

/** The label of a field; editions' `LEGACY_REQUIRED` presence counts as `required`. */
export function fieldLabel(field: protobuf.Field): ProtobufLabel {
  const rule = (field as { rule?: string }).rule;
  if (rule === 'repeated' || field.repeated) return 'repeated';
  if (rule === 'required' || (field as { required?: boolean }).required === true) return 'required';
  return 'optional';
}

/** The oneof a field belongs to, ignoring the synthetic oneofs of proto3 `optional` fields. */
export function realOneof(field: protobuf.Field): protobuf.OneOf | null {
  const oneof = field.partOf;
  return oneof === null || oneof.isProto3Optional ? null : oneof;
}
