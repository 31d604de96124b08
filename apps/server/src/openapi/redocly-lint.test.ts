import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRegistry } from '@llmsr/core';
import { describe, expect, it } from 'vitest';
import { createApp } from '../create-app.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
const redocly = join(root, 'node_modules/.bin/redocly');

interface Problem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer?: string }[];
}

describe('the OpenAPI document', () => {
  it("passes Redocly's recommended ruleset with no error and no warning", async () => {
    const registry = await createRegistry({ storage: 'memory:' });
    const document = await (await createApp({ registry }).request('/openapi.json')).json();
    await registry.close();
    const dir = mkdtempSync(join(tmpdir(), 'llmsr-openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(document));
      const result = spawnSync(
        redocly,
        ['lint', file, '--extends=recommended', '--format=json', '--max-problems=1000'],
        {
          encoding: 'utf8',
          cwd: dir,
          timeout: 60_000,
          env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
        },
      );
      const report = JSON.parse(result.stdout.slice(result.stdout.indexOf('{'))) as {
        problems: Problem[];
      };
      const problems = report.problems.map(
        (p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer ?? ''}: ${p.message}`,
      );
      expect(problems).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
