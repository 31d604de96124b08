import { createRegistry, ERROR_CODES, type Registry, RegistryError } from '@llmsr/core';
import { describe, expect, it } from 'vitest';
import { confluentStatus } from '../src/confluent/confluent-error.js';
import {
  CONFLUENT_ERROR_CODES,
  toConfluentErrorCode,
} from '../src/confluent/confluent-error-codes.js';
import { createApp } from '../src/create-app.js';

describe('the Confluent error code table', () => {
  it('maps every registry code to a Confluent code whose status is an HTTP error status', () => {
    for (const code of ERROR_CODES) {
      expect(CONFLUENT_ERROR_CODES[code]).toBeDefined();
      const confluent = toConfluentErrorCode(new RegistryError(code, 'x'));
      expect(confluentStatus(confluent)).toBeGreaterThanOrEqual(400);
      expect(confluentStatus(confluent)).toBeLessThan(600);
    }
  });

  it.each([
    ['SUBJECT_NOT_FOUND', {}, 40401],
    ['SUBJECT_NOT_FOUND', { softDeleted: true }, 40404],
    ['VERSION_NOT_FOUND', {}, 40402],
    ['SCHEMA_NOT_FOUND', {}, 40403],
    ['NOT_SOFT_DELETED', {}, 40405],
    ['NOT_SOFT_DELETED', { version: 2 }, 40407],
    ['INVALID_INPUT', { field: 'subject' }, 42208],
    ['INVALID_INPUT', { field: 'schema_type' }, 42201],
    ['INVALID_INPUT', { field: 'references[3]' }, 42201],
    ['INVALID_INPUT', { field: 'compatibilityPolicy' }, 42203],
    ['INVALID_INPUT', { field: 'jsonSchemaDefaultDraft' }, 42203],
    ['INVALID_INPUT', { field: 'body' }, 400],
    ['INVALID_INPUT', { field: 42 }, 400],
    ['INCOMPATIBLE_SCHEMA', {}, 409],
    ['INVALID_VERSION', {}, 42202],
    ['INVALID_COMPATIBILITY_LEVEL', {}, 42203],
    ['INVALID_MODE', {}, 42204],
    ['OPERATION_NOT_PERMITTED', {}, 42205],
    ['REFERENCED', {}, 42206],
    ['STORAGE_UNAVAILABLE', {}, 50001],
  ] as const)('maps %s with details %j to %i', (code, details, expected) => {
    expect(toConfluentErrorCode(new RegistryError(code, 'x', { ...details }))).toBe(expected);
  });

  it('takes the status from the first three digits', () => {
    expect([confluentStatus(40401), confluentStatus(409), confluentStatus(50001)]).toEqual([
      404, 409, 500,
    ]);
  });
});

describe('unexpected failures', () => {
  /** An app over a registry whose `subjects` and `schemas` operations are partly replaced. */
  async function appOver(override: {
    subjects?: Partial<Registry['subjects']>;
    schemas?: Partial<Registry['schemas']>;
  }) {
    const registry = await createRegistry({ storage: 'memory:' });
    return createApp({
      registry: {
        ...registry,
        subjects: { ...registry.subjects, ...override.subjects },
        schemas: { ...registry.schemas, ...override.schemas },
      },
    });
  }

  it('answers a thrown plain error as 50001 without leaking it', async () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const app = await appOver({
        subjects: { list: () => Promise.reject(new Error('disk on fire')) },
      });
      const response = await app.request('/subjects');
      expect(response.status).toBe(500);
      const body = (await response.json()) as { error_code: number; message: string };
      expect(body.error_code).toBe(50001);
      expect(body.message).not.toContain('disk on fire');
      expect(errors).toHaveLength(1);
    } finally {
      console.error = original;
    }
  });

  it('answers an unavailable store as 50001', async () => {
    const original = console.error;
    console.error = () => {};
    try {
      const app = await appOver({
        schemas: {
          get: () =>
            Promise.reject(new RegistryError('STORAGE_UNAVAILABLE', 'database unreachable')),
        },
      });
      const response = await app.request('/schemas/ids/1');
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ error_code: 50001, message: 'database unreachable' });
    } finally {
      console.error = original;
    }
  });
});
