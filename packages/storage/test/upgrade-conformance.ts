import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type ComputeSchemaIdentity,
  CURRENT_IDENTITY_VERSION,
  type SchemaRecord,
  type SchemaStore,
} from '../src/index.js';
import { schemaOf } from './conformance.js';

/** A database of its own, and a way to open any number of stores on it. */
export interface FreshDatabase {
  open: () => Promise<SchemaStore>;
  dispose: () => Promise<void>;
}

/** How a backend plugs into {@link runUpgradeConformance}. */
export interface UpgradeConformanceOptions {
  name: string;
  /** A new empty database; SQL backends return stores that share it. */
  freshDatabase: () => Promise<FreshDatabase>;
  /** Two stores from one fresh database share rows (false for memory, where they cannot). */
  shared: boolean;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** An identity function unlike the one the rows were written with: the text prefixed. */
export const prefixedIdentity =
  (prefix: string): ComputeSchemaIdentity =>
  (record: SchemaRecord) => ({
    fingerprint: sha256(`${prefix}${record.schema}`),
    canonical: `${prefix}${record.canonical}`,
    pcfFingerprint: record.schemaType === 'AVRO' ? record.fingerprint : null,
    jsonDraft: record.schemaType === 'JSON' ? 'draft-07' : null,
  });

const accept = () => ({ semver: '1.0.0', compatibilityLevel: 'NONE' as const });

/** `upgradeSchemaIdentities`: recompute identities in place, never touching ids or texts. */
export function runUpgradeConformance(options: UpgradeConformanceOptions): void {
  describe(`${options.name} schema identity upgrade`, () => {
    const withDatabase = async (test: (db: FreshDatabase) => Promise<void>) => {
      const db = await options.freshDatabase();
      try {
        await test(db);
      } finally {
        await db.dispose();
      }
    };

    /** Three schemas in two subjects, one referencing another, one version soft-deleted. */
    const seed = async (store: SchemaStore) => {
      await store.registerVersion({
        subject: 'a',
        schema: schemaOf('{"a":1}', 'AVRO'),
        decide: accept,
      });
      await store.registerVersion({ subject: 'a', schema: schemaOf('{"a":2}'), decide: accept });
      await store.registerVersion({
        subject: 'b',
        schema: schemaOf('{"b":1}', 'JSON', [{ name: 'a.json', subject: 'a', version: 1 }]),
        metadata: { owner: 'b' },
        decide: accept,
      });
      await store.softDeleteVersion('a', 2);
    };
    const snapshot = async (store: SchemaStore) =>
      Promise.all(
        ['a', 'b'].map(async (subject) =>
          (await store.listVersions(subject, { includeDeleted: true })).map((v) => ({
            subject: v.subject,
            version: v.version,
            id: v.schemaId,
            guid: v.schemaRecord.guid,
            schema: v.schemaRecord.schema,
            references: v.schemaRecord.references,
            metadata: v.metadata,
            deletedAt: v.deletedAt,
          })),
        ),
      );

    it('recomputes every row below the target, keeping ids, guids, versions, texts and references', async () => {
      await withDatabase(async (db) => {
        const store = await db.open();
        try {
          await seed(store);
          const before = await snapshot(store);
          const compute = prefixedIdentity('v3:');
          const seen: number[] = [];
          const changed = await store.upgradeSchemaIdentities(
            (record) => {
              seen.push(record.id);
              return compute(record);
            },
            { target: CURRENT_IDENTITY_VERSION + 1 },
          );
          expect(changed).toBe(3);
          expect(seen).toEqual([...seen].sort((a, b) => a - b));
          expect(await snapshot(store)).toEqual(before);
          const b = await store.getVersion('b', 1);
          expect(b?.schemaRecord.fingerprint).toBe(sha256('v3: {"b":1} '));
          expect(b?.schemaRecord.canonical).toBe('v3:{"b":1}');
          expect(b?.schemaRecord.jsonDraft).toBe('draft-07');
          const a = await store.getVersion('a', 1);
          expect(a?.schemaRecord.pcfFingerprint).toBe(schemaOf('{"a":1}').fingerprint);
          expect(await store.getSchemaByFingerprint('JSON', sha256('v3: {"b":1} '))).toMatchObject({
            id: b?.schemaId,
          });
          expect(await store.getSchemaByFingerprint('JSON', schemaOf('{"b":1}').fingerprint)).toBe(
            undefined,
          );
          expect(await store.getDependents('a', 1)).toMatchObject([{ subject: 'b', version: 1 }]);
        } finally {
          await store.close();
        }
      });
    });

    it('changes nothing the second time, nor for rows already at the target', async () => {
      await withDatabase(async (db) => {
        const store = await db.open();
        try {
          await seed(store);
          expect(await store.upgradeSchemaIdentities(prefixedIdentity('x:'))).toBe(0);
          const target = CURRENT_IDENTITY_VERSION + 1;
          expect(await store.upgradeSchemaIdentities(prefixedIdentity('y:'), { target })).toBe(3);
          let calls = 0;
          const again = await store.upgradeSchemaIdentities(
            (record) => {
              calls += 1;
              return prefixedIdentity('z:')(record);
            },
            { target },
          );
          expect(again).toBe(0);
          expect(calls).toBe(0);
        } finally {
          await store.close();
        }
      });
    });

    it('changes each row once when two upgrades run at the same time', async () => {
      await withDatabase(async (db) => {
        const first = await db.open();
        const second = options.shared ? await db.open() : first;
        try {
          await seed(first);
          const slow: ComputeSchemaIdentity = async (record) => {
            await new Promise((resolve) => setTimeout(resolve, 5));
            return prefixedIdentity('both:')(record);
          };
          const target = CURRENT_IDENTITY_VERSION + 1;
          const counts = await Promise.all([
            first.upgradeSchemaIdentities(slow, { target }),
            second.upgradeSchemaIdentities(slow, { target }),
          ]);
          expect(counts[0] + counts[1]).toBe(3);
        } finally {
          await first.close();
          if (second !== first) await second.close();
        }
      });
    });

    it('skips a row whose new fingerprint another row already holds', async () => {
      await withDatabase(async (db) => {
        const store = await db.open();
        try {
          await seed(store);
          const a2 = await store.getVersion('a', 2, { includeDeleted: true });
          const b1 = await store.getVersion('b', 1);
          // Both JSON rows are mapped to one fingerprint: the first keeps it, the other is skipped.
          const colliding: ComputeSchemaIdentity = (record) =>
            record.schemaType === 'JSON'
              ? { fingerprint: sha256('same'), canonical: 'same' }
              : prefixedIdentity('c:')(record);
          const changed = await store.upgradeSchemaIdentities(colliding, {
            target: CURRENT_IDENTITY_VERSION + 1,
          });
          expect(changed).toBe(2);
          const winner = Math.min(a2?.schemaId ?? 0, b1?.schemaId ?? 0);
          const loser = Math.max(a2?.schemaId ?? 0, b1?.schemaId ?? 0);
          expect((await store.getSchemaByFingerprint('JSON', sha256('same')))?.id).toBe(winner);
          const kept = await store.getSchemaById(loser);
          expect(kept?.fingerprint).toBe(
            loser === b1?.schemaId
              ? schemaOf('{"b":1}').fingerprint
              : schemaOf('{"a":2}').fingerprint,
          );
        } finally {
          await store.close();
        }
      });
    });

    it('propagates what compute throws and refuses malformed identities and targets', async () => {
      await withDatabase(async (db) => {
        const store = await db.open();
        try {
          await seed(store);
          const target = CURRENT_IDENTITY_VERSION + 1;
          const failure = new Error('cannot parse');
          await expect(
            store.upgradeSchemaIdentities(
              () => {
                throw failure;
              },
              { target },
            ),
          ).rejects.toBe(failure);
          await expect(
            store.upgradeSchemaIdentities(
              () =>
                ({ fingerprint: 7, canonical: 'x' }) as unknown as {
                  fingerprint: string;
                  canonical: string;
                },
              { target },
            ),
          ).rejects.toBeInstanceOf(TypeError);
          for (const bad of [0, -1, 1.5, Number.NaN]) {
            await expect(
              store.upgradeSchemaIdentities(prefixedIdentity('t:'), { target: bad }),
            ).rejects.toBeInstanceOf(RangeError);
          }
          // Nothing was written by the failed runs.
          expect(await store.upgradeSchemaIdentities(prefixedIdentity('ok:'), { target })).toBe(3);
        } finally {
          await store.close();
        }
      });
    });
  });
}
