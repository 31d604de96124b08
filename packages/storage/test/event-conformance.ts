import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchemaStore } from '../src/index.js';
import { expectStorageError, type StoreConformanceOptions } from './conformance.js';

/** The change-event log every backend must keep: increasing ids, replay after an id, retention. */
export function runEventConformance(options: StoreConformanceOptions): void {
  describe(`${options.name} event log`, () => {
    let store: SchemaStore;
    beforeAll(async () => {
      store = await options.createStore();
    });
    afterAll(async () => {
      await store?.close();
    });

    const lastId = async () => {
      let after = 0;
      for (;;) {
        const page = await store.listEvents({ afterId: after, limit: 10_000 });
        if (page.length === 0) return after;
        after = page.at(-1)?.id ?? after;
      }
    };

    it('appends events with increasing ids and lists those after an id, oldest first', async () => {
      const before = await lastId();
      const a = await store.appendEvent({ type: 'schema.registered', payload: { subject: 'a' } });
      const b = await store.appendEvent({ type: 'config.changed', payload: { subject: null } });
      expect(a.id).toBeGreaterThan(before);
      expect(b.id).toBe(a.id + 1);
      expect(Number.isNaN(Date.parse(a.createdAt))).toBe(false);
      const listed = await store.listEvents({ afterId: before });
      expect(listed.map((e) => e.id)).toEqual([a.id, b.id]);
      expect(listed[1]).toMatchObject({ type: 'config.changed', payload: { subject: null } });
      expect(await store.listEvents({ afterId: b.id })).toEqual([]);
      expect((await store.listEvents({ afterId: before, limit: 1 })).map((e) => e.id)).toEqual([
        a.id,
      ]);
    });

    it('keeps only the newest events beyond the retention count', async () => {
      const before = await lastId();
      const ids: number[] = [];
      for (let i = 0; i < 5; i++) {
        ids.push((await store.appendEvent({ type: 't', payload: { i } }, { retain: 3 })).id);
      }
      const all = await store.listEvents({ afterId: 0, limit: 10_000 });
      expect(all.map((e) => e.id)).toEqual(ids.slice(2));
      expect(all[0]?.payload).toEqual({ i: 2 });
      expect(ids[0]).toBeGreaterThan(before);
    });

    it('never reuses an id after trimming', async () => {
      const first = await store.appendEvent({ type: 't', payload: {} }, { retain: 1 });
      const second = await store.appendEvent({ type: 't', payload: {} }, { retain: 1 });
      expect(second.id).toBeGreaterThan(first.id);
      expect((await store.listEvents()).map((e) => e.id)).toEqual([second.id]);
    });

    it('treats hostile paging as harmless (NaN, negative, huge, fractional)', async () => {
      await store.appendEvent({ type: 't', payload: { text: 'nul \u0000 and emoji 😀' } });
      for (const afterId of [Number.NaN, -5, 1e300, 0.5]) {
        await expect(store.listEvents({ afterId })).resolves.toBeInstanceOf(Array);
      }
      for (const limit of [Number.NaN, -1, 0, 2.5]) {
        await expect(store.listEvents({ limit })).resolves.toBeInstanceOf(Array);
      }
      const events = await store.listEvents({ afterId: 0 });
      expect(events.at(-1)?.payload).toEqual({ text: 'nul \u0000 and emoji 😀' });
      for (const retain of [Number.NaN, -1, 0]) {
        await expect(
          store.appendEvent({ type: 't', payload: {} }, { retain }),
        ).resolves.toMatchObject({ type: 't' });
      }
    });

    it('orders concurrent appends without duplicate ids', async () => {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.appendEvent({ type: 't', payload: { i } })),
      );
      const ids = results.map((e) => e.id);
      expect(new Set(ids).size).toBe(20);
    });

    if (options.persistent) {
      it('keeps events across reopen', async () => {
        const event = await store.appendEvent({ type: 'kept', payload: { x: 1 } });
        const other = await options.createStore();
        try {
          const after = await other.listEvents({ afterId: event.id - 1 });
          expect(after[0]).toMatchObject({ id: event.id, type: 'kept', payload: { x: 1 } });
        } finally {
          await other.close();
        }
      });
    }

    it('refuses calls after close with UNAVAILABLE', async () => {
      const closed = await options.createStore();
      await closed.close();
      await expectStorageError(closed.appendEvent({ type: 't', payload: {} }), 'UNAVAILABLE');
      await expectStorageError(closed.listEvents(), 'UNAVAILABLE');
    });
  });
}
