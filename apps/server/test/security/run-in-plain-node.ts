import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const serverDir = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Run a self-contained async scenario in a child Node process, outside Vitest: Vitest starts its
 * workers with `--conditions module`, which sends the AWS SDK that `@confluentinc/schemaregistry`
 * loads to a bundler-only build. The scenario gets `require` and `input` (JSON-copied) and
 * answers a JSON value.
 *
 * @example
 * ```ts
 * const out = await runInPlainNode(async (load, input) => input.host, { host });
 * ```
 */
export async function runInPlainNode<I, O>(
  scenario: (load: (name: string) => unknown, input: I) => Promise<O>,
  input: I,
): Promise<O> {
  const code = `(${scenario.toString()})(require, ${JSON.stringify(input)}).then((r) => process.stdout.write(JSON.stringify(r)), (e) => { console.error(e); process.exit(1); });`;
  const { stdout } = await run(process.execPath, ['-e', code], {
    cwd: serverDir,
    timeout: 55_000,
    maxBuffer: 10_000_000,
  });
  return JSON.parse(stdout) as O;
}
