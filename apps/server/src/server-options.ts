import type { Registry } from '@llmsr/core';

/** Request body limits in bytes. */
export interface BodyLimits {
  /** Bodies carrying a schema (register, check, validate schema): 1 MB by default. */
  schemaBytes: number;
  /** Bodies carrying data to validate: 10 MB by default. */
  dataBytes: number;
}

/** Options of {@link createApp}. */
export interface AppOptions {
  registry: Registry;
  limits?: Partial<BodyLimits>;
}

/** Defaults of {@link BodyLimits}. */
export const DEFAULT_LIMITS: BodyLimits = { schemaBytes: 1_000_000, dataBytes: 10_000_000 };
