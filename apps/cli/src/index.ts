/**
 * @llmsr/cli: the `llmsr` command line, runnable in-process through {@link runCli}.
 * @module
 */
export type { CliCommand, CommandContext } from './cli-command.js';
export type { CliIo, CliOutput } from './cli-io.js';
export { COMMANDS } from './commands/all-commands.js';
export { EXIT } from './exit-codes.js';
export {
  type ExportedConfig,
  type ExportedLine,
  type ExportedResource,
  type ExportedVersion,
  type ExportOptions,
  exportRegistry,
} from './export-registry.js';
export {
  type ImportFailure,
  type ImportOptions,
  type ImportSummary,
  importRegistry,
} from './import-registry.js';
export type { RegistryEndpoint } from './registry-endpoint.js';
export { DEFAULT_URL, type RunCliOptions, runCli } from './run-cli.js';
export { UsageError } from './usage-error.js';
