import type { ParseArgsConfig } from 'node:util';
import type { RegistryClient } from '@llmsr/sdk';
import type { CliIo } from './cli-io.js';
import type { RegistryEndpoint } from './registry-endpoint.js';

/** Option definitions in `node:util` `parseArgs` form. */
export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/** What a command receives once its arguments are parsed. */
export interface CommandContext {
  io: CliIo;
  /** Parsed option values (strings and booleans, by option name). */
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  /** `--json`: machine-readable output. */
  json: boolean;
  /** The registry URL (`--url`, `LLMSR_URL`, or http://localhost:8081). */
  url: string;
  /** `url` with the credentials of `--api-key`/`--token`, for raw requests (export, import). */
  endpoint: RegistryEndpoint;
  /** A client of `url` with those credentials, created on first use. */
  client(): RegistryClient;
}

/** One `llmsr` command. */
export interface CliCommand {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The usage line after `llmsr <name>`. */
  usage: string;
  /** Option help lines, `[flags, description]`. */
  help: [string, string][];
  options: OptionSpecs;
  /** Runs the command and resolves to its exit code. */
  run(context: CommandContext): Promise<number>;
}
