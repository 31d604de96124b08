import type { CliCommand } from '../cli-command.js';
import { EXIT } from '../exit-codes.js';
import { stringOption, versionSelector } from '../option-values.js';
import { UsageError } from '../usage-error.js';
import { schemaText, writeJson } from '../write-json.js';

const NAME = 'get';

/** `llmsr get <id>` or `llmsr get --subject s [--version v]`: fetch a schema. */
export const getCommand: CliCommand = {
  name: NAME,
  summary: 'Fetch a schema by global id, or a subject version',
  usage: '<id> | --subject <subject> [--version <n|semver|latest>]',
  help: [
    ['-s, --subject <subject>', 'Subject to read'],
    ['-v, --version <version>', 'Integer, semver or latest (default latest)'],
  ],
  options: { subject: { type: 'string', short: 's' }, version: { type: 'string', short: 'v' } },
  async run(context) {
    const subject = stringOption(context, 'subject');
    const [id, extra] = context.positionals;
    if (extra !== undefined || (subject === undefined) === (id === undefined)) {
      throw new UsageError('give either a schema id or --subject', NAME);
    }
    if (subject === undefined && stringOption(context, 'version') !== undefined) {
      throw new UsageError('--version needs --subject (an id names one schema)', NAME);
    }
    const { io } = context;
    if (subject !== undefined) {
      const version = await context
        .client()
        .getVersion(subject, versionSelector(stringOption(context, 'version')));
      if (context.json) writeJson(io.stdout, version);
      else {
        io.stdout.write(
          `${version.subject} version ${version.version}${version.semver ? ` (${version.semver})` : ''}, id ${version.id}, ${version.schemaType}\n${schemaText(version.schema)}\n`,
        );
      }
      return EXIT.ok;
    }
    const ref = /^\d+$/.test(id!) ? Number(id) : id!;
    const schema = await context.client().getSchema(ref);
    if (context.json) writeJson(io.stdout, schema);
    else {
      const uses = schema.versions.map((use) => `${use.subject} v${use.version}`).join(', ');
      io.stdout.write(
        `id ${schema.id}, ${schema.schemaType}${uses ? `, used by ${uses}` : ''}\n${schemaText(schema.schema)}\n`,
      );
    }
    return EXIT.ok;
  },
};
