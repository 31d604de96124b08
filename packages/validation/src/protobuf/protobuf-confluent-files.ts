/**
 * Confluent's own `.proto` files, which Confluent's registry resolves without a reference
 * (like the google/protobuf ones): `confluent/meta.proto` (the `Meta` annotation for files,
 * messages, fields, enums and enum values, all at extension number 1088) and
 * `confluent/type/decimal.proto` (an arbitrary-precision decimal). Written from their public
 * definitions; only what changes meaning is kept (no language-specific file options).
 */
const CONFLUENT_FILES: Readonly<Record<string, string>> = {
  'confluent/meta.proto': `syntax = "proto3";
package confluent;
import "google/protobuf/descriptor.proto";
message Meta {
  string doc = 1;
  map<string, string> params = 2;
  repeated string tags = 3;
}
extend google.protobuf.FileOptions { Meta file_meta = 1088; }
extend google.protobuf.MessageOptions { Meta message_meta = 1088; }
extend google.protobuf.FieldOptions { Meta field_meta = 1088; }
extend google.protobuf.EnumOptions { Meta enum_meta = 1088; }
extend google.protobuf.EnumValueOptions { Meta enum_value_meta = 1088; }
`,
  'confluent/type/decimal.proto': `syntax = "proto3";
package confluent.type;
message Decimal {
  bytes value = 1;
  uint32 precision = 2;
  int32 scale = 3;
}
`,
};

/** The `.proto` text of a built-in Confluent import path, or `undefined` for other paths. */
export function confluentFileSource(path: string): string | undefined {
  return Object.hasOwn(CONFLUENT_FILES, path) ? CONFLUENT_FILES[path] : undefined;
}
