import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { LocalValidator, SchemaRef, ValidationIssue } from '@llmsr/sdk';
import type { CliCommand, CommandContext } from '../cli-command.js';
import { createProgress } from '../create-progress.js';
import { EXIT } from '../exit-codes.js';
import { stringOption, versionSelector } from '../option-values.js';
import { readLines } from '../read-lines.js';
import { readTextInput } from '../read-text-input.js';
import { UsageError } from '../usage-error.js';
import { writeJson } from '../write-json.js';

const NAME = 'validate';
/** Invalid documents whose errors the summary shows. */
const FIRST_ERRORS = 5;
/** Longest NDJSON line parsed; a longer one is invalid rather than a parse that stalls the stream. */
const MAX_LINE_CHARS = 16 * 1024 * 1024;

interface Failure {
  line: number;
  errors: ValidationIssue[];
}

function schemaRef(context: CommandContext): SchemaRef {
  const id = stringOption(context, 'id');
  const subject = stringOption(context, 'subject');
  if ((id === undefined) === (subject === undefined)) {
    throw new UsageError('give either --id or --subject', NAME);
  }
  if (id !== undefined) return /^\d+$/.test(id) ? Number(id) : id;
  return { subject: subject!, version: versionSelector(stringOption(context, 'version')) };
}

function parseIssue(error: unknown): ValidationIssue[] {
  const message = error instanceof Error ? error.message : String(error);
  return [{ path: '', keyword: 'json', message: `not JSON: ${message}` }];
}

function describeIssue(issue: ValidationIssue): string {
  return `${issue.path === '' ? '' : `${issue.path}: `}${issue.message}`;
}

async function validateStream(
  context: CommandContext,
  validator: LocalValidator,
  input: Readable,
): Promise<number> {
  const progress = createProgress(context.io.stderr);
  const failures: Failure[] = [];
  let total = 0;
  let invalid = 0;
  let lineNumber = 0;
  for await (const line of readLines(input)) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    total += 1;
    let errors: ValidationIssue[];
    if (line.length > MAX_LINE_CHARS) {
      errors = [
        { path: '', keyword: 'size', message: `line longer than ${MAX_LINE_CHARS} characters` },
      ];
    } else {
      try {
        errors = validator.validate(JSON.parse(line)).errors;
      } catch (error) {
        errors = parseIssue(error);
      }
    }
    if (errors.length > 0) {
      invalid += 1;
      if (failures.length < FIRST_ERRORS) failures.push({ line: lineNumber, errors });
    }
    progress.update(() => `validated ${total} documents, ${invalid} invalid`);
  }
  progress.done();
  const { io } = context;
  if (context.json) {
    writeJson(io.stdout, { total, valid: total - invalid, invalid, first_errors: failures });
  } else {
    io.stdout.write(`${total} documents: ${total - invalid} valid, ${invalid} invalid\n`);
    for (const failure of failures) {
      io.stdout.write(
        `  line ${failure.line}: ${failure.errors.slice(0, 3).map(describeIssue).join('; ')}\n`,
      );
    }
  }
  return invalid > 0 ? EXIT.failed : EXIT.ok;
}

/** `llmsr validate`: validate one JSON document or an NDJSON stream against a schema. */
export const validateCommand: CliCommand = {
  name: NAME,
  summary: 'Validate a JSON document, or an NDJSON file or stream, against a schema',
  usage: '[<file|->] (--id <id> | --subject <subject> [--version <v>]) [--ndjson]',
  help: [
    ['--id <id>', 'Schema global id or guid'],
    ['-s, --subject <subject>', 'Subject of the schema'],
    ['-v, --version <version>', 'Integer, semver or latest (default latest)'],
    ['--ndjson', 'One document per line (default for .ndjson and .jsonl files)'],
    ['--data <json>', 'The document inline instead of a file'],
    ['--strict', 'Unknown properties or fields are errors'],
    ['--message <name>', 'Protobuf: the message to validate (default the first)'],
  ],
  options: {
    id: { type: 'string' },
    subject: { type: 'string', short: 's' },
    version: { type: 'string', short: 'v' },
    ndjson: { type: 'boolean' },
    data: { type: 'string' },
    strict: { type: 'boolean' },
    message: { type: 'string' },
  },
  async run(context) {
    const ref = schemaRef(context);
    if (context.positionals.length > 1) throw new UsageError('give one input file', NAME);
    const path = context.positionals[0];
    const inline = stringOption(context, 'data');
    if (inline !== undefined && path !== undefined) {
      throw new UsageError('give either --data or a file, not both', NAME);
    }
    const ndjson =
      context.values.ndjson === true || (path !== undefined && /\.(ndjson|jsonl)$/i.test(path));
    const message = stringOption(context, 'message');
    const validator = await context.client().localValidator(ref, {
      strict: context.values.strict === true,
      timing: false,
      ...(message === undefined ? {} : { messageName: message }),
    });
    if (ndjson && inline === undefined) {
      const input = path === undefined || path === '-' ? context.io.stdin : createReadStream(path);
      const opened = new Promise<void>((resolve, reject) => {
        if (input === context.io.stdin) resolve();
        else input.once('open', () => resolve()).once('error', reject);
      });
      try {
        await opened;
      } catch (error) {
        throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code}`, NAME);
      }
      return validateStream(context, validator, input);
    }
    const text = inline ?? (await readTextInput(path, context.io.stdin, NAME));
    let errors: ValidationIssue[];
    try {
      errors = validator.validate(JSON.parse(text)).errors;
    } catch (error) {
      errors = parseIssue(error);
    }
    const { io } = context;
    if (context.json) writeJson(io.stdout, { valid: errors.length === 0, errors });
    else if (errors.length === 0) io.stdout.write('valid\n');
    else {
      io.stdout.write(`invalid: ${errors.length} error${errors.length === 1 ? '' : 's'}\n`);
      for (const issue of errors.slice(0, 20)) io.stdout.write(`  ${describeIssue(issue)}\n`);
    }
    return errors.length === 0 ? EXIT.ok : EXIT.failed;
  },
};
