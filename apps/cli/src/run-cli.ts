import { parseArgs } from 'node:util';
import {
  type ClientCredentials,
  createClientCredentials,
  createRegistryClient,
  isRegistryClientError,
  type RegistryClient,
} from '@llmsr/sdk';
import type { CliCommand, CommandContext } from './cli-command.js';
import type { CliIo } from './cli-io.js';
import { COMMANDS } from './commands/all-commands.js';
import { EXIT } from './exit-codes.js';
import { formatCommandHelp, formatMainHelp } from './format-help.js';
import { type CliAuth, readAuthOptions } from './read-auth-options.js';
import { reportError } from './report-error.js';
import { UsageError } from './usage-error.js';

/** The registry URL used when neither `--url` nor `LLMSR_URL` is given. */
export const DEFAULT_URL = 'http://localhost:8081';

/** Options of {@link runCli} beyond the process surface. */
export interface RunCliOptions {
  /** Retries of failed requests (default 2, quick backoff: a CLI should fail fast). */
  retries?: number;
}

function parseCommandArgs(command: CliCommand, argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        ...command.options,
        url: { type: 'string' },
        'api-key': { type: 'string' },
        token: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message, command.name);
  }
}

function checkUrl(url: string, command: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`--url is not a URL: '${url}'`, command);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new UsageError(`--url must be http:// or https://, got '${url}'`, command);
  }
  return url;
}

/** Checked credentials; a malformed key is a usage error before any request (and names no secret). */
function credentialsOf(auth: CliAuth, command: string): ClientCredentials | undefined {
  try {
    return createClientCredentials(auth);
  } catch (error) {
    if (!isRegistryClientError(error)) throw error;
    const source = auth.apiKey !== undefined ? '--api-key/LLMSR_API_KEY' : '--token/LLMSR_TOKEN';
    throw new UsageError(`${source}: ${error.message}`, command);
  }
}

/**
 * Run one `llmsr` command line against the given process surface and resolve to its exit code
 * (0 ok, 1 invalid or incompatible, 2 usage or connection error, 3 refused for credentials).
 * Never calls `process.exit`.
 *
 * @example
 * ```ts
 * const code = await runCli(['versions', 'people', '--json'], {
 *   stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env,
 * });
 * ```
 */
export async function runCli(
  argv: string[],
  io: CliIo,
  options: RunCliOptions = {},
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const out = name === undefined ? io.stderr : io.stdout;
    out.write(formatMainHelp(COMMANDS));
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr.write(`error: unknown command '${name}'\n\n${formatMainHelp(COMMANDS)}`);
    return EXIT.usage;
  }
  const wantsJson = rest.includes('--json');
  let url = io.env.LLMSR_URL || DEFAULT_URL;
  try {
    const parsed = parseCommandArgs(command, rest);
    if (parsed.values.help) {
      io.stdout.write(formatCommandHelp(command));
      return EXIT.ok;
    }
    const values = parsed.values as CommandContext['values'];
    url = checkUrl(typeof values.url === 'string' ? values.url : url, command.name);
    const auth = readAuthOptions(values, io.env, command.name);
    const endpoint = { url, credentials: credentialsOf(auth, command.name) };
    let client: RegistryClient | undefined;
    const context: CommandContext = {
      io,
      values,
      positionals: parsed.positionals,
      json: values.json === true,
      url,
      endpoint,
      client: () => {
        client ??= createRegistryClient({
          baseUrl: url,
          retries: { maxRetries: options.retries ?? 2, baseDelayMs: 100, maxDelayMs: 1_000 },
          ...auth,
        });
        return client;
      },
    };
    return await command.run(context);
  } catch (error) {
    const code = reportError(error, io, wantsJson, url);
    if (error instanceof UsageError) {
      io.stderr.write(`\n${formatCommandHelp(command)}`);
    }
    return code;
  }
}
