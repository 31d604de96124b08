import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningRegistry as RunningServer } from '@llmsr/registry';

type Registry = RunningServer['registry'];

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDER_PROTO, PERSON, PERSON_V2, USER_AVRO } from './fixtures.js';
import { runAt, startMemoryServer } from './run-in-process.js';

const at = (server: RunningServer) => `http://127.0.0.1:${server.port}`;
const SPACE = {
  id: 'chat',
  name: 'Chat bot',
  variables: [
    { name: 'provider', kind: 'choice', values: ['openai', 'groq'] },
    { name: 'temperature', kind: 'float', min: 0, max: 2, default: 0.7 },
  ],
};

let source: RunningServer;
let target: RunningServer;
let importRun: Awaited<ReturnType<typeof runAt>>;

/** Fill a registry with every kind of state an export must carry. */
async function fill(registry: Registry): Promise<void> {
  await registry.schemas.register({
    subject: 'people',
    schema: PERSON,
    metadata: { owner: 'crm', tags: ['pii'] },
    createdBy: 'alice',
  });
  await registry.schemas.register({ subject: 'people', schema: PERSON_V2, semver: '1.4.0' });
  // Shared content: one id under two subjects.
  await registry.schemas.register({ subject: 'people-copy', schema: PERSON_V2 });
  await registry.schemas.register({ subject: 'user', schema: USER_AVRO, schemaType: 'AVRO' });
  await registry.schemas.register({
    subject: 'session',
    schemaType: 'AVRO',
    schema: JSON.stringify({
      type: 'record',
      name: 'Session',
      fields: [{ name: 'user', type: 'User' }],
    }),
    references: [{ name: 'User', subject: 'user', version: 1 }],
  });
  await registry.schemas.register({
    subject: 'orders',
    schema: ORDER_PROTO,
    schemaType: 'PROTOBUF',
  });
  // A soft-deleted version whose content is registered again as a later version.
  await registry.subjects.deleteVersion('people-copy', 1);
  await registry.schemas.register({ subject: 'people-copy', schema: PERSON_V2 });
  // A subject whose only version is soft-deleted.
  await registry.schemas.register({
    subject: 'gone',
    schema: '{"type":"string"}',
    schemaType: 'JSON',
  });
  await registry.subjects.delete('gone');
  // A permanently deleted version leaves a gap in ids and versions.
  await registry.config.set('orders', { compatibilityLevel: 'NONE' });
  await registry.schemas.register({
    subject: 'orders',
    schema: ORDER_PROTO.replace('Order', 'Order2'),
    schemaType: 'PROTOBUF',
  });
  await registry.subjects.deleteVersion('orders', 2);
  await registry.subjects.deleteVersion('orders', 2, { permanent: true });
  await registry.schemas.register({
    subject: 'orders',
    schema: ORDER_PROTO.replace('Order', 'Order3'),
    schemaType: 'PROTOBUF',
  });
  // Per-subject config with level, mode and extra fields; a config without any version.
  await registry.config.set('people', {
    compatibilityLevel: 'FULL',
    mode: 'READONLY',
    extra: {
      compatibilityPolicy: 'LENIENT',
      normalize: true,
      jsonSchemaDefaultDraft: '2020-12',
      defaultMetadata: { properties: { team: 'crm' } },
    },
  });
  await registry.config.set('planned', { compatibilityLevel: 'NONE', extra: { alias: 'people' } });
  // Global config last: READONLY would stop an import that applied it first.
  await registry.config.set(null, {
    compatibilityLevel: 'FORWARD',
    mode: 'READONLY',
    extra: { normalize: false },
  });
  await registry.variableSpaces.create(SPACE);
}

