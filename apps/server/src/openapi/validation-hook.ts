import type { z } from 'zod';
import { invalidInput } from './invalid-input.js';

/**
 * The `defaultHook` of every REST sub-app: a request the schemas refuse throws `INVALID_INPUT`
 * (see {@link invalidInput}), which the app's error handler turns into the usual error body, so
 * a validation failure reads exactly like one the registry raises.
 */
export function validationHook(result: { success: true } | { success: false; error: z.ZodError }) {
  if (!result.success) throw invalidInput(result.error);
}
