import { MemoryStore } from '@llmsr/storage';
import { describe, expect, it } from 'vitest';
import { withTestRegistry } from '../test/create-test-registry.js';
import { createRegistry } from './create-registry.js';
import { isRegistryError } from './registry-error.js';

describe('createRegistry', () => {
  it('groups the operations and does not expose its store', async () => {
    await withTestRegistry(async (registry) => {
      expect(Object.keys(registry).sort()).toEqual([
        'access',
        'close',
        'compatibility',
        'config',
        'confluent',
        'events',
        'health',
        'llm',
        'resources',
        'schemas',
        'subjects',
        'validation',
        'variableSpaces',
      ]);
      expect('store' in registry).toBe(false);
    });
  });

  it('rejects with a RegistryError from every group when storage fails', async () => {
    const store = new MemoryStore();
    const registry = await createRegistry({ storage: store });
    await store.close();
    const calls: [string, () => Promise<unknown>][] = [
      ['schemas.get', () => registry.schemas.get(1)],
      ['subjects.list', () => registry.subjects.list()],
      ['config.get', () => registry.config.get(null)],
      ['config.resolve', () => registry.config.resolve('a')],
      ['events.list', () => registry.events.list()],
      ['confluent.lookup', () => registry.confluent.lookup({ subject: 'a', schema: '"int"' })],
      ['resources.list', () => registry.resources.list('variable-space')],
      ['validation.validate', () => registry.validation.validate({ schemaId: 1, data: {} })],
    ];
    for (const [name, call] of calls) {
      const error = await call().then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(isRegistryError(error), name).toBe(true);
    }
  });

  it('reads resources as stored, for export', async () => {
    await withTestRegistry(async (registry) => {
      await registry.variableSpaces.create({
        id: 'chat',
        name: 'Chat bot',
        variables: [{ name: 'provider', kind: 'choice', values: ['openai', 'groq'] }],
      });
      const [listed] = await registry.resources.list('variable-space');
      expect(listed).toMatchObject({ kind: 'variable-space', id: 'chat', version: 1 });
      expect(await registry.resources.get('variable-space', 'chat')).toEqual(listed);
      expect(await registry.resources.get('variable-space', 'nope')).toBeUndefined();
    });
  });
});
