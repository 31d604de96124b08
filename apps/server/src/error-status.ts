import { ERROR_REST_STATUS, type ErrorCode, type ErrorHttpStatus } from '@llmsr/spec';

/**
 * HTTP status of every registry error code: `@llmsr/spec`'s one exhaustive table (a new code
 * fails to compile until it is mapped there), under the name this app has always exported.
 */
export const ERROR_STATUS: Readonly<Record<ErrorCode, ErrorHttpStatus>> = ERROR_REST_STATUS;
