import { type SchemaType as CoreSchemaType, RegistryError } from '@llmsr/core';
import { SchemaType } from '@llmsr/proto';

const TO_PROTO: Record<CoreSchemaType, SchemaType> = {
  JSON: SchemaType.JSON,
  AVRO: SchemaType.AVRO,
  PROTOBUF: SchemaType.PROTOBUF,
};

/** The proto enum value of a registry schema type. */
export function toProtoSchemaType(type: CoreSchemaType): SchemaType {
  return TO_PROTO[type];
}

/**
 * The registry name of a proto schema type; `undefined` for UNSPECIFIED (the registry default
 * applies). A number outside the enum (a newer or hostile client) is INVALID_INPUT.
 */
export function fromProtoSchemaType(value: SchemaType, field: string): CoreSchemaType | undefined {
  if (value === SchemaType.UNSPECIFIED) return undefined;
  for (const [name, protoValue] of Object.entries(TO_PROTO)) {
    if (protoValue === value) return name as CoreSchemaType;
  }
  throw new RegistryError('INVALID_INPUT', `Unknown schema type ${value}`, { field });
}
