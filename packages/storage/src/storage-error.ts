/** Closed set of storage failure codes; the core maps them to `RegistryError` codes. */
export type StorageErrorCode =
  | 'NOT_SOFT_DELETED'
  | 'REFERENCED'
  | 'VERSION_CONFLICT'
  | 'ID_CONFLICT'
  | 'INVALID_URL'
  /** The URL's driver package (better-sqlite3 or pg, optional peer dependencies) is not installed. */
  | 'DRIVER_MISSING'
  | 'UNAVAILABLE';

/** An expected storage failure with a stable code. Anything else thrown by a backend is a bug or an outage. */
export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(
    readonly code: StorageErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
