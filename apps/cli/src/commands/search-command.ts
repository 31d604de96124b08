import type { SchemaType, SearchInput } from '@llmsr/sdk';
import type { CliCommand } from '../cli-command.js';
import { EXIT } from '../exit-codes.js';
import { integerOption, jsonOption, stringOption } from '../option-values.js';
import { schemaTypeFromPath } from '../schema-type-from-path.js';
import { writeJson } from '../write-json.js';

const NAME = 'search';

/** `llmsr search [words]`: search subjects, descriptions and tags. */
export const searchCommand: CliCommand = {
  name: NAME,
  summary: 'Search schemas by words (subject, description, tags) and metadata',
  usage: '[<words>...] [options]',
  help: [
    ['-t, --type <type>', 'Only json, avro or protobuf schemas'],
    ['--key <key>', 'Only versions whose metadata has this key'],
    ['--value <json>', '...with this JSON value'],
    ['--deleted', 'Include soft-deleted versions'],
    ['--limit <n>', 'Page size (default 20, at most 1000)'],
    ['--offset <n>', 'Hits to skip'],
  ],
  options: {
    type: { type: 'string', short: 't' },
    key: { type: 'string' },
    value: { type: 'string' },
    deleted: { type: 'boolean' },
    limit: { type: 'string' },
    offset: { type: 'string' },
  },
  async run(context) {
    const input: SearchInput = { limit: integerOption(context, 'limit', NAME) ?? 20 };
    const query = context.positionals.join(' ').trim();
    if (query !== '') input.query = query;
    const type = stringOption(context, 'type');
    if (type !== undefined)
      input.schemaType = schemaTypeFromPath(undefined, type, NAME) as SchemaType;
    const key = stringOption(context, 'key');
    if (key !== undefined) input.metadataKey = key;
    const value = jsonOption(context, 'value', NAME);
    if (value !== undefined) input.metadataValue = value;
    if (context.values.deleted === true) input.deleted = true;
    const offset = integerOption(context, 'offset', NAME);
    if (offset !== undefined) input.offset = offset;
    const result = await context.client().search(input);
    const { io } = context;
    if (context.json) {
      writeJson(io.stdout, result);
      return EXIT.ok;
    }
    io.stdout.write(`${result.total} match${result.total === 1 ? '' : 'es'}\n`);
    for (const hit of result.items) {
      const description = (hit.metadata as { description?: unknown } | null)?.description;
      io.stdout.write(
        `  ${hit.subject} v${hit.version} (id ${hit.id}, ${hit.schemaType})${typeof description === 'string' ? `  ${description}` : ''}\n`,
      );
    }
    return EXIT.ok;
  },
};
