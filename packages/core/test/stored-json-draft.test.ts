import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRegistry } from '../src/create-registry.js';

const dir = mkdtempSync(join(tmpdir(), 'llmsr-core-draft-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pair = { type: 'array', items: [{ type: 'string' }, { type: 'integer' }] };

describe('a JSON schema stored on disk', () => {
  it('is read under the draft it was registered under by a registry started after the default changed', async () => {
    const storage = `sqlite:${join(dir, 'drafts.db')}`;
    const before = await createRegistry({ storage });
    const { version } = await before.schemas.register({ subject: 'pairs', schema: pair });
    await before.close();
    const after = await createRegistry({ storage, defaultJsonDraft: '2020-12' });
    try {
      expect((await after.config.resolve('pairs')).jsonSchemaDefaultDraft).toBe('2020-12');
      const bad = await after.validation.validate({ schemaId: version.id, data: ['a', 'b'] });
      expect(bad.valid).toBe(false);
      const good = await after.validation.validate({ subject: 'pairs', data: ['a', 1] });
      expect(good).toMatchObject({ schemaId: version.id, valid: true });
    } finally {
      await after.close();
    }
  });
});
