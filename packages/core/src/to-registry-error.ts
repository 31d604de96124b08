import { StorageError, type StorageErrorCode } from '@llmsr/storage';
import { type ErrorCode, isRegistryError, RegistryError } from './registry-error.js';

const STORAGE_CODES: Record<StorageErrorCode, ErrorCode> = {
  NOT_SOFT_DELETED: 'NOT_SOFT_DELETED',
  REFERENCED: 'REFERENCED',
  VERSION_CONFLICT: 'CONFLICT',
  ID_CONFLICT: 'CONFLICT',
  INVALID_URL: 'INVALID_INPUT',
  DRIVER_MISSING: 'STORAGE_UNAVAILABLE',
  UNAVAILABLE: 'STORAGE_UNAVAILABLE',
};

/**
 * Normalise anything thrown below the registry into a {@link RegistryError}: storage errors by
 * their code, stack overflows on hostile input as `INVALID_INPUT`, the rest as `INTERNAL`.
 */
export function toRegistryError(error: unknown): RegistryError {
  if (isRegistryError(error)) return error;
  if (error instanceof StorageError) {
    return new RegistryError(STORAGE_CODES[error.code], error.message, error.details, {
      cause: error,
    });
  }
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return new RegistryError('INVALID_INPUT', 'Input is nested too deeply', {}, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new RegistryError('INTERNAL', `Internal error: ${message}`, {}, { cause: error });
}
