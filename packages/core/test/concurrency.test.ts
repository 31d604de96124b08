import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRegistry } from '../src/create-registry.js';

const dir = mkdtempSync(join(tmpdir(), 'llmsr-core-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const backends: [string, () => string][] = [
  ['memory', () => 'memory:'],
  ['sqlite', () => `sqlite:${join(dir, `${Math.random().toString(36).slice(2)}.db`)}`],
];

describe.each(backends)('racing registrations on %s', (_name, url) => {
  it('registers exactly one of two schemas that are incompatible with each other', async () => {
    const registry = await createRegistry({ storage: url() });
    const closed = {
      type: 'object',
      properties: { id: { type: 'integer' } },
      additionalProperties: false,
    };
    await registry.schemas.register({ subject: 'race', schema: closed });
    // Each adds `p` to a closed model (compatible with v1), with types that cannot read each other.
    const asString = { ...closed, properties: { ...closed.properties, p: { type: 'string' } } };
    const asInteger = { ...closed, properties: { ...closed.properties, p: { type: 'integer' } } };
    const results = await Promise.allSettled([
      registry.schemas.register({ subject: 'race', schema: asString }),
      registry.schemas.register({ subject: 'race', schema: asInteger }),
    ]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.reason.code).toBe('INCOMPATIBLE_SCHEMA');
    expect((await registry.subjects.versions('race')).map((v) => v.version)).toEqual([1, 2]);
    await registry.close();
  });

  it('gives 50 concurrent registrations of different schemas versions 1..50', async () => {
    const registry = await createRegistry({ storage: url() });
    await registry.config.set('many', { compatibilityLevel: 'NONE' });
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        registry.schemas.register({
          subject: 'many',
          schema: { type: 'object', title: `v${i}`, properties: { [`f${i}`]: {} } },
        }),
      ),
    );
    const versions = (await registry.subjects.versions('many')).map((v) => v.version);
    expect(versions).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    await registry.close();
  });
});
