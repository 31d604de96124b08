import { z } from 'zod';
import { AUDIT_RESULTS, AUTH_ROLES } from '../index.js';
import { flagQuery, integerQuery, textQuery } from './query-fields.js';

/** The body of `POST /api/v1/auth/keys`. */
export const NewApiKeyRequest = z
  .object({
    name: z
      .string({ error: 'must be a string' })
      .trim()
      .min(1, { error: 'must not be empty' })
      .max(200, { error: 'is longer than 200 characters' })
      .meta({ description: 'What the key is for', example: 'ci-pipeline' }),
    role: z
      .enum(AUTH_ROLES, { error: `must be one of ${AUTH_ROLES.join(', ')}` })
      .meta({ description: 'reader, writer or admin' }),
    subjects: z
      .array(
        z
          .string({ error: 'must be a string' })
          .min(1, { error: 'must not be empty' })
          .max(255, { error: 'is longer than 255 characters' }),
      )
      .max(100, { error: 'lists more than 100 prefixes' })
      .optional()
      .meta({
        description: 'Subject prefixes the key is limited to (absent: every subject)',
        example: ['team-a.'],
      }),
  })
  .meta({ id: 'NewApiKeyRequest' });

/** `201` of `POST /api/v1/auth/keys`: the secret, shown once. */
export const CreatedApiKeyBody = z
  .object({
    id: z.string(),
    key: z.string().meta({ description: 'For Authorization: Bearer and X-API-Key' }),
    basic_user: z.string().meta({ description: 'HTTP Basic user (basic.auth.user.info)' }),
    basic_password: z.string().meta({ description: 'HTTP Basic password' }),
  })
  .meta({ id: 'CreatedApiKey' });

/** An API key as listed (never its secret or hash). */
export const ApiKeyBody = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.enum(AUTH_ROLES),
    subjects: z.array(z.string()),
    basic_user: z.string(),
    created_at: z.string().meta({ format: 'date-time' }),
    created_by: z.string().nullable(),
    revoked_at: z.string().nullable().meta({ format: 'date-time' }),
  })
  .meta({ id: 'ApiKey' });

/** `GET /api/v1/auth/keys`. */
export const ApiKeyPage = z
  .object({ total: z.number().int(), items: z.array(ApiKeyBody) })
  .meta({ id: 'ApiKeyPage' });

/** Query of `GET /api/v1/auth/keys`. */
export const ApiKeyListQuery = z.object({
  revoked: flagQuery('Include revoked keys'),
  limit: integerQuery('Most keys returned (default 100, at most 1,000)'),
  offset: integerQuery('Keys skipped'),
});

/** `DELETE /api/v1/auth/keys/{id}`. */
export const RevokedApiKeyBody = z
  .object({ id: z.string(), revoked: z.literal(true) })
  .meta({ id: 'RevokedApiKey' });

/** One audit entry. */
export const AuditEntryBody = z
  .object({
    id: z.string(),
    time: z.string().meta({ format: 'date-time' }),
    principal: z
      .string()
      .meta({ description: 'key:<id>, jwt:<sub>, admin:bootstrap or anonymous' }),
    action: z.string(),
    subject: z.string().nullable(),
    result: z.enum(AUDIT_RESULTS),
    client_address: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });

/** `GET /api/v1/audit`. */
export const AuditPage = z
  .object({
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    items: z.array(AuditEntryBody),
  })
  .meta({ id: 'AuditPage' });

/** Query of `GET /api/v1/audit`: every given filter must match; newest first. */
export const AuditQueryParams = z.object({
  principal: textQuery('Only this principal (e.g. key:0123abcd...)', 300),
  action: textQuery('Only this action (e.g. schema.register)', 100),
  subject: textQuery('Only this subject', 1_000),
  result: z
    .enum(AUDIT_RESULTS, { error: `must be one of ${AUDIT_RESULTS.join(', ')}` })
    .optional()
    .meta({ description: 'ok, denied or error' }),
  since: textQuery('Entries at or after this ISO-8601 time', 40),
  until: textQuery('Entries before this ISO-8601 time', 40),
  limit: integerQuery('Most entries returned (default 100, at most 1,000)'),
  offset: integerQuery('Entries skipped'),
});
