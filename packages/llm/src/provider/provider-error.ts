import { isProvider, PROVIDERS, type Provider } from './providers.ts';

/** Stable codes of the errors thrown by the provider lint and transform. */
export const PROVIDER_ERROR_CODES = Object.freeze({
  /** The provider name is not one of {@link PROVIDERS}. */
  UNKNOWN_PROVIDER: 'UNKNOWN_PROVIDER',
  /** The schema is not a JSON Schema object or boolean. */
  INVALID_SCHEMA: 'INVALID_SCHEMA',
  /** The schema exceeds the walk budget (node count or nesting), so no faithful transform exists. */
  SCHEMA_TOO_LARGE: 'SCHEMA_TOO_LARGE',
  /** Provider output that does not have the shape of the transformed schema. */
  OUTPUT_SHAPE_MISMATCH: 'OUTPUT_SHAPE_MISMATCH',
} as const);

/** One of the {@link PROVIDER_ERROR_CODES}. */
export type ProviderErrorCode = (typeof PROVIDER_ERROR_CODES)[keyof typeof PROVIDER_ERROR_CODES];

/** The error thrown by the provider functions for bad arguments, with a stable `code`. */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  readonly code: ProviderErrorCode;
  /** JSON pointer of the offending location, when there is one. */
  readonly path: string | undefined;

  constructor(code: ProviderErrorCode, message: string, path?: string) {
    super(message);
    this.code = code;
    this.path = path;
  }
}

/**
 * Returns `provider` typed as a {@link Provider}, or throws `UNKNOWN_PROVIDER` naming the known ones.
 *
 * @example
 * ```ts
 * assertProvider('gemini'); // 'gemini'
 * assertProvider('llama'); // throws ProviderError { code: 'UNKNOWN_PROVIDER' }
 * ```
 */
export function assertProvider(provider: unknown): Provider {
  if (isProvider(provider)) return provider;
  throw new ProviderError(
    PROVIDER_ERROR_CODES.UNKNOWN_PROVIDER,
    `Unknown provider ${JSON.stringify(provider)}; known providers: ${PROVIDERS.join(', ')}`,
  );
}
