import type { CliCommand } from '../cli-command.js';
import { EXIT } from '../exit-codes.js';
import { stringOption } from '../option-values.js';
import { UsageError } from '../usage-error.js';
import { writeJson } from '../write-json.js';

const NAME = 'versions';

/** `llmsr versions <subject>`: list a subject's versions; without a subject, list subjects. */
export const versionsCommand: CliCommand = {
  name: NAME,
  summary: "List a subject's versions (or every subject when none is given)",
  usage: '[<subject>] [--deleted]',
  help: [
    ['-s, --subject <subject>', 'Subject (or give it as the argument)'],
    ['--deleted', 'Include soft-deleted versions or subjects'],
  ],
  options: { subject: { type: 'string', short: 's' }, deleted: { type: 'boolean' } },
  async run(context) {
    if (context.positionals.length > 1) throw new UsageError('give at most one subject', NAME);
    const subject = stringOption(context, 'subject') ?? context.positionals[0];
    const deleted = context.values.deleted === true;
    const { io } = context;
    if (subject === undefined) {
      const subjects = await context.client().listSubjects({ deleted });
      if (context.json) writeJson(io.stdout, subjects);
      else io.stdout.write(subjects.length ? `${subjects.join('\n')}\n` : 'No subjects\n');
      return EXIT.ok;
    }
    const versions = await context.client().listVersions(subject, { deleted });
    if (context.json) {
      writeJson(io.stdout, versions);
      return EXIT.ok;
    }
    for (const version of versions) {
      io.stdout.write(
        `${String(version.version).padStart(4)}  id ${String(version.id).padEnd(6)} ${(version.semver ?? '').padEnd(10)} ${version.schemaType.padEnd(8)} ${version.createdAt}${version.deletedAt ? '  (deleted)' : ''}\n`,
      );
    }
    return EXIT.ok;
  },
};
