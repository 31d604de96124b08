import type { Registry } from '@llmsr/core';
import { Hono } from 'hono';
import type { BodyLimits } from '../server-options.js';

/** The Confluent Schema Registry compatible API, mounted at the root. */
export function confluentRoutes(_registry: Registry, _limits: BodyLimits): Hono {
  return new Hono();
}
