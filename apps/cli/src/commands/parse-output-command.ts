import type { ParseOutputInput } from '@llmsr/sdk';
import type { CliCommand, CommandContext } from '../cli-command.js';
import { EXIT } from '../exit-codes.js';
import { stringOption, versionSelector } from '../option-values.js';
import { readTextInput } from '../read-text-input.js';
import { UsageError } from '../usage-error.js';
import { writeJson } from '../write-json.js';

const NAME = 'parse-output';

type Selector = { schemaId: number | string } | { subject: string; version: number | string };

function selector(context: CommandContext): Selector {
  const id = stringOption(context, 'id');
  const subject = stringOption(context, 'subject');
  if ((id === undefined) === (subject === undefined)) {
    throw new UsageError('give either --id or --subject', NAME);
  }
  if (id !== undefined) return { schemaId: /^\d+$/.test(id) ? Number(id) : id };
  return { subject: subject!, version: versionSelector(stringOption(context, 'version')) };
}

/**
 * `llmsr parse-output`: find, repair and validate the JSON in a model's reply (a file or stdin)
 * against a registered schema, on the registry. Prints the data when valid (exit 0), else the
 * errors and the repair prompt (exit 1).
 */
export const parseOutputCommand: CliCommand = {
  name: NAME,
  summary: "Parse a model's reply against a registered schema: extract, repair, validate",
  usage: '[<file|->] (--id <id> | --subject <subject> [--version <v>]) [--coerce]',
  help: [
    ['--id <id>', 'Schema global id or guid'],
    ['-s, --subject <subject>', 'Subject of the schema'],
    ['-v, --version <version>', 'Integer, semver or latest (default latest)'],
    ['--coerce', 'Convert string scalars where the schema states one type ("42" -> 42)'],
    ['--json', 'Print the whole parse result as JSON'],
  ],
  options: {
    id: { type: 'string' },
    subject: { type: 'string', short: 's' },
    version: { type: 'string', short: 'v' },
    coerce: { type: 'boolean' },
  },
  async run(context) {
    const ref = selector(context);
    if (context.positionals.length > 1) throw new UsageError('give one input file', NAME);
    const text = await readTextInput(context.positionals[0], context.io.stdin, NAME);
    const input: ParseOutputInput = { ...ref, text, coerce: context.values.coerce === true };
    const result = await context.client().parseOutput(input);
    const { io } = context;
    if (context.json) writeJson(io.stdout, result);
    else if (result.valid) writeJson(io.stdout, result.data);
    else {
      io.stdout.write(`invalid (${result.code ?? 'OUTPUT_SCHEMA_MISMATCH'})\n`);
      for (const error of result.errors.slice(0, 20)) {
        io.stdout.write(`  ${error.path === '' ? '' : `${error.path}: `}${error.message}\n`);
      }
      if (result.repairPrompt !== undefined) {
        io.stdout.write(`repair prompt:\n${result.repairPrompt}\n`);
      }
    }
    return result.valid ? EXIT.ok : EXIT.failed;
  },
};
