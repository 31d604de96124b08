import { create } from '@bufbuild/protobuf';
import { createRegistry, type Registry } from '@llmsr/core';
import { ListSchemasRequestSchema } from '@llmsr/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAllSchemas } from './find-all-schemas.js';

let registry: Registry;
const COUNT = 510;

beforeAll(async () => {
  registry = await createRegistry({ storage: 'memory:' });
  for (let i = 0; i < COUNT; i++) {
    await registry.schemas.register({
      subject: `s-${String(i).padStart(4, '0')}`,
      schema: { type: 'object' },
    });
  }
});

afterAll(async () => {
  await registry.close();
});

async function collect(init: Parameters<typeof create<typeof ListSchemasRequestSchema>>[1]) {
  const request = create(ListSchemasRequestSchema, init);
  const found: { subject: string; total: number }[] = [];
  for await (const { item, total } of findAllSchemas(
    registry,
    request,
    new AbortController().signal,
  )) {
    found.push({ subject: item.subject, total });
  }
  return found;
}

describe('findAllSchemas', () => {
  it('streams every match across storage pages, each once', async () => {
    const found = await collect({});
    expect(found).toHaveLength(COUNT);
    expect(new Set(found.map((f) => f.subject)).size).toBe(COUNT);
    expect(found.every((f) => f.total === COUNT)).toBe(true);
  });

  it('honours a limit larger than a page and an offset', async () => {
    const all = await collect({});
    const window = await collect({ limit: 505, offset: 3 });
    expect(window.map((f) => f.subject)).toEqual(all.slice(3, 508).map((f) => f.subject));
  });

  it('fetches no further page once the signal aborts', async () => {
    const abort = new AbortController();
    let seen = 0;
    for await (const _ of findAllSchemas(
      registry,
      create(ListSchemasRequestSchema),
      abort.signal,
    )) {
      if (++seen === 1) abort.abort();
    }
    expect(seen).toBe(500);
  });

  it.each([
    [{ limit: -1 }, 'limit'],
    [{ offset: -2 }, 'offset'],
  ])('refuses %o with INVALID_INPUT on %s', async (init, field) => {
    await expect(collect(init)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { field },
    });
  });
});
