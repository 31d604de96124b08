import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  NewSchema,
  RegisterDecision,
  RegisterVersionInput,
  SchemaReference,
  SchemaStore,
  SchemaType,
  SubjectVersionWithSchema,
} from '../src/index.js';
import { StorageError } from '../src/index.js';

/** How a backend plugs into {@link runStoreConformance}. */
export interface StoreConformanceOptions {
  name: string;
  /**
   * Opens a store. Persistent backends return a new store over the SAME database on every call
   * (tests use unique subject names, so they never rely on an empty database).
   */
  createStore: () => Promise<SchemaStore>;
  /** Called once after every test, e.g. to drop the database or remove the file. */
  destroy?: () => Promise<void>;
  /** Data written through one store is visible from the next `createStore()` after close. */
  persistent?: boolean;
  /** Two open stores over one database may write concurrently (separate processes in production). */
  concurrentInstances?: boolean;
}

const accept: RegisterVersionInput['decide'] = () => ({
  semver: '1.0.0',
  compatibilityLevel: 'BACKWARD',
});

/** A schema whose content (and so fingerprint) is `text`. */
export function schemaOf(
  text: string,
  schemaType: SchemaType = 'JSON',
  references: SchemaReference[] = [],
): NewSchema {
  const fingerprint = createHash('sha256').update(text).digest('hex');
  return { schemaType, fingerprint, canonical: text, schema: ` ${text} `, references };
}

/** A subject name no other test uses. */
export function uniqueSubject(label = 'subject'): string {
  return `${label}-${randomUUID().slice(0, 8)}`;
}

/** Expects `promise` to reject with a {@link StorageError} of `code`; returns it. */
export async function expectStorageError(
  promise: Promise<unknown>,
  code: StorageError['code'],
): Promise<StorageError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StorageError);
  expect((error as StorageError).code).toBe(code);
  return error as StorageError;
}

/**
 * The cross-backend suite every {@link SchemaStore} must pass: registration semantics, deletes,
 * search, references, configs, resources, concurrency, hostile input and (when persistent)
 * durability across reopen.
 */
