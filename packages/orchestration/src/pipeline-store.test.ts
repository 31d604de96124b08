import { describe, expect, it } from 'vitest';
import { createInMemoryPipelineStore } from './pipeline-store.js';

const definition = (handler = 'noop') => ({ id: 'p', stages: [{ id: 'a', handler }] });

describe('createInMemoryPipelineStore', () => {
  it('numbers versions, and registering the same definition again is idempotent', async () => {
    const store = createInMemoryPipelineStore({ now: () => 5 });
    expect(await store.put(definition())).toMatchObject({ id: 'p', version: 1, createdAt: 5 });
    expect((await store.put(definition())).version).toBe(1);
    expect((await store.put(definition('other'))).version).toBe(2);
    expect((await store.get('p'))?.definition.stages[0]?.handler).toBe('other');
    expect((await store.get('p', 1))?.definition.stages[0]?.handler).toBe('noop');
    expect((await store.list()).map((p) => [p.id, p.version])).toEqual([['p', 2]]);
  });

  it('refuses invalid definitions with every problem, and unknown ids or versions', async () => {
    const store = createInMemoryPipelineStore({ isKnownHandler: (n) => n === 'noop' });
    await expect(store.put(definition('ghost'))).rejects.toMatchObject({
      code: 'INVALID_PIPELINE',
      details: { problems: [expect.objectContaining({ rule: 'unknown_handler', stageId: 'a' })] },
    });
    await expect(store.getOrThrow('p', 3)).rejects.toMatchObject({ code: 'RESOURCE_NOT_FOUND' });
    expect(await store.get('p')).toBeUndefined();
  });
});
