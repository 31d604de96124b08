import { z } from 'zod';
import { fieldError } from './field-error.js';

/** A string body field whose type error reads `must be a string`. */
export const stringField = () => z.string({ error: fieldError('a string') });

/** A boolean body field (`true or false`). */
export const booleanField = () => z.boolean({ error: fieldError('true or false') });

/** A positive safe integer body field (ids, version numbers). */
export const positiveIntegerField = () =>
  z
    .number({ error: fieldError('a positive integer') })
    .int({ error: fieldError('a positive integer') })
    .min(1, { error: fieldError('a positive integer') })
    .max(Number.MAX_SAFE_INTEGER, { error: fieldError('a positive integer') });

/** A schema id or version selector: a string (guid, `latest`, semver) or a safe integer. */
export const stringOrIntegerField = () =>
  z.union(
    [z.string(), z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER)],
    { error: fieldError('a string or an integer') },
  );
