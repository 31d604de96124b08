import { type CompatibilityLevel as CoreLevel, RegistryError } from '@llmsr/core';
import { CompatibilityLevel } from '@llmsr/proto';

const TO_PROTO: Record<CoreLevel, CompatibilityLevel> = {
  NONE: CompatibilityLevel.NONE,
  BACKWARD: CompatibilityLevel.BACKWARD,
  BACKWARD_TRANSITIVE: CompatibilityLevel.BACKWARD_TRANSITIVE,
  FORWARD: CompatibilityLevel.FORWARD,
  FORWARD_TRANSITIVE: CompatibilityLevel.FORWARD_TRANSITIVE,
  FULL: CompatibilityLevel.FULL,
  FULL_TRANSITIVE: CompatibilityLevel.FULL_TRANSITIVE,
};

/** The proto enum value of a registry compatibility level. */
export function toProtoLevel(level: CoreLevel): CompatibilityLevel {
  return TO_PROTO[level];
}

/**
 * The registry name of a proto compatibility level; `undefined` for UNSPECIFIED (the level in
 * force applies). A number outside the enum is INVALID_INPUT.
 */
export function fromProtoLevel(value: CompatibilityLevel, field: string): CoreLevel | undefined {
  if (value === CompatibilityLevel.UNSPECIFIED) return undefined;
  for (const [name, protoValue] of Object.entries(TO_PROTO)) {
    if (protoValue === value) return name as CoreLevel;
  }
  throw new RegistryError('INVALID_INPUT', `Unknown compatibility level ${value}`, { field });
}
