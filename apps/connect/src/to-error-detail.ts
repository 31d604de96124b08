import type { JsonObject, MessageInitShape } from '@bufbuild/protobuf';
import type { RegistryError } from '@llmsr/core';
import type { ErrorDetailSchema } from '@llmsr/proto';

/** The `ErrorDetail` message of a registry error (details reduced to what JSON can carry). */
export function toErrorDetail(error: RegistryError): MessageInitShape<typeof ErrorDetailSchema> {
  return { code: error.code, message: error.message, details: toJsonObject(error.details) };
}

function toJsonObject(details: Record<string, unknown>): JsonObject {
  try {
    // Struct holds JSON only: undefined fields vanish, non-finite numbers become null.
    const json: unknown = JSON.parse(JSON.stringify(details));
    return typeof json === 'object' && json !== null && !Array.isArray(json)
      ? (json as JsonObject)
      : {};
  } catch {
    // Cyclic or BigInt details: the code and message still tell the client what happened.
    return {};
  }
}
