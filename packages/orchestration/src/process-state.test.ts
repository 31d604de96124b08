import { describe, expect, it } from 'vitest';
import { OrchestrationError } from './orchestration-error.js';
import { PROCESS_STATUSES, type ProcessStatus, transitionProcess } from './process-state.js';
import { createInMemoryProcessStore } from './process-store.js';

const base = {
  id: 'p1',
  type: 'pipeline' as const,
  state: {},
  metadata: {},
  updatedAt: 0,
  version: 3,
};

const allowed: Record<ProcessStatus, ProcessStatus[]> = {
  starting: ['running', 'failed'],
  running: ['paused', 'completed', 'failed'],
  paused: ['running', 'completed', 'failed'],
  failed: ['starting'],
  completed: [],
};

describe('transitionProcess', () => {
  const table = PROCESS_STATUSES.flatMap((from) =>
    PROCESS_STATUSES.map((to) => ({ from, to, ok: allowed[from].includes(to) })),
  );
  it.each(table)('$from -> $to is allowed: $ok', ({ from, to, ok }) => {
    const run = () => transitionProcess({ ...base, status: from }, { to, expectedVersion: 3 }, 42);
    if (ok) {
      const next = run();
      expect(next).toMatchObject({ status: to, version: 4, updatedAt: 42 });
    } else {
      expect(run).toThrow(OrchestrationError);
      try {
        run();
      } catch (error) {
        expect((error as OrchestrationError).code).toBe('ILLEGAL_TRANSITION');
        expect((error as OrchestrationError).details.allowed).toEqual(allowed[from]);
        const listed = allowed[from].length ? allowed[from].join(', ') : 'none';
        expect((error as Error).message).toContain(listed);
      }
    }
  });

  it('refuses a stale expected version with CONFLICT and names the current one', () => {
    expect(() =>
      transitionProcess({ ...base, status: 'running' }, { to: 'paused', expectedVersion: 2 }, 1),
    ).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        details: expect.objectContaining({ currentVersion: 3 }),
      }),
    );
  });

  it('refuses an unknown target status as invalid input', () => {
    expect(() =>
      transitionProcess(
        { ...base, status: 'running' },
        { to: 'done' as never, expectedVersion: 3 },
        1,
      ),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('does not change the process it was given', () => {
    const p = { ...base, status: 'starting' as const };
    transitionProcess(p, { to: 'running', expectedVersion: 3, state: { step: 1 } }, 9);
    expect(p).toMatchObject({ status: 'starting', version: 3, state: {} });
  });
});

describe('createInMemoryProcessStore', () => {
  it('creates processes at version 1 in starting and walks them through a lifecycle', async () => {
    let t = 100;
    const store = createInMemoryProcessStore({ now: () => t++ });
    const p = await store.create({ id: 'job', type: 'evaluation', metadata: { owner: 'me' } });
    expect(p).toMatchObject({ status: 'starting', version: 1, updatedAt: 100 });
    await store.transition('job', { to: 'running', expectedVersion: 1 });
    await store.transition('job', { to: 'failed', expectedVersion: 2 });
    await store.transition('job', { to: 'starting', expectedVersion: 3 });
    const last = await store.transition('job', {
      to: 'running',
      expectedVersion: 4,
      state: { retry: true },
    });
    expect(last).toMatchObject({
      status: 'running',
      version: 5,
      state: { retry: true },
      updatedAt: 104,
    });
    expect(await store.get('job')).toEqual(last);
  });

  it('lets only one of two writers with the same expected version win', async () => {
    const store = createInMemoryProcessStore();
    await store.create({ id: 'x', type: 'program' });
    const results = await Promise.allSettled([
      store.transition('x', { to: 'running', expectedVersion: 1 }),
      store.transition('x', { to: 'failed', expectedVersion: 1 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason.code).toBe('CONFLICT');
  });

  it('refuses unknown types, duplicate ids and unknown processes with stable codes', async () => {
    const store = createInMemoryProcessStore();
    await expect(store.create({ type: 'batch' as never })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await store.create({ id: 'a', type: 'program' });
    await expect(store.create({ id: 'a', type: 'program' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(
      store.transition('nope', { to: 'running', expectedVersion: 1 }),
    ).rejects.toMatchObject({
      code: 'RESOURCE_NOT_FOUND',
    });
    expect(await store.get('nope')).toBeUndefined();
  });

  it('hands out copies, so a caller cannot change stored state by mutation', async () => {
    const store = createInMemoryProcessStore();
    const p = await store.create({ id: 'a', type: 'program', state: { n: 1 } });
    p.state.n = 2;
    expect((await store.getOrThrow('a')).state.n).toBe(1);
  });
});
