import { ErrorBody } from '@llmsr/spec/rest';

/** What each error status means across the native API. */
const DESCRIPTIONS = {
  400: 'Invalid input (INVALID_INPUT): a missing or mistyped field, malformed JSON',
  401: 'Credentials missing or invalid, with auth on (UNAUTHENTICATED)',
  403: "The principal's role or subject prefixes do not allow this (FORBIDDEN)",
  404: 'Not found (SUBJECT_NOT_FOUND, VERSION_NOT_FOUND, SCHEMA_NOT_FOUND, ...)',
  409: 'Conflict (INCOMPATIBLE_SCHEMA, REFERENCED, NOT_SOFT_DELETED, CONFLICT)',
  413: 'The request body is larger than the limit (PAYLOAD_TOO_LARGE)',
  422: 'Unprocessable (INVALID_SCHEMA, INVALID_VERSION, INVALID_COMPATIBILITY_LEVEL, ...)',
  429: 'Rate limited (RATE_LIMITED); see Retry-After',
  500: 'Internal error (INTERNAL), naming the request id',
  503: 'Storage unavailable or too many streams',
} as const;

/** An error status documented by {@link errorResponses}. */
export type ErrorStatus = keyof typeof DESCRIPTIONS;

const content = { 'application/json': { schema: ErrorBody } };

type Always = 401 | 403 | 429 | 500 | 503;

/**
 * The `responses` entries of the error statuses a route answers, each with the error body;
 * 401 and 403 (with auth on), 429 (rate limit), 500 and 503 are added to every route, since any
 * route can answer them.
 */
export function errorResponses<S extends ErrorStatus>(...statuses: S[]) {
  const out = {} as Record<S | Always, { description: string; content: typeof content }>;
  for (const status of [...statuses, 401, 403, 429, 500, 503] as (S | Always)[]) {
    out[status] = { description: DESCRIPTIONS[status], content };
  }
  return out;
}
