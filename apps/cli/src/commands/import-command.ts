import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { CliCommand } from '../cli-command.js';
import { createProgress } from '../create-progress.js';
import { EXIT } from '../exit-codes.js';
import { importRegistry } from '../import-registry.js';
import { readLines } from '../read-lines.js';
import { UsageError } from '../usage-error.js';
import { writeJson } from '../write-json.js';

const NAME = 'import';
/** Failures the human summary lists. */
const SHOWN_FAILURES = 10;

/** `llmsr import [file|-]`: load an export, preserving ids and versions; safe to re-run. */
export const importCommand: CliCommand = {
  name: NAME,
  summary:
    'Import an NDJSON export with ids and versions preserved (skips what exists; safe to re-run)',
  usage: '[<file|->]',
  help: [],
  options: {},
  async run(context) {
    if (context.positionals.length > 1) throw new UsageError('give one export file', NAME);
    const path = context.positionals[0];
    const { io } = context;
    let input: Readable = io.stdin;
    if (path !== undefined && path !== '-') {
      input = createReadStream(path);
      try {
        await once(input, 'open');
      } catch (error) {
        throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code}`, NAME);
      }
    }
    const progress = createProgress(io.stderr);
    let summary: Awaited<ReturnType<typeof importRegistry>>;
    try {
      summary = await importRegistry({
        client: context.client(),
        endpoint: context.endpoint,
        lines: readLines(input),
        onProgress: (now) =>
          progress.update(
            () => `imported ${now.imported}, skipped ${now.skipped}, failed ${now.failed.length}`,
          ),
        onWarning: (message) => io.stderr.write(`warning: ${message}\n`),
      });
    } finally {
      progress.done();
      if (input !== io.stdin) input.destroy();
    }
    if (context.json) writeJson(io.stdout, summary);
    else {
      io.stdout.write(
        `imported ${summary.imported}, skipped ${summary.skipped} already present, failed ${summary.failed.length}; mode restored to ${summary.previousMode}\n`,
      );
      for (const failure of summary.failed.slice(0, SHOWN_FAILURES)) {
        const version = failure.version === undefined ? '' : ` v${failure.version}`;
        const where = failure.subject ? ` ${failure.subject}${version}` : '';
        io.stdout.write(`  line ${failure.line}${where}: ${failure.message} (${failure.code})\n`);
      }
    }
    return summary.failed.length > 0 ? EXIT.failed : EXIT.ok;
  },
};
