import { describe, expect, it } from 'vitest';
import { codeOf, reachableSharedBackends, useTwoRegistries } from './create-test-registry.js';
import { recordWith } from './schema-fixtures.js';
import { within } from './scratch-databases.js';

const backends = await reachableSharedBackends();

describe.each(backends)('two registry nodes on one %s database', (_name, create) => {
  const { a, b } = useTwoRegistries(create);

  it('keeps one version per content when both nodes register it at the same moment', async () => {
    await a.config.set('same', { compatibilityLevel: 'NONE' });
    for (let round = 0; round < 50; round++) {
      const schema = recordWith(`f${round}`);
      const [onA, onB] = await Promise.all([
        a.schemas.register({ subject: 'same', schema }),
        b.schemas.register({ subject: 'same', schema }),
      ]);
      expect(onA.version.version).toBe(round + 1);
      expect(onB.version.version).toBe(round + 1);
      expect([onA.created, onB.created].filter(Boolean)).toHaveLength(1);
    }
    const versions = await b.subjects.versions('same');
    expect(versions.map((v) => v.version)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const registered = (await a.events.list({ limit: 10_000 })).filter(
      (e) => e.type === 'schema.registered',
    );
    expect(registered).toHaveLength(50);
  });

  it('accepts 16 racing first registrations that set NONE across both nodes', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 16 }, (_, i) =>
        (i % 2 === 0 ? a : b).schemas.register({
          subject: 'first',
          schema: recordWith(`f${i}`),
          compatibilityLevel: 'NONE',
        }),
      ),
    );
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason.code] : []));
    expect(refused).toEqual([]);
    expect((await a.subjects.versions('first')).map((v) => v.version)).toEqual(
      Array.from({ length: 16 }, (_, i) => i + 1),
    );
    expect(await b.config.resolveLevel('first')).toBe('NONE');
  });

  it('shows a soft delete made on one node to the other within a second', async () => {
    const { version } = await a.schemas.register({ subject: 'orders', schema: recordWith('id') });
    // B caches the schema's view, which lists the version as live.
    expect((await b.schemas.getOrThrow(version.id)).versions).toEqual([
      { subject: 'orders', version: 1, deleted: false },
    ]);
    await a.subjects.deleteVersion('orders', 1);
    const took = await within(1_000, async () => {
      const view = await b.schemas.getOrThrow(version.id);
      return view.versions[0]?.deleted === true;
    });
    expect(took).toBeDefined();
    expect(await b.subjects.getVersion('orders', 1)).toBeUndefined();
  });

  it('forgets a schema permanently deleted on the other node within a second', async () => {
    const { version } = await a.schemas.register({ subject: 'orders', schema: recordWith('id') });
    // Warm B's caches: the view and the compiled validator of the id.
    await b.schemas.getOrThrow(version.id);
    expect((await b.validation.validate({ schemaId: version.id, data: { id: 'x' } })).valid).toBe(
      true,
    );
    await a.subjects.deleteVersion('orders', 1);
    await a.subjects.deleteVersion('orders', 1, { permanent: true });
    const took = await within(1_000, async () => {
      const code = await codeOf(b.validation.validate({ schemaId: version.id, data: { id: 'x' } }));
      return code === 'SCHEMA_NOT_FOUND' && (await b.schemas.get(version.id)) === undefined;
    });
    expect(took).toBeDefined();
  });

  it('applies a config or mode change made on one node to the other within a second', async () => {
    await b.schemas.register({ subject: 'orders', schema: recordWith('id') });
    expect(
      await codeOf(b.schemas.register({ subject: 'orders', schema: recordWith('other') })),
    ).toBe('INCOMPATIBLE_SCHEMA');
    await a.config.set('orders', { compatibilityLevel: 'NONE' });
    expect(
      await within(1_000, async () => (await b.config.resolveLevel('orders')) === 'NONE'),
    ).toBeDefined();
    expect(
      (await b.schemas.register({ subject: 'orders', schema: recordWith('other') })).created,
    ).toBe(true);
    await a.config.set(null, { mode: 'READONLY' });
    expect(
      await within(1_000, async () => {
        const code = await codeOf(
          b.schemas.register({ subject: 'orders', schema: recordWith('third') }),
        );
        return code === 'OPERATION_NOT_PERMITTED';
      }),
    ).toBeDefined();
  });

  it('delivers the events of both nodes to a listener on either, each once and in order', async () => {
    const seen: number[] = [];
    const stop = b.events.subscribeRecorded((event) => seen.push(event.id));
    await b.events.list();
    await a.schemas.register({ subject: 'x', schema: recordWith('id') });
    await b.config.set('x', { compatibilityLevel: 'FULL' });
    await a.subjects.deleteVersion('x', 1);
    const stored = (await a.events.list()).map((e) => e.id);
    expect(await within(1_000, async () => seen.length >= 3)).toBeDefined();
    stop();
    expect(seen).toEqual(stored.slice(-3));
  });
});
