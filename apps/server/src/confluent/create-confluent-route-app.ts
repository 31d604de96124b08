import type { OpenAPIHono } from '@hono/zod-openapi';
import { RegistryError } from '@llmsr/core';
import type { z } from 'zod';
import { createRouteApp } from '../openapi/create-route-app.js';
import { ConfluentError } from './confluent-error.js';
import { confluentFieldError } from './confluent-field-errors.js';

/**
 * What a request the Confluent schemas refuse answers: a body field answers Confluent's code
 * for it (see {@link confluentFieldError}); a body that is no JSON object answers 400 as before.
 * Path and query parameters are declared as plain strings and read as Confluent reads them, so
 * they are never refused here.
 */
function confluentValidationHook(result: { success: boolean; error?: z.ZodError }): void {
  if (result.success || !result.error) return;
  const issue = result.error.issues[0];
  const field = issue?.path[0];
  if (field === undefined) {
    throw new RegistryError('INVALID_INPUT', 'The request body must be a JSON object', {});
  }
  if (typeof field === 'string') throw confluentFieldError(field);
  throw new ConfluentError(400, issue?.message ?? 'Invalid request');
}

/**
 * A Confluent sub-app whose routes are declared with `createRoute` and mounted with `addRoute`
 * (documented in `/openapi.json`), refusing requests with Confluent's codes.
 */
export function createConfluentRouteApp(): OpenAPIHono {
  return createRouteApp(confluentValidationHook as never);
}
