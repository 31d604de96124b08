import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisterVersionInput, SchemaStore } from '../src/index.js';
import {
  expectStorageError,
  type StoreConformanceOptions,
  schemaOf,
  uniqueSubject,
} from './conformance.js';
import type { FreshDatabase } from './upgrade-conformance.js';

/** {@link runIdMarkConformance} also needs a database of its own for one test. */
export interface IdMarkConformanceOptions extends StoreConformanceOptions {
  freshDatabase: () => Promise<FreshDatabase>;
}

const accept: RegisterVersionInput['decide'] = () => ({
  semver: '1.0.0',
  compatibilityLevel: 'NONE',
});

/** Global schema ids are never reused, even after a permanent delete (every backend). */
export function runIdMarkConformance(options: IdMarkConformanceOptions): void {
  describe(`${options.name} schema id high-water mark`, () => {
    let store: SchemaStore;
    beforeAll(async () => {
      store = await options.createStore();
    });
    afterAll(async () => {
      await store?.close();
    });

    const registerNew = (target: SchemaStore, subject: string, extra = {}) =>
      target.registerVersion({
        subject,
        schema: schemaOf(`{"mark":"${randomUUID()}"}`),
        decide: accept,
        ...extra,
      });

    const purge = async (target: SchemaStore, subject: string, version: number) => {
      expect(await target.softDeleteVersion(subject, version)).toBe(true);
      expect(await target.hardDeleteVersion(subject, version)).toBe(true);
    };

    it('never hands the id of a permanently deleted schema to new content', async () => {
      const subject = uniqueSubject('mark');
      const doomed = await registerNew(store, subject);
      const doomedId = doomed.version.schemaId;
      await purge(store, subject, 1);
      expect(await store.getSchemaById(doomedId)).toBeUndefined();

      const next = await registerNew(store, uniqueSubject('mark-next'));
      expect(next.version.schemaId).toBe(doomedId + 1);
      expect(next.version.schemaId).not.toBe(doomedId);
    });

    it('gives deleted content a new id when it is registered again', async () => {
      const subject = uniqueSubject('mark-again');
      const text = `{"again":"${randomUUID()}"}`;
      const first = await store.registerVersion({
        subject,
        schema: schemaOf(text),
        decide: accept,
      });
      await purge(store, subject, 1);
      const again = await store.registerVersion({
        subject,
        schema: schemaOf(text),
        decide: accept,
      });
      expect(again.outcome).toBe('created');
      expect(again.version.schemaId).toBeGreaterThan(first.version.schemaId);
    });

    it('raises the mark to an id chosen in import mode, so it survives that id being deleted', async () => {
      const subject = uniqueSubject('mark-import');
      const base = await registerNew(store, subject);
      const imported = base.version.schemaId + 500;
      const result = await registerNew(store, subject, { id: imported, version: 7 });
      expect(result.version.schemaId).toBe(imported);
      await purge(store, subject, 7);

      const next = await registerNew(store, subject);
      expect(next.version.schemaId).toBe(imported + 1);
    });

    it('does not lower the mark when import mode picks an id below it', async () => {
      const subject = uniqueSubject('mark-low');
      const high = await registerNew(store, subject);
      await purge(store, subject, 1);
      // The id just below the deleted one is free only if nothing else took it; pick a surely
      // free one by importing into the gap the deleted row left.
      const low = await registerNew(store, subject, { id: high.version.schemaId, version: 2 });
      expect(low.version.schemaId).toBe(high.version.schemaId);
      const next = await registerNew(store, subject);
      expect(next.version.schemaId).toBe(high.version.schemaId + 1);
    });

    it('refuses new content with ID_CONFLICT once the largest id was handed out', async () => {
      const db = await options.freshDatabase();
      const fresh = await db.open();
      try {
        await registerNew(fresh, 'last', { id: 2_147_483_647 });
        await expectStorageError(registerNew(fresh, 'after-last'), 'ID_CONFLICT');
        expect(await fresh.listVersions('after-last')).toEqual([]);
        // Content already stored keeps registering under other subjects.
        const again = await fresh.registerVersion({
          subject: 'same-content',
          schema: (await fresh.getVersion('last', 1))?.schemaRecord ?? schemaOf('{}'),
          decide: accept,
        });
        expect(again.version.schemaId).toBe(2_147_483_647);
      } finally {
        await fresh.close();
        await db.dispose();
      }
    });

    if (options.persistent) {
      it('keeps the mark across close and reopen', async () => {
        const subject = uniqueSubject('mark-reopen');
        const doomed = await registerNew(store, subject);
        await purge(store, subject, 1);
        const reopened = await options.createStore();
        try {
          const next = await registerNew(reopened, subject);
          expect(next.version.schemaId).toBe(doomed.version.schemaId + 1);
        } finally {
          await reopened.close();
        }
      });
    }
  });
}