/** Every stored fact of a registry, in a comparable shape. */
async function snapshot(registry: Registry) {
  const subjects = await registry.subjects.list({ includeDeleted: true });
  const versions = [];
  for (const subject of subjects) {
    for (const view of await registry.subjects.versions(subject, { includeDeleted: true })) {
      versions.push({
        subject: view.subject,
        version: view.version,
        id: view.id,
        guid: view.guid,
        semver: view.semver,
        schemaType: view.schemaType,
        schema: view.schema,
        fingerprint: view.fingerprint,
        references: view.references,
        metadata: view.metadata,
        createdBy: view.createdBy,
        compatibilityLevel: view.compatibilityLevel,
        deleted: view.deletedAt !== null,
      });
    }
  }
  const configs: Record<string, unknown> = {};
  for (const subject of [null, ...subjects, 'planned']) {
    configs[String(subject)] = await registry.config.get(subject);
  }
  const spaces = (await registry.resources.list('variable-space')).map(
    (resource: { id: string; document: unknown }) => ({
      id: resource.id,
      document: resource.document,
    }),
  );
  return { subjects, versions, configs, spaces };
}

beforeAll(async () => {
  source = await startMemoryServer();
  target = await startMemoryServer();
  await fill(source.registry);
  const dir = await mkdtemp(join(tmpdir(), 'llmsr-fidelity-'));
  const file = join(dir, 'export.ndjson');
  const exported = await runAt(at(source), ['export', '-o', file]);
  expect(exported.code).toBe(0);
  importRun = await runAt(at(target), ['import', file]);
});
afterAll(async () => {
  await source.close();
  await target.close();
});

describe('export then import into an empty registry', () => {
  it('applies every line without a failure', () => {
    expect(importRun.stdout).toMatch(/failed 0; mode restored to READONLY/);
    expect(importRun.code).toBe(0);
  });

  it('keeps every version field by field: ids, versions, semvers, metadata, references, authors', async () => {
    const before = await snapshot(source.registry);
    const after = await snapshot(target.registry);
    expect(after.subjects).toEqual(before.subjects);
    expect(after.versions).toEqual(before.versions);
  });

  it('keeps soft-deleted versions deleted, and the re-registered content live', async () => {
    const copy = await target.registry.subjects.versions('people-copy', { includeDeleted: true });
    expect(copy.map((view) => [view.version, view.deletedAt !== null])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(await target.registry.subjects.list()).not.toContain('gone');
    expect(
      await target.registry.subjects.getVersion('gone', 1, { includeDeleted: true }),
    ).toBeDefined();
    // The permanently deleted version stays gone; the ids around it are kept.
    const orders = async (server: RunningServer) =>
      (await server.registry.subjects.versions('orders', { includeDeleted: true })).map((view) => [
        view.version,
        view.id,
      ]);
    expect(await orders(target)).toEqual(await orders(source));
    expect(await orders(target)).toHaveLength(2);
  });

  it('keeps per-subject and global config and modes with their extra fields', async () => {
    const before = await snapshot(source.registry);
    const after = await snapshot(target.registry);
    expect(after.configs).toEqual(before.configs);
    expect(after.configs.people).toMatchObject({
      mode: 'READONLY',
      extra: { compatibilityPolicy: 'LENIENT', jsonSchemaDefaultDraft: '2020-12' },
    });
    expect(after.configs.null).toMatchObject({ compatibilityLevel: 'FORWARD', mode: 'READONLY' });
    expect(after.configs.planned).toMatchObject({ compatibilityLevel: 'NONE' });
  });

  it('keeps variable spaces', async () => {
    const after = await snapshot(target.registry);
    expect(after.spaces).toEqual((await snapshot(source.registry)).spaces);
    expect(after.spaces).toHaveLength(1);
  });

  it('skips everything on a second run and changes nothing', async () => {
    const before = await snapshot(target.registry);
    const dir = await mkdtemp(join(tmpdir(), 'llmsr-fidelity-'));
    const file = join(dir, 'again.ndjson');
    await runAt(at(source), ['export', '-o', file]);
    const again = await runAt(at(target), ['import', file, '--json']);
    const summary = JSON.parse(again.stdout);
    expect(summary.failed).toEqual([]);
    expect(summary.skipped).toBeGreaterThan(0);
    expect(await snapshot(target.registry)).toEqual(before);
  });
});
