import type { ErrorBody } from '@llmsr/spec/rest';
import type { CompatibilityViolation } from './client-types.js';
import {
  IncompatibleSchemaError,
  isAuthErrorCode,
  RegistryAuthError,
  RegistryClientError,
} from './registry-client-error.js';
import { toCamelCase } from './to-camel-case.js';

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Map one violation of an error's report (camelCase or snake_case) to a {@link CompatibilityViolation}.
 * Error details are free-form, so this reads leniently: a missing text is `UNKNOWN` or empty;
 * only a violation that is not an object is an `INVALID_RESPONSE`.
 */
function toViolation(raw: unknown): CompatibilityViolation {
  const camel = toCamelCase(raw);
  if (camel === null || typeof camel !== 'object' || Array.isArray(camel)) {
    throw new RegistryClientError(
      'INVALID_RESPONSE',
      "The server's compatibility violation is not a JSON object",
      undefined,
    );
  }
  const v = camel as Record<string, unknown>;
  const text = (key: string) => (typeof v[key] === 'string' ? (v[key] as string) : undefined);
  return {
    rule: text('rule') ?? 'UNKNOWN',
    path: text('path') ?? '',
    oldPath: text('oldPath'),
    message: text('message') ?? '',
    severity: text('severity'),
    direction: text('direction'),
    comparedVersion: typeof v.comparedVersion === 'number' ? v.comparedVersion : undefined,
    fix: text('fix'),
  };
}

function violationsOf(details: Record<string, unknown>): CompatibilityViolation[] {
  const report = details.report;
  if (report === null || typeof report !== 'object') return [];
  const violations = (report as { violations?: unknown }).violations;
  return Array.isArray(violations) ? violations.map(toViolation) : [];
}

/**
 * The error of a registry error code, message and (snake_case) details, whatever the transport:
 * details are camelCased, and a 409 `INCOMPATIBLE_SCHEMA` becomes an
 * {@link IncompatibleSchemaError} carrying the report's violations.
 */
export function registryErrorOf(
  code: string,
  message: string,
  status: number | undefined,
  details: unknown,
): RegistryClientError {
  const detailObject =
    details !== null && typeof details === 'object' && !Array.isArray(details)
      ? (toCamelCase(details) as Record<string, unknown>)
      : {};
  if (status === 409 && code === 'INCOMPATIBLE_SCHEMA') {
    return new IncompatibleSchemaError(message, violationsOf(detailObject), detailObject);
  }
  if (isAuthErrorCode(code)) return new RegistryAuthError(code, message, status, detailObject);
  return new RegistryClientError(code, message, status, detailObject);
}

/**
 * The error of a non-2xx response: the server's `{ error_code, message, details }` when the body
 * has that shape (409 `INCOMPATIBLE_SCHEMA` becomes an {@link IncompatibleSchemaError}, 401 and
 * 403 a {@link RegistryAuthError}), else an `HTTP_ERROR` quoting the start of the body; a bare 401
 * or 403 (from a proxy in front of the registry, say) is still a {@link RegistryAuthError}.
 */
export function errorFromResponse(status: number, text: string): RegistryClientError {
  const body = parseJson(text);
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
    // Read leniently (any body with a string error_code is the server's), but by the wire names.
    const { error_code: code, message, details } = body as { [K in keyof ErrorBody]?: unknown };
    if (typeof code === 'string') {
      const text = typeof message === 'string' ? message : `${code} (HTTP ${status})`;
      return registryErrorOf(code, text, status, details);
    }
  }
  if (status === 401 || status === 403) {
    const code = status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN';
    return new RegistryAuthError(
      code,
      `The server answered HTTP ${status} (${status === 401 ? 'no or invalid credentials' : 'not allowed'}) without an llmsr error body`,
      status,
      { body: text.slice(0, 200) },
    );
  }
  return new RegistryClientError(
    'HTTP_ERROR',
    `The server answered HTTP ${status} without an llmsr error body`,
    status,
    { body: text.slice(0, 200) },
  );
}
