import { type CompatibilityReport, isRegistryError, type RegistryError } from '@llmsr/core';
import type { Context } from 'hono';
import { internalError } from '../internal-error.js';
import { ConfluentError, confluentStatus } from './confluent-error.js';
import { toConfluentErrorCode } from './confluent-error-codes.js';
import { confluentJsonWithStatus } from './confluent-json.js';
import { confluentViolationMessages } from './confluent-violation-messages.js';

/** The body of every Confluent API error. */
export interface ConfluentErrorBody {
  error_code: number;
  message: string;
}

/** Turn anything thrown by a Confluent route into `{ error_code, message }` with its status. */
export function confluentErrorResponse(c: Context, error: unknown): Response {
  const body = toErrorBody(c, error);
  return confluentJsonWithStatus(c, body, confluentStatus(body.error_code));
}

function toErrorBody(c: Context, error: unknown): ConfluentErrorBody {
  if (error instanceof ConfluentError)
    return { error_code: error.errorCode, message: error.message };
  if (isRegistryError(error) && error.code === 'STORAGE_UNAVAILABLE') {
    console.error(
      JSON.stringify({
        level: 'error',
        msg: 'storage unavailable (Confluent API)',
        request_id: c.get('requestId' as never),
        error: String(error.cause ?? error),
      }),
    );
  }
  const registryError =
    isRegistryError(error) && error.code !== 'INTERNAL'
      ? error
      : internalError(c, error, 'Confluent');
  return { error_code: toConfluentErrorCode(registryError), message: messageOf(registryError) };
}

function messageOf(error: RegistryError): string {
  const report = error.details.report as CompatibilityReport | undefined;
  if (error.code === 'INCOMPATIBLE_SCHEMA' && report) {
    const subject = String(error.details.subject ?? '');
    const details = confluentViolationMessages(report).join(', ');
    return `Schema being registered is incompatible with an earlier schema for subject "${subject}", details: [${details}]`;
  }
  return error.message;
}
