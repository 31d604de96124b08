/** Confluent's Protobuf `Difference.Type` values (`protobuf-provider/.../diff/Difference.java`). */
export type ProtobufDifferenceType =
  | 'PACKAGE_CHANGED'
  | 'MESSAGE_ADDED'
  | 'MESSAGE_REMOVED'
  | 'MESSAGE_MOVED'
  | 'ENUM_ADDED'
  | 'ENUM_REMOVED'
  | 'ENUM_CONST_ADDED'
  | 'ENUM_CONST_CHANGED'
  | 'ENUM_CONST_REMOVED'
  | 'FIELD_ADDED'
  | 'FIELD_REMOVED'
  | 'FIELD_NAME_CHANGED'
  | 'FIELD_KIND_CHANGED'
  | 'FIELD_SCALAR_KIND_CHANGED'
  | 'FIELD_NAMED_TYPE_CHANGED'
  | 'FIELD_NUMERIC_LABEL_CHANGED'
  | 'FIELD_STRING_OR_BYTES_LABEL_CHANGED'
  | 'REQUIRED_FIELD_ADDED'
  | 'REQUIRED_FIELD_REMOVED'
  | 'ONEOF_ADDED'
  | 'ONEOF_REMOVED'
  | 'ONEOF_FIELD_ADDED'
  | 'ONEOF_FIELD_REMOVED'
  | 'ONEOF_FIELD_MOVED_TO_TOP_LEVEL'
  | 'MULTIPLE_FIELDS_MOVED_TO_ONEOF'
  | 'FIELD_MOVED_TO_EXISTING_ONEOF';

/**
 * Checks beyond Confluent's catalogue, reported as warnings: a reader that uses a field or enum
 * number (or name) the writer reserves.
 */
export type ProtobufWarningType = 'RESERVED_FIELD_REUSED' | 'RESERVED_ENUM_VALUE_REUSED';

/** A documentation-only change (a `/** *\/` or `///` comment), outside Confluent's catalogue; always compatible. */
export type ProtobufAnnotationType = 'DOC_CHANGED';

/** One difference between an original (writer) and an updated (reader) `.proto` schema. */
export interface ProtobufDifference {
  type: ProtobufDifferenceType | ProtobufWarningType | ProtobufAnnotationType;
  /** Confluent's path: `#/`, `#/Message/Nested/3`, `#/Message/oneofName/3`, `#/Enum/1`. */
  fullPath: string;
  /** Readable path in the update (or the original when gone): `User.address.zip`, `Color.RED`. */
  path: string;
  /** Readable path in the original, when it differs. */
  originalPath?: string;
  message: string;
}

/** `SchemaDiff.COMPATIBLE_CHANGES` of the current Confluent code (includes `ONEOF_FIELD_MOVED_TO_TOP_LEVEL`). */
export const PROTOBUF_COMPATIBLE_CHANGES: ReadonlySet<ProtobufDifferenceType> = new Set([
  'MESSAGE_ADDED',
  'MESSAGE_MOVED',
  'ENUM_ADDED',
  'ENUM_REMOVED',
  'ENUM_CONST_ADDED',
  'ENUM_CONST_CHANGED',
  'ENUM_CONST_REMOVED',
  'FIELD_ADDED',
  'FIELD_REMOVED',
  'FIELD_NAME_CHANGED',
  'FIELD_STRING_OR_BYTES_LABEL_CHANGED',
  'ONEOF_ADDED',
  'ONEOF_REMOVED',
  'ONEOF_FIELD_ADDED',
  'ONEOF_FIELD_MOVED_TO_TOP_LEVEL',
]);

const WARNINGS: ReadonlySet<string> = new Set([
  'RESERVED_FIELD_REUSED',
  'RESERVED_ENUM_VALUE_REUSED',
]);

/** How a difference counts: compatible, incompatible, or a warning (outside Confluent's catalogue). */
export function protobufDifferenceSeverity(
  type: ProtobufDifference['type'],
): 'compatible' | 'incompatible' | 'warning' {
  if (WARNINGS.has(type)) return 'warning';
  if (type === 'DOC_CHANGED') return 'compatible';
  return PROTOBUF_COMPATIBLE_CHANGES.has(type as ProtobufDifferenceType)
    ? 'compatible'
    : 'incompatible';
}
