import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The architecture rules live in the repository root's `.dependency-cruiser.cjs` (run by
// `pnpm lint:deps`); this suite proves they fail on a violation, on a small fixture tree.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const depcruise = join(root, 'node_modules', '.bin', 'depcruise');
const config = join(root, '.dependency-cruiser.cjs');
const fixtures: string[] = [];

afterAll(() => {
  for (const dir of fixtures) rmSync(dir, { recursive: true, force: true });
});

/** Writes `files` (path -> source) into a fresh directory laid out like the repository. */
function fixture(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'llmsr-deps-'));
  fixtures.push(dir);
  const all = { 'tsconfig.base.json': '{}', ...files };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** The rule names the cruiser reports for the fixture (its `err` output), and its exit status. */
function cruise(dir: string): { status: number | null; rules: string[] } {
  const run = spawnSync(depcruise, ['packages', 'apps', '--config', config], {
    cwd: dir,
    encoding: 'utf8',
  });
  const rules = [...run.stdout.matchAll(/^\s*error ([\w-]+):/gm)].map((match) => match[1] ?? '');
  return { status: run.status, rules: rules.sort() };
}

describe('the import direction rules', () => {
  it('pass a tree that follows the layers', () => {
    const dir = fixture({
      'packages/spec/src/index.ts': 'export const A = 1;\n',
      'packages/validation/src/index.ts': "export { A } from '../../spec/src/index.js';\n",
      'packages/core/src/index.ts': "export { A } from '../../validation/src/index.js';\n",
      'apps/server/src/index.ts': "export { A } from '../../../packages/core/src/index.js';\n",
      // A type-only import is erased, so it keeps the CLI's loading of the root lazy.
      'apps/cli/src/main.ts':
        "import type { Root } from '../../registry/src/index.js';\nexport const root: Root = 1;\nexport const load = () => import('../../registry/src/index.js');\n",
      'apps/registry/src/index.ts':
        "export { A } from '../../server/src/index.js';\nexport type Root = number;\n",
    });
    expect(cruise(dir)).toEqual({ status: 0, rules: [] });
  }, 30_000);

  it('fail on a lower package importing a higher one, an app importing an app, a dependency in the vocabulary, a static CLI import of the root and an unresolvable workspace import', () => {
    const dir = fixture({
      'packages/spec/src/index.ts': "import 'node:fs';\nexport const A = 1;\n",
      'packages/validation/src/index.ts': "export { B } from '../../core/src/index.js';\n",
      'packages/core/src/index.ts': "import '@llmsr/nowhere';\nexport const B = 2;\n",
      'apps/connect/src/index.ts': 'export const C = 3;\n',
      'apps/server/src/index.ts': "export { C } from '../../connect/src/index.js';\n",
      'apps/cli/src/main.ts': "export { D } from '../../registry/src/index.js';\n",
      'apps/registry/src/index.ts': 'export const D = 4;\n',
    });
    const { status, rules } = cruise(dir);
    expect(status).not.toBe(0);
    expect(rules).toEqual([
      'cli-loads-the-composition-root-lazily',
      'only-composition-roots-import-apps',
      'server-and-connect-are-independent',
      'spec-vocabulary-has-no-dependency',
      'validation-imports-only-spec',
      'workspace-imports-resolve',
    ]);
  }, 30_000);
});
