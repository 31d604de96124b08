import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PACKAGE = fileURLToPath(new URL('..', import.meta.url));

/** A registry process started from its TypeScript entry point (through tsx, from sources). */
export interface RegistryProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal's name) once the process has exited. */
  exited: Promise<number | string>;
}

/**
 * Spawn `src/main.ts` with `env` on top of a bare environment (no `NODE_ENV=test`, whose silent
 * logs would hide the "listening" line).
 */
export function spawnRegistry(env: Record<string, string>): RegistryProcess {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'src/main.ts'], {
    cwd: PACKAGE,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Run the registry until it exits on its own (a startup failure). */
export async function runRegistry(
  env: Record<string, string>,
): Promise<{ code: number | string; stdout: string; stderr: string }> {
  const started = spawnRegistry(env);
  const code = await started.exited;
  return { code, stdout: started.stdout(), stderr: started.stderr() };
}

/** Wait for the "llmsr listening" log line and return the two ports it names. */
export async function waitForListening(
  registry: RegistryProcess,
): Promise<{ port: number; connectPort: number }> {
  for (;;) {
    const line = registry
      .stdout()
      .split('\n')
      .find((candidate) => candidate.includes('llmsr listening'));
    if (line) {
      const { url, connect } = JSON.parse(line) as { url: string; connect: string };
      return { port: Number(new URL(url).port), connectPort: Number(connect.split(':')[1]) };
    }
    const exited = await Promise.race([
      registry.exited.then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), 50)),
    ]);
    if (exited) throw new Error(`the registry exited: ${registry.stderr()}`);
  }
}