export function runStoreConformance(options: StoreConformanceOptions): void {
  describe(`${options.name} store conformance`, () => {
    let store: SchemaStore;
    const register = (subject: string, text: string, extra: Partial<RegisterVersionInput> = {}) =>
      store.registerVersion({ subject, schema: schemaOf(text), decide: accept, ...extra });

    beforeAll(async () => {
      store = await options.createStore();
    });
    afterAll(async () => {
      await store?.close();
      await options.destroy?.();
    });

    describe('registerVersion', () => {
      it('creates version 1 with a new schema row for a new subject', async () => {
        const subject = uniqueSubject();
        const result = await store.registerVersion({
          subject,
          schema: schemaOf('{"type":"string"}', 'JSON'),
          metadata: { owner: 'team-a', tags: ['pii'] },
          createdBy: 'alice',
          decide: () => ({ semver: '2.1.0', compatibilityLevel: 'FULL' }),
        });
        expect(result.outcome).toBe('created');
        const v = result.version;
        expect(v).toMatchObject({
          subject,
          version: 1,
          semver: '2.1.0',
          compatibilityLevel: 'FULL',
          metadata: { owner: 'team-a', tags: ['pii'] },
          createdBy: 'alice',
          deletedAt: null,
        });
        expect(v.schemaRecord).toMatchObject({
          id: v.schemaId,
          schemaType: 'JSON',
          canonical: '{"type":"string"}',
          schema: ' {"type":"string"} ',
          references: [],
        });
        expect(v.schemaRecord.guid).toMatch(
          /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
        );
        expect(Number.isNaN(Date.parse(v.createdAt))).toBe(false);
        expect(await store.getVersion(subject, 1)).toEqual(v);
      });

      it('returns the existing version without calling decide when the content is live', async () => {
        const subject = uniqueSubject();
        const first = await register(subject, '{"a":1}');
        await register(subject, '{"a":2}');
        let called = 0;
        const again = await register(subject, '{"a":1}', {
          decide: () => {
            called++;
            return { semver: '9.9.9', compatibilityLevel: 'NONE' };
          },
        });
        expect(called).toBe(0);
        expect(again.outcome).toBe('existing');
        expect(again.version).toEqual(first.version);
        expect((await store.listVersions(subject)).length).toBe(2);
      });

      it('passes the live history newest first to decide', async () => {
        const subject = uniqueSubject();
        await register(subject, '{"h":1}');
        await register(subject, '{"h":2}');
        await register(subject, '{"h":3}');
        await store.softDeleteVersion(subject, 2);
        let seen: SubjectVersionWithSchema[] = [];
        await register(subject, '{"h":4}', {
          decide: (history) => {
            seen = history;
            return { semver: '1.0.0', compatibilityLevel: 'NONE' };
          },
        });
        expect(seen.map((v) => v.version)).toEqual([3, 1]);
        expect(seen[0]?.schemaRecord.canonical).toBe('{"h":3}');
      });

      it('writes nothing and rethrows the very same error when decide throws', async () => {
        const subject = uniqueSubject();
        await register(subject, '{"ok":1}');
        const before = await store.stats();
        const refusal = new Error('incompatible');
        const text = `{"refused":"${randomUUID()}"}`;
        await expect(
          register(subject, text, {
            decide: () => {
              throw refusal;
            },
          }),
        ).rejects.toBe(refusal);
        const asyncRefusal = { custom: true };
        await expect(
          register(subject, text, { decide: () => Promise.reject(asyncRefusal) }),
        ).rejects.toBe(asyncRefusal);
        expect(await store.stats()).toEqual(before);
        expect(
          await store.getSchemaByFingerprint('JSON', schemaOf(text).fingerprint),
        ).toBeUndefined();
        expect((await register(subject, '{"ok":2}')).version.version).toBe(2);
      });

      it('gives the same schema id to the same content under two subjects', async () => {
        const text = `{"shared":"${randomUUID()}"}`;
        const a = await register(uniqueSubject('a'), text);
        const b = await register(uniqueSubject('b'), text);
        expect(b.outcome).toBe('created');
        expect(b.version.schemaId).toBe(a.version.schemaId);
        expect(b.version.schemaRecord.guid).toBe(a.version.schemaRecord.guid);
        expect(b.version.version).toBe(1);
      });

      it('assigns new content the next id after the largest one', async () => {
        const subject = uniqueSubject();
        const a = await register(subject, `{"n":"${randomUUID()}"}`);
        const b = await register(subject, `{"n":"${randomUUID()}"}`);
        expect(b.version.schemaId).toBe(a.version.schemaId + 1);
      });

      it('treats the same fingerprint under another schema type as different content', async () => {
        const subject = uniqueSubject();
        const text = `"${randomUUID()}"`;
        const json = await store.registerVersion({
          subject,
          schema: schemaOf(text, 'JSON'),
          decide: accept,
        });
        const avro = await store.registerVersion({
          subject,
          schema: schemaOf(text, 'AVRO'),
          decide: accept,
        });
        expect(avro.outcome).toBe('created');
        expect(avro.version.schemaId).not.toBe(json.version.schemaId);
        expect((await store.getSchemaByFingerprint('AVRO', schemaOf(text).fingerprint))?.id).toBe(
          avro.version.schemaId,
        );
      });

      it('continues version numbers after soft-deleted versions and re-registers deleted content', async () => {
        const subject = uniqueSubject();
        const v1 = await register(subject, '{"v":1}');
        await register(subject, '{"v":2}');
        expect(await store.softDeleteVersion(subject, 2)).toBe(true);
        const again = await register(subject, '{"v":2}');
        expect(again.outcome).toBe('created');
        expect(again.version.version).toBe(3);
        expect(await store.softDeleteVersion(subject, 1)).toBe(true);
        expect(await store.softDeleteVersion(subject, 3)).toBe(true);
        const after = await register(subject, '{"v":1}');
        expect(after.version.version).toBe(4);
        expect(after.version.schemaId).toBe(v1.version.schemaId);
      });

      it('round-trips nested metadata and stores null metadata as null', async () => {
        const subject = uniqueSubject();
        const metadata = {
          properties: { owner: 'x', 'a.b': 'dotted' },
          tags: ['a', 'b'],
          nested: { list: [1, 2.5, true, null, { deep: 'yes' }], empty: {} },
        };
        const withMeta = await register(subject, '{"m":1}', { metadata });
        expect(withMeta.version.metadata).toEqual(metadata);
        expect((await store.getVersion(subject, 1))?.metadata).toEqual(metadata);
        const without = await register(subject, '{"m":2}', { metadata: null });
        expect(without.version.metadata).toBeNull();
        expect(without.version.createdBy).toBeNull();
      });

      it('stores references and exposes them on the schema record', async () => {
        const target = uniqueSubject('target');
        await register(target, '{"t":1}');
        const refs = [{ name: 'other.json', subject: target, version: 1 }];
        const result = await store.registerVersion({
          subject: uniqueSubject(),
          schema: schemaOf(`{"$ref":"other.json","u":"${randomUUID()}"}`, 'JSON', refs),
          decide: accept,
        });
        expect(result.version.schemaRecord.references).toEqual(refs);
        expect((await store.getSchemaById(result.version.schemaId))?.references).toEqual(refs);
      });
    });

    describe('registerVersion in import mode', () => {
      it('uses the given id and version', async () => {
        const subject = uniqueSubject();
        const id = 1_000_000 + Math.floor(Math.random() * 1_000_000);
        const result = await register(subject, `{"imp":"${randomUUID()}"}`, { id, version: 7 });
        expect(result.version).toMatchObject({ schemaId: id, version: 7 });
        expect((await store.getSchemaById(id))?.id).toBe(id);
        expect((await register(subject, `{"imp":"${randomUUID()}"}`)).version.version).toBe(8);
      });

      it('accepts an id that already holds the same content', async () => {
        const first = await register(uniqueSubject(), '{"same-import":1}');
        const again = await register(uniqueSubject(), '{"same-import":1}', {
          id: first.version.schemaId,
        });
        expect(again.version.schemaId).toBe(first.version.schemaId);
      });

      it('refuses with ID_CONFLICT an id that holds other content, writing nothing', async () => {
        const subject = uniqueSubject();
        const first = await register(subject, `{"x":"${randomUUID()}"}`);
        const text = `{"y":"${randomUUID()}"}`;
        await expectStorageError(
          register(subject, text, { id: first.version.schemaId }),
          'ID_CONFLICT',
        );
        expect(
          await store.getSchemaByFingerprint('JSON', schemaOf(text).fingerprint),
        ).toBeUndefined();
        expect((await store.listVersions(subject)).length).toBe(1);
      });

      it('refuses with ID_CONFLICT content already stored under another id', async () => {
        const text = `{"z":"${randomUUID()}"}`;
        const first = await register(uniqueSubject(), text);
        await expectStorageError(
          register(uniqueSubject(), text, { id: first.version.schemaId + 5_000_000 }),
          'ID_CONFLICT',
        );
      });

      it('refuses with VERSION_CONFLICT a version that is taken, even soft-deleted', async () => {
        const subject = uniqueSubject();
        await register(subject, '{"a":1}');
        await store.softDeleteVersion(subject, 1);
        await expectStorageError(register(subject, '{"a":2}', { version: 1 }), 'VERSION_CONFLICT');
        expect((await store.listVersions(subject, { includeDeleted: true })).length).toBe(1);
      });

      it.each([0, -1, 1.5, Number.NaN, 2 ** 31, Number.POSITIVE_INFINITY])(
        'refuses the impossible import id and version %s',
        async (bad) => {
          const subject = uniqueSubject();
          await expectStorageError(register(subject, '{"bad":1}', { id: bad }), 'ID_CONFLICT');
          await expectStorageError(
            register(subject, '{"bad":1}', { version: bad }),
            'VERSION_CONFLICT',
          );
          expect(await store.listVersions(subject, { includeDeleted: true })).toEqual([]);
        },
      );
    });

    describe('lookups', () => {
      it('finds a schema by id, guid and fingerprint, and returns undefined for unknown ones', async () => {
        const { version } = await register(uniqueSubject(), `{"look":"${randomUUID()}"}`);
        const record = version.schemaRecord;
        expect(await store.getSchemaById(record.id)).toEqual(record);
        expect(await store.getSchemaByGuid(record.guid)).toEqual(record);
        expect(await store.getSchemaByFingerprint('JSON', record.fingerprint)).toEqual(record);
        expect(await store.getSchemaById(2_147_000_000)).toBeUndefined();
        expect(await store.getSchemaById(-1)).toBeUndefined();
        expect(await store.getSchemaById(Number.NaN)).toBeUndefined();
        expect(await store.getSchemaById(1.5)).toBeUndefined();
        expect(await store.getSchemaByGuid(randomUUID())).toBeUndefined();
        expect(await store.getSchemaByGuid('not a guid')).toBeUndefined();
        expect(await store.getSchemaByFingerprint('AVRO', record.fingerprint)).toBeUndefined();
      });

      it('lists versions oldest first and hides soft-deleted ones unless asked', async () => {
        const subject = uniqueSubject();
        for (const n of [1, 2, 3]) await register(subject, `{"l":${n}}`);
        await store.softDeleteVersion(subject, 2);
        expect((await store.listVersions(subject)).map((v) => v.version)).toEqual([1, 3]);
        expect(
          (await store.listVersions(subject, { includeDeleted: true })).map((v) => v.version),
        ).toEqual([1, 2, 3]);
        expect(await store.getVersion(subject, 2)).toBeUndefined();
        expect(
          (await store.getVersion(subject, 2, { includeDeleted: true }))?.deletedAt,
        ).not.toBeNull();
        expect(await store.getVersion(subject, 99)).toBeUndefined();
        expect(await store.getVersion(subject, Number.NaN)).toBeUndefined();
        expect(await store.listVersions(uniqueSubject('missing'))).toEqual([]);
      });

      it('returns the newest live version as latest', async () => {
        const subject = uniqueSubject();
        expect(await store.getLatestVersion(subject)).toBeUndefined();
        await register(subject, '{"latest":1}');
        await register(subject, '{"latest":2}');
        expect((await store.getLatestVersion(subject))?.version).toBe(2);
        await store.softDeleteVersion(subject, 2);
        expect((await store.getLatestVersion(subject))?.version).toBe(1);
        await store.softDeleteVersion(subject, 1);
        expect(await store.getLatestVersion(subject)).toBeUndefined();
      });

      it('lists subjects sorted, hiding fully soft-deleted ones unless asked', async () => {
        const prefix = uniqueSubject('ls');
        const names = [`${prefix}-b`, `${prefix}-a`, `${prefix}-C`];
        for (const name of names) await register(name, '{"s":1}');
        await store.softDeleteVersion(`${prefix}-b`, 1);
        const mine = (list: string[]) => list.filter((s) => s.startsWith(prefix));
        expect(mine(await store.listSubjects())).toEqual([`${prefix}-C`, `${prefix}-a`]);
        expect(mine(await store.listSubjects({ includeDeleted: true }))).toEqual([
          `${prefix}-C`,
          `${prefix}-a`,
          `${prefix}-b`,
        ]);
      });

      it('lists every subject version that uses a schema id', async () => {
        const text = `{"by-id":"${randomUUID()}"}`;
        const a = uniqueSubject('a');
        const b = uniqueSubject('b');
        const first = await register(a, text);
        await register(b, '{"other":1}');
        await register(b, text);
        await store.softDeleteVersion(a, 1);
        const live = await store.listVersionsBySchemaId(first.version.schemaId);
        expect(live.map((v) => [v.subject, v.version])).toEqual([[b, 2]]);
        const all = await store.listVersionsBySchemaId(first.version.schemaId, {
          includeDeleted: true,
        });
        expect(all.map((v) => v.subject).sort()).toEqual([a, b].sort());
        expect(await store.listVersionsBySchemaId(2_147_000_000)).toEqual([]);
      });
    });

    describe('listVersionsBySchemaId order', () => {
      it('lists the versions using a schema oldest first', async () => {
        const text = `{"oldest":"${randomUUID()}"}`;
        const late = `z-${uniqueSubject()}`;
        const early = `a-${uniqueSubject()}`;
        const first = await register(late, text);
        await new Promise((resolve) => setTimeout(resolve, 5));
        await register(early, text);
        const listed = await store.listVersionsBySchemaId(first.version.schemaId);
        expect(listed.map((v) => v.subject)).toEqual([late, early]);
      });
    });

    describe('deletes', () => {
      it('soft-deletes a live version once and reports missing or repeated deletes as false', async () => {
        const subject = uniqueSubject();
        await register(subject, '{"d":1}');
        expect(await store.softDeleteVersion(subject, 1)).toBe(true);
        expect(await store.softDeleteVersion(subject, 1)).toBe(false);
        expect(await store.softDeleteVersion(subject, 2)).toBe(false);
        expect(await store.softDeleteVersion(uniqueSubject('none'), 1)).toBe(false);
        expect(await store.softDeleteVersion(subject, Number.NaN)).toBe(false);
      });

      it('refuses to hard-delete a live version with NOT_SOFT_DELETED', async () => {
        const subject = uniqueSubject();
        await register(subject, '{"hd":1}');
        await expectStorageError(store.hardDeleteVersion(subject, 1), 'NOT_SOFT_DELETED');
        expect(await store.getVersion(subject, 1)).toBeDefined();
        expect(await store.hardDeleteVersion(subject, 2)).toBe(false);
      });

      it('hard-deletes a soft-deleted version and its schema row once nothing uses it', async () => {
        const subject = uniqueSubject();
        const text = `{"gone":"${randomUUID()}"}`;
        const { version } = await register(subject, text);
        await store.softDeleteVersion(subject, 1);
        expect(await store.hardDeleteVersion(subject, 1)).toBe(true);
        expect(await store.getVersion(subject, 1, { includeDeleted: true })).toBeUndefined();
        expect(await store.getSchemaById(version.schemaId)).toBeUndefined();
        expect(
          await store.getSchemaByFingerprint('JSON', version.schemaRecord.fingerprint),
        ).toBeUndefined();
        expect(await store.listSubjects({ includeDeleted: true })).not.toContain(subject);
        expect(await store.hardDeleteVersion(subject, 1)).toBe(false);
        const again = await register(subject, text);
        expect(again.version.schemaRecord.guid).toBe(version.schemaRecord.guid);
      });

      it('keeps a schema row that another subject still uses', async () => {
        const text = `{"kept":"${randomUUID()}"}`;
        const a = uniqueSubject('a');
        const { version } = await register(a, text);
        await register(uniqueSubject('b'), text);
        await store.softDeleteVersion(a, 1);
        await store.hardDeleteVersion(a, 1);
        expect(await store.getSchemaById(version.schemaId)).toEqual(version.schemaRecord);
      });

      it('refuses with REFERENCED while a live version references it, and allows it after', async () => {
        const target = uniqueSubject('target');
        await register(target, '{"base":1}');
        const user = uniqueSubject('user');
        await store.registerVersion({
          subject: user,
          schema: schemaOf(`{"uses":"${randomUUID()}"}`, 'JSON', [
            { name: 'base', subject: target, version: 1 },
          ]),
          decide: accept,
        });
        await store.softDeleteVersion(target, 1);
        const error = await expectStorageError(store.hardDeleteVersion(target, 1), 'REFERENCED');
        expect(JSON.stringify(error.details)).toContain(user);
        expect(await store.getVersion(target, 1, { includeDeleted: true })).toBeDefined();
        await store.softDeleteVersion(user, 1);
        expect(await store.hardDeleteVersion(target, 1)).toBe(true);
      });
    });

    describe('search', () => {
      const seed = async () => {
        const prefix = uniqueSubject('Search');
        const subjects = [`${prefix}-orders`, `${prefix}-payments`, `${prefix}-users`];
        await register(subjects[0]!, '{"o":1}', {
          metadata: { owner: 'sales', tags: ['pii', 'gold'] },
        });
        await register(subjects[0]!, '{"o":2}', {
          metadata: { owner: 'sales', level: { n: 1, m: [2] } },
        });
        await store.registerVersion({
          subject: subjects[1]!,
          schema: schemaOf('{"type":"record","name":"P","fields":[]}', 'AVRO'),
          metadata: { owner: 'finance', tags: ['gold'] },
          decide: accept,
        });
        await register(subjects[2]!, '{"u":1}', { metadata: { owner: null, tags: 'pii' } });
        await register(subjects[2]!, '{"u":2}', { metadata: { owner: 'people', tags: ['pii'] } });
        await store.softDeleteVersion(subjects[2]!, 2);
        return { prefix, subjects };
      };
      const keys = (items: SubjectVersionWithSchema[]) =>
        items.map((v) => `${v.subject}@${v.version}`);

      it('matches a subject substring ignoring case, ordered by subject then version', async () => {
        const { prefix, subjects } = await seed();
        const result = await store.search({ subject: prefix.toUpperCase() });
        expect(result.total).toBe(4);
        expect(keys(result.items)).toEqual([
          `${subjects[0]}@1`,
          `${subjects[0]}@2`,
          `${subjects[1]}@1`,
          `${subjects[2]}@1`,
        ]);
        const part = await store.search({ subject: `${prefix.slice(3)}-PAY` });
        expect(keys(part.items)).toEqual([`${subjects[1]}@1`]);
      });

      it('filters by schema type and includes soft-deleted versions on request', async () => {
        const { prefix, subjects } = await seed();
        const avro = await store.search({ subject: prefix, schemaType: 'AVRO' });
        expect(keys(avro.items)).toEqual([`${subjects[1]}@1`]);
        const all = await store.search({ subject: prefix, includeDeleted: true });
        expect(all.total).toBe(5);
        expect(all.items.at(-1)?.deletedAt).not.toBeNull();
      });

      it('filters by metadata key, and by key and JSON value', async () => {
        const { prefix, subjects } = await seed();
        const hasLevel = await store.search({ subject: prefix, metadata: { key: 'level' } });
        expect(keys(hasLevel.items)).toEqual([`${subjects[0]}@2`]);
        const sales = await store.search({
          subject: prefix,
          metadata: { key: 'owner', value: 'sales' },
        });
        expect(sales.total).toBe(2);
        const nullOwner = await store.search({
          subject: prefix,
          metadata: { key: 'owner', value: null },
        });
        expect(keys(nullOwner.items)).toEqual([`${subjects[2]}@1`]);
        const object = await store.search({
          subject: prefix,
          metadata: { key: 'level', value: { m: [2], n: 1 } },
        });
        expect(keys(object.items)).toEqual([`${subjects[0]}@2`]);
        const wrong = await store.search({
          subject: prefix,
          metadata: { key: 'level', value: { n: 1 } },
        });
        expect(wrong.total).toBe(0);
        const notString = await store.search({
          subject: prefix,
          metadata: { key: 'level', value: '1' },
        });
        expect(notString.total).toBe(0);
      });

      it('filters by a tag in the metadata tags array only', async () => {
        const { prefix, subjects } = await seed();
        const pii = await store.search({ subject: prefix, tag: 'pii' });
        expect(keys(pii.items)).toEqual([`${subjects[0]}@1`]);
        const gold = await store.search({ subject: prefix, tag: 'gold' });
        expect(keys(gold.items)).toEqual([`${subjects[0]}@1`, `${subjects[1]}@1`]);
        const piiWithDeleted = await store.search({
          subject: prefix,
          tag: 'pii',
          includeDeleted: true,
        });
        expect(piiWithDeleted.total).toBe(2);
      });

      it('pages with limit and offset and reports the total before paging', async () => {
        const { prefix, subjects } = await seed();
        const page = await store.search({ subject: prefix, limit: 2, offset: 1 });
        expect(page.total).toBe(4);
        expect(keys(page.items)).toEqual([`${subjects[0]}@2`, `${subjects[1]}@1`]);
        expect((await store.search({ subject: prefix, offset: 3 })).items.length).toBe(1);
        expect((await store.search({ subject: prefix, limit: 0 })).items).toEqual([]);
        const hostile = await store.search({ subject: prefix, limit: -5, offset: -2 });
        expect(hostile.total).toBe(4);
        expect(hostile.items).toEqual([]);
        expect((await store.search({ subject: prefix, limit: 2.7, offset: 1e30 })).items).toEqual(
          [],
        );
      });

      it('treats LIKE wildcards and quotes in the subject filter as plain text', async () => {
        const { prefix } = await seed();
        expect((await store.search({ subject: `${prefix}%` })).total).toBe(0);
        expect((await store.search({ subject: `${prefix}_orders` })).total).toBe(0);
        expect((await store.search({ subject: `${prefix}'--` })).total).toBe(0);
        const odd = `${uniqueSubject('odd')}%_\\'"`;
        await register(odd, '{"odd":1}');
        expect(keys((await store.search({ subject: '%_\\\'"' })).items)).toContain(`${odd}@1`);
      });
    });

    describe('references graph', () => {
      it('returns dependencies of a schema and dependents of a subject version', async () => {
        const base = uniqueSubject('base');
        const other = uniqueSubject('other');
        await register(base, '{"b":1}');
        await register(base, '{"b":2}');
        await register(other, '{"o":1}');
        const refs = [
          { name: 'b.json', subject: base, version: 2 },
          { name: 'o.json', subject: other, version: 1 },
        ];
        const user = uniqueSubject('user');
        const { version } = await store.registerVersion({
          subject: user,
          schema: schemaOf(`{"refs":"${randomUUID()}"}`, 'JSON', refs),
          decide: accept,
        });
        expect(await store.getDependencies(version.schemaId)).toEqual(refs);
        expect(await store.getDependencies(2_147_000_000)).toEqual([]);
        const dependents = await store.getDependents(base, 2);
        expect(dependents.map((d) => [d.subject, d.version])).toEqual([[user, 1]]);
        expect(await store.getDependents(base, 1)).toEqual([]);
        await store.softDeleteVersion(user, 1);
        expect(await store.getDependents(base, 2)).toEqual([]);
        expect((await store.getDependents(base, 2, { includeDeleted: true })).length).toBe(1);
      });

      it('drops the reference edges with the schema row on hard delete', async () => {
        const base = uniqueSubject('base');
        await register(base, '{"edge":1}');
        const user = uniqueSubject('user');
        const { version } = await store.registerVersion({
          subject: user,
          schema: schemaOf(`{"edge-user":"${randomUUID()}"}`, 'JSON', [
            { name: 'e', subject: base, version: 1 },
          ]),
          decide: accept,
        });
        await store.softDeleteVersion(user, 1);
        await store.hardDeleteVersion(user, 1);
        expect(await store.getDependencies(version.schemaId)).toEqual([]);
        expect(await store.getDependents(base, 1, { includeDeleted: true })).toEqual([]);
      });
    });

    describe('configs', () => {
      it('keeps the global config and subject configs apart', async () => {
        const subject = uniqueSubject();
        expect(await store.getConfig(subject)).toBeUndefined();
        await store.setConfig({ subject: null, compatibilityLevel: 'FULL', mode: 'READWRITE' });
        await store.setConfig({
          subject,
          compatibilityLevel: 'NONE',
          extra: { defaultMetadata: { a: [1] } },
        });
        expect(await store.getConfig(null)).toEqual({
          subject: null,
          compatibilityLevel: 'FULL',
          mode: 'READWRITE',
        });
        expect(await store.getConfig(subject)).toEqual({
          subject,
          compatibilityLevel: 'NONE',
          extra: { defaultMetadata: { a: [1] } },
        });
      });

      it('replaces a config without merging and deletes it', async () => {
        const subject = uniqueSubject();
        await store.setConfig({ subject, compatibilityLevel: 'FULL', mode: 'IMPORT' });
        const replaced = await store.setConfig({ subject, mode: 'READONLY' });
        expect(replaced).toEqual({ subject, mode: 'READONLY' });
        expect(await store.getConfig(subject)).toEqual({ subject, mode: 'READONLY' });
        expect(await store.deleteConfig(subject)).toBe(true);
        expect(await store.deleteConfig(subject)).toBe(false);
        expect(await store.getConfig(subject)).toBeUndefined();
      });

      it('does not confuse an empty subject name with the global config', async () => {
        await store.setConfig({ subject: null, compatibilityLevel: 'BACKWARD' });
        await store.setConfig({ subject: '', compatibilityLevel: 'FORWARD' });
        expect((await store.getConfig(null))?.compatibilityLevel).toBe('BACKWARD');
        expect((await store.getConfig(''))?.compatibilityLevel).toBe('FORWARD');
        expect(await store.deleteConfig('')).toBe(true);
        expect(await store.getConfig(null)).toBeDefined();
        expect(await store.deleteConfig(null)).toBe(true);
        expect(await store.getConfig(null)).toBeUndefined();
      });
    });

    describe('resources', () => {
      it('creates, reads, updates with the right version and deletes a resource', async () => {
        const kind = uniqueSubject('kind');
        const created = await store.putResource({
          kind,
          id: 'r1',
          document: { name: 'space', vars: [1, 2] },
          expectedVersion: 0,
        });
        expect(created).toMatchObject({
          kind,
          id: 'r1',
          version: 1,
          document: { name: 'space', vars: [1, 2] },
        });
        expect(created.createdAt).toBe(created.updatedAt);
        const updated = await store.putResource({
          kind,
          id: 'r1',
          document: { name: 'v2' },
          expectedVersion: 1,
        });
        expect(updated).toMatchObject({
          version: 2,
          document: { name: 'v2' },
          createdAt: created.createdAt,
        });
        expect(await store.getResource(kind, 'r1')).toEqual(updated);
        expect(await store.deleteResource(kind, 'r1')).toBe(true);
        expect(await store.deleteResource(kind, 'r1')).toBe(false);
        expect(await store.getResource(kind, 'r1')).toBeUndefined();
      });

      it('refuses a stale or premature version with VERSION_CONFLICT', async () => {
        const kind = uniqueSubject('kind');
        await store.putResource({ kind, id: 'r', document: 1, expectedVersion: 0 });
        await store.putResource({ kind, id: 'r', document: 2, expectedVersion: 1 });
        const stale = await expectStorageError(
          store.putResource({ kind, id: 'r', document: 3, expectedVersion: 1 }),
          'VERSION_CONFLICT',
        );
        expect(stale.details).toMatchObject({ currentVersion: 2 });
        await expectStorageError(
          store.putResource({ kind, id: 'r', document: 3, expectedVersion: 0 }),
          'VERSION_CONFLICT',
        );
        await expectStorageError(
          store.putResource({ kind, id: 'new', document: 3, expectedVersion: 1 }),
          'VERSION_CONFLICT',
        );
        for (const bad of [-1, 1.5, Number.NaN, 2 ** 40]) {
          await expectStorageError(
            store.putResource({ kind, id: 'r', document: 3, expectedVersion: bad }),
            'VERSION_CONFLICT',
          );
        }
        expect((await store.getResource(kind, 'r'))?.document).toBe(2);
      });

      it('lists resources of one kind by id with paging', async () => {
        const kind = uniqueSubject('kind');
        for (const id of ['c', 'a', 'b'])
          await store.putResource({ kind, id, document: { id }, expectedVersion: 0 });
        await store.putResource({
          kind: `${kind}-other`,
          id: 'z',
          document: {},
          expectedVersion: 0,
        });
        expect((await store.listResources(kind)).map((r) => r.id)).toEqual(['a', 'b', 'c']);
        expect((await store.listResources(kind, { limit: 1, offset: 1 })).map((r) => r.id)).toEqual(
          ['b'],
        );
        expect((await store.listResources(kind, { offset: 2 })).map((r) => r.id)).toEqual(['c']);
        expect(await store.listResources(kind, { limit: -1 })).toEqual([]);
        expect(await store.listResources(uniqueSubject('empty'))).toEqual([]);
      });

      it('lets exactly one of several racing creates win', async () => {
        const kind = uniqueSubject('kind');
        const results = await Promise.allSettled(
          Array.from({ length: 10 }, (_, i) =>
            store.putResource({ kind, id: 'race', document: i, expectedVersion: 0 }),
          ),
        );
        expect(results.filter((r) => r.status === 'fulfilled').length).toBe(1);
        for (const r of results) {
          if (r.status === 'rejected')
            expect((r.reason as StorageError).code).toBe('VERSION_CONFLICT');
        }
      });
    });

    describe('concurrency', () => {
      it('numbers 50 concurrent registrations of different schemas into one subject 1..50', async () => {
        const subject = uniqueSubject('race');
        const results = await Promise.all(
          Array.from({ length: 50 }, (_, i) => register(subject, `{"race":${i}}`)),
        );
        expect(results.every((r) => r.outcome === 'created')).toBe(true);
        const versions = results.map((r) => r.version.version).sort((a, b) => a - b);
        expect(versions).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
        expect(new Set(results.map((r) => r.version.schemaId)).size).toBe(50);
      });

      it('registers 50 concurrent registrations of the same content once', async () => {
        const subject = uniqueSubject('same');
        const text = `{"same":"${randomUUID()}"}`;
        const results = await Promise.all(
          Array.from({ length: 50 }, () => register(subject, text)),
        );
        expect(results.filter((r) => r.outcome === 'created').length).toBe(1);
        expect(new Set(results.map((r) => r.version.version))).toEqual(new Set([1]));
        expect((await store.listVersions(subject)).length).toBe(1);
      });

      it('runs decide of racing registrations one after the other', async () => {
        const subject = uniqueSubject('conflict');
        // Refuses a schema when the history already holds a "conflicting" one (any other).
        const decide = async (history: SubjectVersionWithSchema[]): Promise<RegisterDecision> => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          if (history.length > 0) throw new Error(`conflicts with version ${history[0]?.version}`);
          return { semver: '1.0.0', compatibilityLevel: 'NONE' };
        };
        const results = await Promise.allSettled([
          register(subject, '{"left":1}', { decide }),
          register(subject, '{"right":1}', { decide }),
        ]);
        expect(results.filter((r) => r.status === 'fulfilled').length).toBe(1);
        const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
        expect(String(refused.reason)).toContain('conflicts with version 1');
        expect((await store.listVersions(subject)).length).toBe(1);
      });

      it('never hands the same id to new content in different subjects', async () => {
        const results = await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            register(uniqueSubject(`s${i}`), `{"multi":"${randomUUID()}"}`),
          ),
        );
        expect(new Set(results.map((r) => r.version.schemaId)).size).toBe(50);
        const text = `{"everywhere":"${randomUUID()}"}`;
        const same = await Promise.all(
          Array.from({ length: 20 }, () => register(uniqueSubject('t'), text)),
        );
        expect(new Set(same.map((r) => r.version.schemaId)).size).toBe(1);
      });

      it('keeps deletes and registrations of one subject consistent when interleaved', async () => {
        const subject = uniqueSubject('mixed');
        for (let i = 0; i < 5; i++) await register(subject, `{"mixed":${i}}`);
        await Promise.all([
          ...Array.from({ length: 5 }, (_, i) => store.softDeleteVersion(subject, i + 1)),
          ...Array.from({ length: 10 }, (_, i) => register(subject, `{"more":${i}}`)),
        ]);
        const all = await store.listVersions(subject, { includeDeleted: true });
        expect(all.map((v) => v.version)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
        expect((await store.listVersions(subject)).length).toBe(10);
      });

      if (options.concurrentInstances) {
        it('keeps versions gapless when two store instances race on one subject', async () => {
          const other = await options.createStore();
          try {
            const subject = uniqueSubject('instances');
            const results = await Promise.all(
              Array.from({ length: 30 }, (_, i) =>
                (i % 2 === 0 ? store : other).registerVersion({
                  subject,
                  schema: schemaOf(`{"inst":${i}}`),
                  decide: accept,
                }),
              ),
            );
            const versions = results.map((r) => r.version.version).sort((a, b) => a - b);
            expect(versions).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
            const conflictSubject = uniqueSubject('instances-conflict');
            const decide = (history: SubjectVersionWithSchema[]): RegisterDecision => {
              if (history.length > 0) throw new Error('conflict');
              return { semver: '1.0.0', compatibilityLevel: 'NONE' };
            };
            const raced = await Promise.allSettled([
              store.registerVersion({
                subject: conflictSubject,
                schema: schemaOf('{"l":1}'),
                decide,
              }),
              other.registerVersion({
                subject: conflictSubject,
                schema: schemaOf('{"r":1}'),
                decide,
              }),
            ]);
            expect(raced.filter((r) => r.status === 'fulfilled').length).toBe(1);
          } finally {
            await other.close();
          }
        });
      }
    });

    describe('hostile input', () => {
      it('stores a very long subject name', async () => {
        const subject = `${uniqueSubject('long')}${'x'.repeat(10_000)}`;
        await register(subject, '{"long":1}');
        expect((await store.getVersion(subject, 1))?.subject).toBe(subject);
        expect(await store.listSubjects()).toContain(subject);
      });

      it('keeps unicode subjects distinct and exact', async () => {
        const base = uniqueSubject('uni');
        const names = [
          `${base}-café`,
          `${base}-cafe\u0301`,
          `${base}-日本語`,
          `${base}-🚀`,
          `${base}-مرحبا`,
        ];
        for (const [i, name] of names.entries()) await register(name, `{"uni":${i}}`);
        for (const name of names)
          expect((await store.listVersions(name)).map((v) => v.subject)).toEqual([name]);
        expect((await store.search({ subject: `${base}-🚀` })).total).toBe(1);
        const accented = `${base}-Café-ÉTÉ`;
        await register(accented, '{"accent":1}');
        expect((await store.search({ subject: 'café-été' })).items.map((v) => v.subject)).toContain(
          accented,
        );
        const sorted = [`${base}-z\uFFFD`, `${base}-z😀`, `${base}-zé`, `${base}-zZ`];
        for (const name of [...sorted].reverse()) await register(name, '{"order":1}');
        expect((await store.listSubjects()).filter((s) => s.startsWith(`${base}-z`))).toEqual([
          `${base}-zZ`,
          `${base}-zé`,
          `${base}-z\uFFFD`,
          `${base}-z😀`,
        ]);
      });

      it('stores quotes and SQL metacharacters in subjects and metadata verbatim', async () => {
        const subject = `${uniqueSubject('sql')}'; DROP TABLE schemas; -- "\\ %_ \`$1 ?`;
        const metadata = {
          "'; DELETE FROM subject_versions; --": 'x"y\'z\\',
          '$.path[0]': { '"': "'", '\\': '%_' },
          tags: ["o'hara", 'a"b'],
          nul: 'a\u0000b',
        };
        await register(subject, '{"sql":1}', { metadata, createdBy: "bob'); --" });
        const read = await store.getVersion(subject, 1);
        expect(read?.subject).toBe(subject);
        expect(read?.metadata).toEqual(metadata);
        expect(read?.createdBy).toBe("bob'); --");
        expect((await store.search({ subject, tag: "o'hara" })).total).toBe(1);
        expect(
          (
            await store.search({
              subject,
              metadata: { key: "'; DELETE FROM subject_versions; --", value: 'x"y\'z\\' },
            })
          ).total,
        ).toBe(1);
        expect((await store.search({ subject, metadata: { key: '$.path[0]' } })).total).toBe(1);
        expect(
          (await store.search({ subject, metadata: { key: 'nul', value: 'a\u0000b' } })).total,
        ).toBe(1);
        expect((await store.search({ subject, tag: "'" })).total).toBe(0);
      });

      it('stores huge metadata and a schema with many references', async () => {
        const subject = uniqueSubject('huge');
        const metadata = {
          blob: 'y'.repeat(1_000_000),
          many: Array.from({ length: 5_000 }, (_, i) => ({ i })),
        };
        await register(subject, '{"huge":1}', { metadata });
        expect((await store.getVersion(subject, 1))?.metadata).toEqual(metadata);
        const target = uniqueSubject('target');
        await register(target, '{"t":1}');
        const refs = Array.from({ length: 1_500 }, (_, i) => ({
          name: `r${i}`,
          subject: target,
          version: 1,
        }));
        const { version } = await store.registerVersion({
          subject,
          schema: schemaOf(`{"many-refs":"${randomUUID()}"}`, 'JSON', refs),
          decide: accept,
        });
        expect((await store.getDependencies(version.schemaId)).length).toBe(1_500);
        expect((await store.getDependents(target, 1)).length).toBe(1);
      });

      it('matches nothing for ids and versions no column can hold', async () => {
        const subject = uniqueSubject('range');
        await register(subject, '{"range":1}');
        for (const n of [2 ** 31, -(2 ** 31) - 1, 2 ** 40, Number.MAX_SAFE_INTEGER, 1e300, 0.5]) {
          expect(await store.getSchemaById(n)).toBeUndefined();
          expect(await store.getVersion(subject, n, { includeDeleted: true })).toBeUndefined();
          expect(await store.softDeleteVersion(subject, n)).toBe(false);
          expect(await store.hardDeleteVersion(subject, n)).toBe(false);
          expect(await store.listVersionsBySchemaId(n)).toEqual([]);
          expect(await store.getDependencies(n)).toEqual([]);
          expect(await store.getDependents(subject, n)).toEqual([]);
        }
      });

      it('refuses malformed references before writing anything', async () => {
        const subject = uniqueSubject('bad-ref');
        const bad = [
          { name: 'x', subject: 'y', version: 0 },
          { name: 'x', subject: 'y', version: 2 ** 31 },
          { name: 'x', subject: 'y', version: 1.5 },
          { name: 'x', subject: 42, version: 1 },
        ] as SchemaReference[];
        for (const ref of bad) {
          await expect(
            store.registerVersion({
              subject,
              schema: schemaOf('{"r":1}', 'JSON', [ref]),
              decide: accept,
            }),
          ).rejects.toThrow(RangeError);
        }
        expect(await store.listVersions(subject, { includeDeleted: true })).toEqual([]);
      });

      it('refuses NUL characters and lone surrogates in registered text on every backend', async () => {
        const subject = uniqueSubject('nul');
        const attempts: Partial<RegisterVersionInput>[] = [
          { subject: `${subject}\u0000x` },
          { subject: `${subject}\uD800` },
          { schema: { ...schemaOf('{"nul":1}'), schema: '{"a":"\u0000"}' } },
          { createdBy: 'a\u0000b' },
          { schema: schemaOf('{"nul":2}', 'JSON', [{ name: 'n\u0000', subject, version: 1 }]) },
        ];
        for (const attempt of attempts) {
          await expect(register(subject, '{"nul":0}', attempt)).rejects.toThrow(RangeError);
        }
        expect(await store.listVersions(subject, { includeDeleted: true })).toEqual([]);
      });

      it('finds nothing for names with NUL and refuses to write them', async () => {
        const subject = uniqueSubject('nul-read');
        await register(subject, '{"nul-read":1}', {
          metadata: { tags: ['t\u0000'], 'k\u0000': 1 },
        });
        const nul = `${subject}\u0000`;
        expect(await store.getVersion(nul, 1)).toBeUndefined();
        expect(await store.getLatestVersion(nul)).toBeUndefined();
        expect(await store.listVersions(nul)).toEqual([]);
        expect(await store.softDeleteVersion(nul, 1)).toBe(false);
        expect(await store.hardDeleteVersion(nul, 1)).toBe(false);
        expect(await store.getDependents(nul, 1)).toEqual([]);
        expect(await store.getSchemaByGuid('\u0000')).toBeUndefined();
        expect(await store.getSchemaByFingerprint('JSON', '\u0000')).toBeUndefined();
        expect(await store.getConfig(nul)).toBeUndefined();
        expect(await store.deleteConfig(nul)).toBe(false);
        expect(await store.getResource(nul, 'x')).toBeUndefined();
        expect(await store.listResources(nul)).toEqual([]);
        expect(await store.deleteResource('k', nul)).toBe(false);
        for (const query of [
          { subject: nul },
          { tag: 't\u0000' },
          { metadata: { key: 'k\u0000' } },
        ]) {
          expect(await store.search(query)).toEqual({ total: 0, items: [] });
        }
        await expect(store.setConfig({ subject: nul, mode: 'IMPORT' })).rejects.toThrow(RangeError);
        await expect(
          store.putResource({ kind: nul, id: 'x', document: 1, expectedVersion: 0 }),
        ).rejects.toThrow(RangeError);
        await expect(
          store.putResource({ kind: 'k', id: nul, document: 1, expectedVersion: 0 }),
        ).rejects.toThrow(RangeError);
      });

      it('refuses a malformed decision from decide without writing', async () => {
        const subject = uniqueSubject('decision');
        const bad = [
          {},
          null,
          { semver: 1, compatibilityLevel: 'NONE' },
          { semver: '1.0.0', compatibilityLevel: 'SIDEWAYS' },
          { semver: '1.0.0\u0000', compatibilityLevel: 'NONE' },
        ] as unknown as RegisterDecision[];
        for (const decision of bad) {
          await expect(register(subject, '{"d":1}', { decide: () => decision })).rejects.toThrow();
        }
        expect(await store.listVersions(subject, { includeDeleted: true })).toEqual([]);
      });

      it('stores null for a resource document JSON cannot represent', async () => {
        const kind = uniqueSubject('k');
        const created = await store.putResource({
          kind,
          id: 'u',
          document: undefined,
          expectedVersion: 0,
        });
        expect(created.document).toBeNull();
        expect((await store.getResource(kind, 'u'))?.document).toBeNull();
      });

      it('stores a resource with hostile kind, id and document', async () => {
        const kind = `${uniqueSubject('k')}'"\\%`;
        const id = "'; DROP TABLE resources; --🚀";
        const document = { text: 'x'.repeat(100_000), quote: '\'"', nul: '\u0000' };
        await store.putResource({ kind, id, document, expectedVersion: 0 });
        expect((await store.getResource(kind, id))?.document).toEqual(document);
        expect((await store.listResources(kind)).map((r) => r.id)).toEqual([id]);
      });
    });

    describe('health', () => {
      it('refuses calls on a closed store with UNAVAILABLE and allows closing twice', async () => {
        const closed = await options.createStore();
        await closed.close();
        await closed.close();
        await expectStorageError(closed.ping(), 'UNAVAILABLE');
        await expectStorageError(closed.listSubjects(), 'UNAVAILABLE');
        await expectStorageError(
          closed.registerVersion({
            subject: uniqueSubject(),
            schema: schemaOf('{}'),
            decide: accept,
          }),
          'UNAVAILABLE',
        );
      });

      it('pings and counts schemas, live subjects and live versions', async () => {
        await store.ping();
        const before = await store.stats();
        const subject = uniqueSubject('stats');
        await register(subject, `{"stats":"${randomUUID()}"}`);
        await register(subject, `{"stats":"${randomUUID()}"}`);
        expect(await store.stats()).toEqual({
          schemas: before.schemas + 2,
          subjects: before.subjects + 1,
          versions: before.versions + 2,
        });
        await store.softDeleteVersion(subject, 1);
        expect((await store.stats()).versions).toBe(before.versions + 1);
      });
    });

    if (options.persistent) {
      describe('persistence', () => {
        it('keeps every kind of data across close and reopen, re-running migrations harmlessly', async () => {
          const first = await options.createStore();
          const subject = uniqueSubject('durable');
          const kind = uniqueSubject('durable-kind');
          const { version } = await first.registerVersion({
            subject,
            schema: schemaOf(`{"durable":"${randomUUID()}"}`),
            metadata: { tags: ['kept'] },
            decide: accept,
          });
          await first.setConfig({ subject, compatibilityLevel: 'FULL_TRANSITIVE' });
          await first.putResource({ kind, id: 'x', document: { kept: true }, expectedVersion: 0 });
          await first.close();
          await expectStorageError(first.ping(), 'UNAVAILABLE');

          const second = await options.createStore();
          try {
            expect(await second.getVersion(subject, 1)).toEqual(version);
            expect((await second.getConfig(subject))?.compatibilityLevel).toBe('FULL_TRANSITIVE');
            expect((await second.getResource(kind, 'x'))?.document).toEqual({ kept: true });
            expect((await second.search({ subject, tag: 'kept' })).total).toBe(1);
            const next = await second.registerVersion({
              subject,
              schema: schemaOf(`{"durable":"${randomUUID()}"}`),
              decide: accept,
            });
            expect(next.version.version).toBe(2);
            expect(next.version.schemaId).toBeGreaterThan(version.schemaId);
          } finally {
            await second.close();
          }
        });
      });
    }
  });
}
