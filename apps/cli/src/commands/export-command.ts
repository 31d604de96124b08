import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { CliCommand } from '../cli-command.js';
import { createProgress } from '../create-progress.js';
import { EXIT } from '../exit-codes.js';
import { exportRegistry } from '../export-registry.js';
import { stringOption } from '../option-values.js';
import { UsageError } from '../usage-error.js';
import { writeJson } from '../write-json.js';

const NAME = 'export';

/** `llmsr export [-o file]`: everything the registry holds as NDJSON. */
export const exportCommand: CliCommand = {
  name: NAME,
  summary:
    'Export everything (versions incl. soft-deleted, ids, metadata, references, configs, modes, resources) as NDJSON',
  usage: '[-o <file>]',
  help: [['-o, --output <file>', 'Write to a file instead of stdout']],
  options: { output: { type: 'string', short: 'o' } },
  async run(context) {
    if (context.positionals.length > 0) throw new UsageError('export takes no arguments', NAME);
    const { io } = context;
    const output = stringOption(context, 'output');
    const file = output === undefined || output === '-' ? undefined : createWriteStream(output);
    if (file) {
      try {
        await once(file, 'open');
      } catch (error) {
        throw new UsageError(
          `cannot write ${output}: ${(error as NodeJS.ErrnoException).code}`,
          NAME,
        );
      }
    }
    const progress = createProgress(io.stderr);
    try {
      const counts = await exportRegistry(context.endpoint, {
        async write(record) {
          const line = `${JSON.stringify(record)}\n`;
          if (!file) io.stdout.write(line);
          else if (!file.write(line)) await once(file, 'drain');
        },
        onProgress: (subjects, versions) =>
          progress.update(() => `read ${subjects} subjects, ${versions} versions`),
      });
      progress.done();
      if (file) {
        file.end();
        await once(file, 'finish');
      }
      const others =
        counts.configs + counts.resources > 0
          ? `, ${counts.configs} configs and ${counts.resources} resources`
          : '';
      const message = `exported ${counts.versions} versions of ${counts.subjects} subjects${others}${file ? ` to ${output}` : ''}`;
      if (context.json && file) writeJson(io.stdout, counts);
      else io.stderr.write(`${message}\n`);
      return EXIT.ok;
    } finally {
      progress.done();
      if (file && !file.closed) file.destroy();
    }
  },
};
