import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisterVersionInput, SchemaStore } from '../src/index.js';
import { type StoreConformanceOptions, schemaOf, uniqueSubject } from './conformance.js';

const accept: RegisterVersionInput['decide'] = () => ({
  semver: '1.0.0',
  compatibilityLevel: 'NONE',
});

/** A version's identity is its schema content AND its metadata, also under races (every backend). */
export function runIdentityConformance(options: StoreConformanceOptions): void {
  describe(`${options.name} version identity`, () => {
    let store: SchemaStore;
    beforeAll(async () => {
      store = await options.createStore();
    });
    afterAll(async () => {
      await store?.close();
    });

    const register = (
      subject: string,
      text: string,
      metadata?: Record<string, unknown> | null,
      target = store,
    ) => target.registerVersion({ subject, schema: schemaOf(text), metadata, decide: accept });

    it('makes the same schema with other metadata a new version sharing the schema id', async () => {
      const subject = uniqueSubject('meta');
      const first = await register(subject, '{"m":1}', { owner: 'a' });
      const second = await register(subject, '{"m":1}', { owner: 'b' });
      expect(second.outcome).toBe('created');
      expect(second.version.version).toBe(2);
      expect(second.version.schemaId).toBe(first.version.schemaId);
      expect(second.version.metadata).toEqual({ owner: 'b' });
      expect((await store.getVersion(subject, 1))?.metadata).toEqual({ owner: 'a' });
    });

    it.each([
      [
        'equal metadata in another key order',
        { a: 1, b: { c: [1, 2], d: null } },
        { b: { d: null, c: [1, 2] }, a: 1 },
      ],
      ['null and absent metadata', null, undefined],
      ['absent and null metadata', undefined, null],
      ['metadata differing only by an undefined property', { a: 1 }, { a: 1, gone: undefined }],
    ] as const)('keeps one version for the same schema with %s', async (_label, first, second) => {
      const subject = uniqueSubject('meta-same');
      const a = await register(subject, '{"same":1}', first as Record<string, unknown> | null);
      const b = await register(subject, '{"same":1}', second as Record<string, unknown> | null);
      expect(b.outcome).toBe('existing');
      expect(b.version.version).toBe(a.version.version);
    });

    it.each([
      ['null and empty metadata', null, {}],
      ['a value of another JSON type', { n: 1 }, { n: '1' }],
      ['arrays in another order', { tags: ['x', 'y'] }, { tags: ['y', 'x'] }],
      ['an extra key', { a: 1 }, { a: 1, b: 2 }],
    ] as const)(
      'makes a new version for the same schema with %s',
      async (_label, first, second) => {
        const subject = uniqueSubject('meta-diff');
        await register(subject, '{"diff":1}', first as Record<string, unknown> | null);
        const b = await register(subject, '{"diff":1}', second as Record<string, unknown> | null);
        expect(b.outcome).toBe('created');
        expect(b.version.version).toBe(2);
      },
    );

    it('returns the live version whose metadata matches, not merely the newest', async () => {
      const subject = uniqueSubject('meta-match');
      await register(subject, '{"flip":1}', { v: 1 });
      await register(subject, '{"flip":1}', { v: 2 });
      const again = await register(subject, '{"flip":1}', { v: 1 });
      expect(again.outcome).toBe('existing');
      expect(again.version.version).toBe(1);
    });

    it('creates a new version when the matching one is soft-deleted', async () => {
      const subject = uniqueSubject('meta-deleted');
      await register(subject, '{"del":1}', { v: 1 });
      await store.softDeleteVersion(subject, 1);
      const again = await register(subject, '{"del":1}', { v: 1 });
      expect(again.outcome).toBe('created');
      expect(again.version.version).toBe(2);
    });

    if (options.concurrentInstances) {
      it('keeps one version per round when two store instances race identical content 50 times', async () => {
        const other = await options.createStore();
        try {
          const duplicates: string[] = [];
          for (let round = 0; round < 50; round++) {
            const subject = uniqueSubject(`race-${round}`);
            // Some rounds race into a subject that already has history, some into a new one.
            if (round % 2 === 1) await register(subject, `{"before":${round}}`);
            const text = `{"race":"${randomUUID()}"}`;
            const metadata = round % 3 === 0 ? { round } : undefined;
            const results = await Promise.all([
              register(subject, text, metadata),
              register(subject, text, metadata, other),
            ]);
            const versions = await store.listVersions(subject);
            const holding = versions.filter(
              (v) => v.schemaRecord.fingerprint === schemaOf(text).fingerprint,
            );
            if (holding.length !== 1) duplicates.push(`${subject}: ${holding.length}`);
            expect(results.map((r) => r.outcome).sort()).toEqual(['created', 'existing']);
            expect(results[0]?.version.version).toBe(results[1]?.version.version);
          }
          expect(duplicates).toEqual([]);
        } finally {
          await other.close();
        }
      });
    }
  });
}
