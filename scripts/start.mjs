#!/usr/bin/env node
// `pnpm start`: build what the deployable registry needs (turbo caches, so later runs take a
// second), saying so and how long it took instead of sitting silent, then run the registry in
// this process so SIGTERM and SIGINT reach it directly.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = new URL('../apps/registry/dist/main.js', import.meta.url);
const firstRun = !existsSync(entry);

process.stderr.write(
  firstRun
    ? 'building llmsr (the first run takes about 30 s; later runs reuse the build)…\n'
    : 'checking the llmsr build…\n',
);
const started = performance.now();
const output = [];
const code = await new Promise((resolve) => {
  const turbo = spawn(
    join(root, 'node_modules', '.bin', 'turbo'),
    ['run', 'build', '--filter=@llmsr/registry...', '--output-logs=errors-only'],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  turbo.stdout.on('data', (chunk) => output.push(chunk));
  turbo.stderr.on('data', (chunk) => output.push(chunk));
  turbo.on('error', (error) => {
    output.push(Buffer.from(`${error.message}\n`));
    resolve(1);
  });
  turbo.on('close', (status) => resolve(status ?? 1));
});
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (code !== 0) {
  process.stderr.write(Buffer.concat(output));
  process.stderr.write(`llmsr: the build failed after ${seconds} s (output above)\n`);
  process.exit(1);
}
process.stderr.write(`built in ${seconds} s; starting llmsr\n`);
await import(entry.href);
