import { create } from '@bufbuild/protobuf';
import { createRegistry, isRegistryError, type Registry } from '@llmsr/core';
import { ListSchemasRequestSchema } from '@llmsr/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findVisibleSchemas } from './find-visible-schemas.js';

let registry: Registry;

beforeAll(async () => {
  registry = await createRegistry({ storage: 'memory:' });
  // Interleaved teams, so a page of the unfiltered listing mixes them.
  for (let i = 0; i < 12; i++) {
    const team = i % 3 === 0 ? 'a' : 'b';
    await registry.schemas.register({
      subject: `team-${team}.s${String(i).padStart(2, '0')}`,
      schema: { title: `s${i}`, type: 'object' },
    });
  }
});
afterAll(() => registry.close());

const teamA = (subject: string) => subject.startsWith('team-a.');

async function collect(init: { limit?: number; offset?: number; subject?: string }) {
  const request = create(ListSchemasRequestSchema, init);
  const found: [string, number][] = [];
  const signal = new AbortController().signal;
  for await (const { item, total } of findVisibleSchemas(registry, request, signal, teamA)) {
    found.push([item.subject, total]);
  }
  return found;
}

describe('findVisibleSchemas', () => {
  type Init = { limit?: number; offset?: number; subject?: string };
  it.each<[Init, string[]]>([
    [{}, ['team-a.s00', 'team-a.s03', 'team-a.s06', 'team-a.s09']],
    [{ limit: 2 }, ['team-a.s00', 'team-a.s03']],
    [{ offset: 1, limit: 2 }, ['team-a.s03', 'team-a.s06']],
    [{ offset: 3 }, ['team-a.s09']],
    [{ offset: 4 }, []],
    [{ subject: 's0' }, ['team-a.s00', 'team-a.s03', 'team-a.s06', 'team-a.s09']],
    [{ subject: 's1' }, []],
  ])('pages %o among visible subjects only', async (init, subjects) => {
    const found = await collect(init);
    expect(found.map(([subject]) => subject)).toEqual(subjects);
    const total = (await collect({ subject: init.subject ?? '' })).length;
    expect(found.every(([, t]) => t === total)).toBe(true);
  });

  it('refuses a negative limit as INVALID_INPUT', async () => {
    const error = await collect({ limit: -1 }).catch((e: unknown) => e);
    expect(isRegistryError(error) && error.code).toBe('INVALID_INPUT');
  });
});
