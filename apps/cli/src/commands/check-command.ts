import type { CompatibilityCheckInput } from '@llmsr/sdk';
import type { CliCommand } from '../cli-command.js';
import { EXIT } from '../exit-codes.js';
import { requiredOption, stringOption, versionSelector } from '../option-values.js';
import { readTextInput } from '../read-text-input.js';
import { describeViolation } from '../report-error.js';
import { schemaTypeFromPath } from '../schema-type-from-path.js';
import { UsageError } from '../usage-error.js';
import { writeJson } from '../write-json.js';

const NAME = 'check';

/** `llmsr check <file|-> --subject s`: would this schema be accepted? */
export const checkCommand: CliCommand = {
  name: NAME,
  summary: "Check a schema's compatibility with a subject without registering it",
  usage: '<file|-> --subject <subject> [options]',
  help: [
    ['-s, --subject <subject>', 'Subject to check against (required)'],
    ['-t, --type <type>', 'json, avro or protobuf (default: from the extension)'],
    ['--level <level>', "Level to check at (default: the subject's)"],
    ['-v, --version <version>', 'Check against this one version only'],
  ],
  options: {
    subject: { type: 'string', short: 's' },
    type: { type: 'string', short: 't' },
    level: { type: 'string' },
    version: { type: 'string', short: 'v' },
  },
  async run(context) {
    if (context.positionals.length > 1) throw new UsageError('give one schema file', NAME);
    const path = context.positionals[0];
    const subject = requiredOption(context, 'subject', NAME);
    const schemaType = schemaTypeFromPath(path, stringOption(context, 'type'), NAME);
    const text = await readTextInput(path, context.io.stdin, NAME);
    if (text.trim() === '') throw new UsageError('the schema is empty', NAME);
    const input: CompatibilityCheckInput = { subject, schema: text };
    if (schemaType) input.schemaType = schemaType;
    const level = stringOption(context, 'level');
    if (level !== undefined) input.level = level;
    const version = stringOption(context, 'version');
    if (version !== undefined) input.version = versionSelector(version);
    const result = await context.client().checkCompatibility(input);
    const { io } = context;
    if (context.json) writeJson(io.stdout, result);
    else {
      const against = result.comparedVersions.length
        ? ` with version${result.comparedVersions.length === 1 ? '' : 's'} ${result.comparedVersions.join(', ')}`
        : '';
      io.stdout.write(
        `${result.compatible ? 'compatible' : 'incompatible'} (${result.level})${against}\n`,
      );
      for (const violation of result.violations)
        io.stdout.write(`  - ${describeViolation(violation)}\n`);
    }
    return result.compatible ? EXIT.ok : EXIT.failed;
  },
};
