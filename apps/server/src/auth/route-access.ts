import type { AuthAction } from '@llmsr/spec';
import type { Context } from 'hono';
import { confluentFlag } from '../confluent/parse-confluent-version.js';

/**
 * Who may call a route, declared beside it so no route can be added without a decision:
 * - `{ public: ... }`: anyone (the documented exceptions: `/health`, `/metrics` when its setting
 *   allows, the API description and docs);
 * - `{ action }`: the `AuthAction` it performs (or a function of the request, when a flag such as
 *   `permanent=true` changes it), with how to read the subject or schema id it acts on once the
 *   request is validated.
 */
export type RouteAccess =
  | { public: string }
  | {
      action: AuthAction | ((c: Context) => AuthAction);
      /** Every action the route can perform (for a function `action`), as documented. */
      actions?: readonly AuthAction[];
      subject?: (c: Context) => string | undefined;
      schemaId?: (c: Context) => number | string | undefined;
    };

/** The `{subject}` path parameter. */
export const subjectParam = (c: Context): string | undefined => c.req.param('subject');

/** The `{id}` path parameter: a schema id, or a guid where the route takes one. */
export const schemaIdParam = (c: Context): number | string | undefined => {
  const raw = c.req.param('id');
  if (raw === undefined) return undefined;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : raw;
};

/** The actions a route declares, for `/openapi.json` and the route-enumeration test. */
export function declaredActions(access: RouteAccess): readonly string[] {
  if ('public' in access) return ['public'];
  return typeof access.action === 'function' ? (access.actions ?? []) : [access.action];
}

/** The `subject` field of the validated JSON body. */
export const bodySubject = (c: Context): string | undefined => {
  const body = c.req.valid('json' as never) as { subject?: unknown } | undefined;
  return typeof body?.subject === 'string' ? body.subject : undefined;
};

/** The `schema_id` field of the validated JSON body. */
export const bodySchemaId = (c: Context): number | undefined => {
  const body = c.req.valid('json' as never) as { schema_id?: unknown } | undefined;
  return typeof body?.schema_id === 'number' ? body.schema_id : undefined;
};

/** `permanent=true` makes a delete permanent (admin), else soft (writer). */
export const deleteAction = {
  action: (c: Context) =>
    (c.req.valid('query' as never) as { permanent?: boolean }).permanent
      ? ('subject.delete.permanent' as const)
      : ('subject.delete.soft' as const),
  actions: ['subject.delete.soft', 'subject.delete.permanent'],
} as const;

/** Confluent's `permanent=true` query flag makes a delete permanent (admin), else soft (writer). */
export const confluentDeleteAction = {
  action: (c: Context) =>
    confluentFlag(c.req.query('permanent'))
      ? ('subject.delete.permanent' as const)
      : ('subject.delete.soft' as const),
  actions: ['subject.delete.soft', 'subject.delete.permanent'],
} as const;
