import { create, fromJson } from '@bufbuild/protobuf';
import { ValueSchema } from '@bufbuild/protobuf/wkt';
import { createRegistry, type Registry } from '@llmsr/core';
import { ValidateDataRequestSchema } from '@llmsr/proto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBatchValidator } from './create-batch-validator.js';

describe('createBatchValidator', () => {
  let registry: Registry;
  let schemaId: number;
  beforeEach(async () => {
    registry = await createRegistry({ storage: 'memory:' });
    const { version } = await registry.schemas.register({
      subject: 's',
      schema: { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] },
    });
    schemaId = version.id;
  });
  afterEach(() => registry.close());

  const item = (selector: object, data: unknown, extra: object = {}) =>
    create(ValidateDataRequestSchema, {
      selector: selector as never,
      data: fromJson(ValueSchema, data as never),
      ...extra,
    });

  it('answers a warm numeric-id item synchronously with the same report as the registry', async () => {
    const batch = createBatchValidator(registry);
    const first = await batch.validate(item({ case: 'schemaId', value: schemaId }, { n: 'x' }));
    const second = batch.validate(item({ case: 'schemaId', value: schemaId }, { n: 'x' }));
    expect(second).not.toBeInstanceOf(Promise);
    const expected = await registry.validation.validate({ schemaId, data: { n: 'x' } });
    for (const answer of [first, second as typeof first]) {
      expect(answer.valid).toBe(false);
      expect(answer.schemaId).toBe(schemaId);
      expect(answer.errors).toEqual(expected.errors);
    }
  });

  it('fetches a validator once per schema id and strictness', async () => {
    const spy = vi.spyOn(registry.validation, 'getValidator');
    const batch = createBatchValidator(registry);
    for (let i = 0; i < 5; i++) {
      await batch.validate(item({ case: 'schemaId', value: schemaId }, { n: i }));
      await batch.validate(
        item({ case: 'schemaId', value: schemaId }, { n: i, x: 1 }, { strict: true }),
      );
    }
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('keeps strict and lax answers apart for the same schema', async () => {
    const batch = createBatchValidator(registry);
    const lax = await batch.validate(item({ case: 'schemaId', value: schemaId }, { n: 1, x: 1 }));
    const strict = await batch.validate(
      item({ case: 'schemaId', value: schemaId }, { n: 1, x: 1 }, { strict: true }),
    );
    expect(lax.valid).toBe(true);
    expect(strict.valid).toBe(false);
  });

  it('answers items alternating between two schemas each against its own schema', async () => {
    const other = await registry.schemas.register({
      subject: 'o',
      schema: { type: 'object', properties: { n: { type: 'string' } }, required: ['n'] },
    });
    const batch = createBatchValidator(registry);
    for (let i = 0; i < 6; i++) {
      const id = i % 2 ? other.version.id : schemaId;
      const answer = await batch.validate(item({ case: 'schemaId', value: id }, { n: 1 }));
      expect(answer.schemaId).toBe(id);
      expect(answer.valid).toBe(id === schemaId);
    }
  });

  it('sends subject selectors through the registry so a new latest version is seen', async () => {
    const batch = createBatchValidator(registry);
    const bySubject = item({ case: 'subjectVersion', value: { subject: 's' } }, { n: 1 });
    expect((await batch.validate(bySubject)).schemaId).toBe(schemaId);
    const { version } = await registry.schemas.register({
      subject: 's',
      schema: {
        type: 'object',
        properties: { n: { type: 'number' } },
        required: ['n'],
      },
    });
    expect((await batch.validate(bySubject)).schemaId).toBe(version.id);
  });

  it('rejects an unknown schema id with the registry error and caches nothing', async () => {
    const batch = createBatchValidator(registry);
    for (let i = 0; i < 2; i++) {
      await expect(
        batch.validate(item({ case: 'schemaId', value: 999_999 }, {})),
      ).rejects.toMatchObject({ code: 'SCHEMA_NOT_FOUND' });
    }
  });
});
