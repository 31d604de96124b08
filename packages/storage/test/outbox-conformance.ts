import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  NewEvent,
  RegisterVersionInput,
  SchemaStore,
  SchemaStoreOptions,
  StoredEvent,
  SubjectVersionWithSchema,
} from '../src/index.js';
import {
  expectStorageError,
  type StoreConformanceOptions,
  schemaOf,
  uniqueSubject,
} from './conformance.js';

/** {@link runOutboxConformance} also opens stores with store-level options. */
export interface OutboxConformanceOptions extends StoreConformanceOptions {
  createStoreWith: (options: SchemaStoreOptions) => Promise<SchemaStore>;
}

const accept: RegisterVersionInput['decide'] = () => ({
  semver: '1.0.0',
  compatibilityLevel: 'NONE',
});

const registered = (created: SubjectVersionWithSchema): NewEvent => ({
  type: 'schema.registered',
  payload: { subject: created.subject, version: created.version, id: created.schemaId },
});

/**
 * Change events are written in the same transaction as the change they describe (an outbox):
 * a committed change always has its event, a refused or rolled-back one never does.
 */
export function runOutboxConformance(options: OutboxConformanceOptions): void {
  describe(`${options.name} events written with their change`, () => {
    let store: SchemaStore;
    beforeAll(async () => {
      store = await options.createStore();
    });
    afterAll(async () => {
      await store?.close();
    });

    /** The newest event id, so each test looks only at what it appended. */
    const cursor = async (): Promise<number> => {
      let after = 0;
      for (;;) {
        const page = await store.listEvents({ afterId: after, limit: 10_000 });
        const last = page.at(-1);
        if (!last) return after;
        after = last.id;
      }
    };
    const eventsAfter = (after: number): Promise<StoredEvent[]> =>
      store.listEvents({ afterId: after, limit: 10_000 });

    const registerWithEvent = (subject: string, text: string, extra = {}) =>
      store.registerVersion({
        subject,
        schema: schemaOf(text),
        decide: accept,
        event: registered,
        ...extra,
      });

    it('appends the event built from the created version in the registration itself', async () => {
      const before = await cursor();
      const subject = uniqueSubject('outbox');
      const { version } = await registerWithEvent(subject, '{"o":1}');
      const events = await eventsAfter(before);
      expect(events.map((e) => [e.type, e.payload])).toEqual([
        ['schema.registered', { subject, version: 1, id: version.schemaId }],
      ]);
    });

    it('appends no event and does not call the event callback for existing content', async () => {
      const subject = uniqueSubject('outbox-existing');
      await registerWithEvent(subject, '{"o":2}');
      const before = await cursor();
      let calls = 0;
      const again = await store.registerVersion({
        subject,
        schema: schemaOf('{"o":2}'),
        decide: accept,
        event: (created) => {
          calls += 1;
          return registered(created);
        },
      });
      expect(again.outcome).toBe('existing');
      expect(calls).toBe(0);
      expect(await eventsAfter(before)).toEqual([]);
    });

    it('writes neither version nor event nor subject config when decide refuses', async () => {
      const before = await cursor();
      const subject = uniqueSubject('outbox-refused');
      const refusal = new Error('incompatible');
      await expect(
        store.registerVersion({
          subject,
          schema: schemaOf('{"refused":1}'),
          decide: () => {
            throw refusal;
          },
          event: registered,
        }),
      ).rejects.toBe(refusal);
      expect(await store.listVersions(subject, { includeDeleted: true })).toEqual([]);
      expect(await store.getConfig(subject)).toBeUndefined();
      expect(await eventsAfter(before)).toEqual([]);
    });

    it('rolls back the version, the schema row and the subject config when the event callback throws', async () => {
      const before = await cursor();
      const subject = uniqueSubject('outbox-rollback');
      const text = `{"rollback":"${subject}"}`;
      const failure = new Error('cannot describe');
      await expect(
        store.registerVersion({
          subject,
          schema: schemaOf(text),
          decide: () => ({
            semver: '1.0.0',
            compatibilityLevel: 'NONE',
            subjectConfig: { subject, compatibilityLevel: 'NONE' },
          }),
          event: () => {
            throw failure;
          },
        }),
      ).rejects.toBe(failure);
      expect(await store.listVersions(subject, { includeDeleted: true })).toEqual([]);
      expect(
        await store.getSchemaByFingerprint('JSON', schemaOf(text).fingerprint),
      ).toBeUndefined();
      expect(await store.getConfig(subject)).toBeUndefined();
      expect(await eventsAfter(before)).toEqual([]);
    });

    it('rolls back the event of an import that conflicts', async () => {
      const subject = uniqueSubject('outbox-conflict');
      await registerWithEvent(subject, '{"c":1}', { version: 3 });
      const before = await cursor();
      await expectStorageError(
        registerWithEvent(subject, '{"c":2}', { version: 3 }),
        'VERSION_CONFLICT',
      );
      expect(await eventsAfter(before)).toEqual([]);
    });

    it('writes the subject config given with the first version in the same registration', async () => {
      const subject = uniqueSubject('outbox-config');
      const result = await store.registerVersion({
        subject,
        schema: schemaOf('{"cfg":1}'),
        decide: (history) => ({
          semver: '1.0.0',
          compatibilityLevel: 'NONE',
          ...(history.length === 0 && {
            subjectConfig: { subject, compatibilityLevel: 'NONE', extra: { note: 'first' } },
          }),
        }),
      });
      expect(result.outcome).toBe('created');
      expect(await store.getConfig(subject)).toEqual({
        subject,
        compatibilityLevel: 'NONE',
        extra: { note: 'first' },
      });
    });

    it('refuses a subject config of another subject with a TypeError, writing nothing', async () => {
      const subject = uniqueSubject('outbox-other');
      const other = uniqueSubject('outbox-elsewhere');
      await expect(
        store.registerVersion({
          subject,
          schema: schemaOf('{"other":1}'),
          decide: () => ({
            semver: '1.0.0',
            compatibilityLevel: 'NONE',
            subjectConfig: { subject: other, compatibilityLevel: 'NONE' },
          }),
        }),
      ).rejects.toBeInstanceOf(TypeError);
      expect(await store.listVersions(subject)).toEqual([]);
      expect(await store.getConfig(other)).toBeUndefined();
    });

    it('appends the event of a soft delete only when it deleted something', async () => {
      const subject = uniqueSubject('outbox-soft');
      await registerWithEvent(subject, '{"soft":1}');
      const event = { type: 'schema.deleted', payload: { subject, version: 1 } };
      const before = await cursor();
      expect(await store.softDeleteVersion(subject, 1, { event })).toBe(true);
      expect(await store.softDeleteVersion(subject, 1, { event })).toBe(false);
      expect(await store.softDeleteVersion(subject, 99, { event })).toBe(false);
      const events = await eventsAfter(before);
      expect(events.map((e) => [e.type, e.payload])).toEqual([[event.type, event.payload]]);
    });

    it('appends the event of a hard delete only when it deleted something', async () => {
      const target = uniqueSubject('outbox-hard');
      const user = uniqueSubject('outbox-user');
      await registerWithEvent(target, '{"hard":1}');
      await store.registerVersion({
        subject: user,
        schema: schemaOf('{"uses":1}', 'JSON', [{ name: 'h', subject: target, version: 1 }]),
        decide: accept,
      });
      const event = { type: 'schema.purged', payload: { subject: target, version: 1 } };
      const before = await cursor();
      await expectStorageError(store.hardDeleteVersion(target, 1, { event }), 'NOT_SOFT_DELETED');
      await store.softDeleteVersion(target, 1);
      await expectStorageError(store.hardDeleteVersion(target, 1, { event }), 'REFERENCED');
      expect(await store.hardDeleteVersion(target, 99, { event })).toBe(false);
      expect(await eventsAfter(before)).toEqual([]);

      await store.softDeleteVersion(user, 1);
      expect(await store.hardDeleteVersion(target, 1, { event })).toBe(true);
      const events = await eventsAfter(before);
      expect(events.map((e) => [e.type, e.payload])).toEqual([[event.type, event.payload]]);
    });

    it('appends the event of a config change, and of a config delete only when one existed', async () => {
      const subject = uniqueSubject('outbox-cfg');
      const before = await cursor();
      const set = { type: 'config.changed', payload: { subject } };
      const removed = { type: 'config.deleted', payload: { subject } };
      await store.setConfig({ subject, compatibilityLevel: 'FULL' }, { event: set });
      await store.setConfig({ subject: null, mode: 'READWRITE' }, { event: set });
      expect(await store.deleteConfig(subject, { event: removed })).toBe(true);
      expect(await store.deleteConfig(subject, { event: removed })).toBe(false);
      const events = await eventsAfter(before);
      expect(events.map((e) => e.type)).toEqual([
        'config.changed',
        'config.changed',
        'config.deleted',
      ]);
      await store.deleteConfig(null);
    });

    it('refuses a malformed event before writing anything', async () => {
      const subject = uniqueSubject('outbox-bad');
      const before = await cursor();
      const bad = { type: 42, payload: {} } as unknown as NewEvent;
      await expect(store.setConfig({ subject, mode: 'READONLY' }, { event: bad })).rejects.toThrow(
        TypeError,
      );
      expect(await store.getConfig(subject)).toBeUndefined();
      await expect(
        store.registerVersion({
          subject,
          schema: schemaOf('{"bad":1}'),
          decide: accept,
          event: () => bad,
        }),
      ).rejects.toThrow(TypeError);
      expect(await store.listVersions(subject)).toEqual([]);
      expect(await eventsAfter(before)).toEqual([]);
    });

    if (options.concurrentInstances) {
      it('keeps event ids unique and in commit order when two instances write at once', async () => {
        const other = await options.createStore();
        try {
          const before = await cursor();
          const subjects = [uniqueSubject('outbox-a'), uniqueSubject('outbox-b')];
          const writes = Array.from({ length: 40 }, (_, i) => {
            const target = i % 2 === 0 ? store : other;
            const subject = subjects[i % 4 < 2 ? 0 : 1] as string;
            return i % 5 === 4
              ? target.setConfig(
                  { subject, compatibilityLevel: 'NONE' },
                  {
                    event: { type: 'config.changed', payload: { i } },
                  },
                )
              : target.registerVersion({
                  subject,
                  schema: schemaOf(`{"both":${i}}`),
                  decide: accept,
                  event: registered,
                });
          });
          await Promise.all(writes);
          const events = await eventsAfter(before);
          expect(events.length).toBe(40);
          const ids = events.map((e) => e.id);
          expect(ids).toEqual([...ids].sort((a, b) => a - b));
          expect(new Set(ids).size).toBe(40);
          for (const subject of subjects) {
            const versions = (await store.listVersions(subject)).map((v) => v.version);
            const logged = events
              .filter((e) => e.type === 'schema.registered' && e.payload.subject === subject)
              .map((e) => e.payload.version);
            expect(logged).toEqual(versions);
          }
        } finally {
          await other.close();
        }
      });
    }

    it('keeps the store-level event retention when appendEvent gets no retain', async () => {
      const small = await options.createStoreWith({ eventRetention: 3 });
      try {
        const appended: number[] = [];
        for (let i = 0; i < 5; i++) {
          appended.push((await small.appendEvent({ type: 'kept', payload: { i } })).id);
        }
        const subject = uniqueSubject('outbox-retain');
        await small.registerVersion({
          subject,
          schema: schemaOf('{"r":1}'),
          decide: accept,
          event: registered,
        });
        const all = await small.listEvents({ afterId: 0, limit: 10_000 });
        expect(all.map((e) => e.id)).toEqual([
          ...appended.slice(3),
          (all.at(-1) as StoredEvent).id,
        ]);
        expect(all.at(-1)?.payload).toMatchObject({ subject });
      } finally {
        await small.close();
      }
    });
  });
}
