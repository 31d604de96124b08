import type { RegisterInput, SchemaReference } from '@llmsr/sdk';
import type { CliCommand } from '../cli-command.js';
import { EXIT } from '../exit-codes.js';
import { jsonOption, requiredOption, stringOption } from '../option-values.js';
import { readTextInput } from '../read-text-input.js';
import { schemaTypeFromPath } from '../schema-type-from-path.js';
import { UsageError } from '../usage-error.js';
import { writeJson } from '../write-json.js';

const NAME = 'register';

/** `llmsr register <file|->`: register a schema under a subject. */
export const registerCommand: CliCommand = {
  name: NAME,
  summary: 'Register a schema file (or stdin) under a subject',
  usage: '<file|-> --subject <subject> [options]',
  help: [
    ['-s, --subject <subject>', 'Subject to register under (required)'],
    ['-t, --type <type>', 'json, avro or protobuf (default: from .json/.avsc/.proto, else json)'],
    ['--metadata <json>', 'Metadata object, e.g. \'{"description":"..."}\''],
    ['--references <json>', 'References: [{"name","subject","version"}]'],
    ['--semver <x.y.z>', 'Semver to give the new version'],
    ['--level <level>', 'Compatibility level of a new subject'],
  ],
  options: {
    subject: { type: 'string', short: 's' },
    type: { type: 'string', short: 't' },
    metadata: { type: 'string' },
    references: { type: 'string' },
    semver: { type: 'string' },
    level: { type: 'string' },
  },
  async run(context) {
    if (context.positionals.length > 1) {
      throw new UsageError('give one schema file (or - for stdin)', NAME);
    }
    const path = context.positionals[0];
    const subject = requiredOption(context, 'subject', NAME);
    const schemaType = schemaTypeFromPath(path, stringOption(context, 'type'), NAME);
    const metadata = jsonOption(context, 'metadata', NAME);
    if (
      metadata !== undefined &&
      (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata))
    ) {
      throw new UsageError('--metadata must be a JSON object', NAME);
    }
    const references = jsonOption(context, 'references', NAME);
    if (references !== undefined && !Array.isArray(references)) {
      throw new UsageError('--references must be a JSON array', NAME);
    }
    const text = await readTextInput(path, context.io.stdin, NAME);
    if (text.trim() === '') throw new UsageError('the schema is empty', NAME);
    const input: RegisterInput = { subject, schema: text };
    if (schemaType) input.schemaType = schemaType;
    if (metadata !== undefined) input.metadata = metadata as Record<string, unknown>;
    if (references !== undefined) input.references = references as SchemaReference[];
    const semver = stringOption(context, 'semver');
    if (semver !== undefined) input.semver = semver;
    const level = stringOption(context, 'level');
    if (level !== undefined) input.compatibilityLevel = level;
    const result = await context.client().register(input);
    if (context.json) {
      writeJson(context.io.stdout, result);
    } else {
      const verb = result.created ? 'Registered' : 'Already registered:';
      context.io.stdout.write(
        `${verb} ${result.subject} version ${result.version}${result.semver ? ` (${result.semver})` : ''}, id ${result.id}\n`,
      );
    }
    return EXIT.ok;
  },
};
