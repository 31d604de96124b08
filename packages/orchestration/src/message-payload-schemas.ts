import { createInlineSchemaResolver } from './create-inline-schema-resolver.js';

/**
 * Built-in payload schemas per message type, used when the caller registers none. They fix the
 * few fields the orchestrator itself reads (an error's `type` and `message`, a status update's
 * `status`) and leave the rest open.
 */
export const DEFAULT_MESSAGE_PAYLOAD_SCHEMAS = Object.freeze({
  execute: {
    type: 'object',
    required: ['action'],
    properties: { action: { type: 'string', minLength: 1 }, input: true },
  },
  result: { type: 'object', required: ['output'], properties: { output: true } },
  error: {
    type: 'object',
    required: ['type', 'message'],
    properties: { type: { type: 'string', minLength: 1 }, message: { type: 'string' } },
  },
  status_update: {
    type: 'object',
    required: ['status'],
    properties: {
      status: { enum: ['starting', 'running', 'paused', 'completed', 'failed'] },
      progress: { type: 'number', minimum: 0, maximum: 1 },
    },
  },
  custom: { type: 'object' },
} as const);

/** The resolver over {@link DEFAULT_MESSAGE_PAYLOAD_SCHEMAS}, subjects `message.<type>`, version 1. */
export const defaultPayloadResolver = createInlineSchemaResolver(
  Object.fromEntries(
    Object.entries(DEFAULT_MESSAGE_PAYLOAD_SCHEMAS).map(([type, schema]) => [
      `message.${type}`,
      { 1: schema as unknown as Record<string, unknown> },
    ]),
  ),
);
