import { createRegistry, type Registry } from '@llmsr/core';
import type { Hono } from 'hono';
import { createApp } from '../src/create-app.js';
import type { BodyLimits } from '../src/server-options.js';

/** An in-process app over a fresh memory registry. */
export async function createTestApp(
  limits?: Partial<BodyLimits>,
): Promise<{ app: Hono; registry: Registry }> {
  const registry = await createRegistry({ storage: 'memory:' });
  return { app: createApp({ registry, ...(limits ? { limits } : {}) }), registry };
}

/** Send a JSON request (a string body is sent as is). */
export async function send(
  app: Hono,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> & unknown[] }> {
  const init: RequestInit = { method, headers: { 'content-type': 'application/json' } };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const response = await app.request(path, init);
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`non-JSON response ${response.status}: ${text.slice(0, 200)}`);
  }
  return { status: response.status, json: json as Record<string, unknown> & unknown[] };
}

/** A small JSON Schema used across the tests. */
export const personSchema = {
  type: 'object',
  properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 0 } },
  required: ['name'],
};
