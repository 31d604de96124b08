import { Readable } from 'node:stream';
import { loadConfig, type RunningRegistry, startRegistry } from '@llmsr/registry';
import { runCli } from '../src/index.js';

/** What a command printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Start a real server on a free port with in-memory storage. */
export function startMemoryServer(): Promise<RunningRegistry> {
  return startRegistry({
    ...loadConfig({ NODE_ENV: 'test' }),
    port: 0,
    connectPort: null,
    host: '127.0.0.1',
    storageUrl: 'memory:',
  });
}

/** Run `llmsr <argv>` in-process against `url`, capturing its output and exit code. */
export async function runAt(
  url: string | undefined,
  argv: string[],
  options: { stdin?: string; tty?: boolean; env?: NodeJS.ProcessEnv; signal?: AbortSignal } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    argv,
    {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text), isTTY: options.tty ?? false },
      stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
      env: { ...(url === undefined ? {} : { LLMSR_URL: url }), ...options.env },
      ...(options.signal ? { signal: options.signal } : {}),
    },
    { retries: 0 },
  );
  return { code, stdout, stderr };
}
