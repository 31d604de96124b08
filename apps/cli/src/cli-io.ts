import type { Readable } from 'node:stream';

/** Somewhere the CLI writes text (a process stream, or a buffer in tests). */
export interface CliOutput {
  write(text: string): unknown;
  /** Whether this is an interactive terminal (progress lines are drawn only then). */
  isTTY?: boolean;
}

/** The process surface a command runs against, injectable so tests run commands in-process. */
export interface CliIo {
  stdout: CliOutput;
  stderr: CliOutput;
  stdin: Readable;
  env: NodeJS.ProcessEnv;
  /** Aborted to stop long-running commands (`serve`); main wires it to SIGINT/SIGTERM. */
  signal?: AbortSignal;
}
