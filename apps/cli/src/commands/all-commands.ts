import type { CliCommand } from '../cli-command.js';
import { checkCommand } from './check-command.js';
import { configCommand } from './config-command.js';
import { exportCommand } from './export-command.js';
import { getCommand } from './get-command.js';
import { importCommand } from './import-command.js';
import { lintCommand } from './lint-command.js';
import { parseOutputCommand } from './parse-output-command.js';
import { registerCommand } from './register-command.js';
import { searchCommand } from './search-command.js';
import { serveCommand } from './serve-command.js';
import { validateCommand } from './validate-command.js';
import { versionsCommand } from './versions-command.js';

/** Every `llmsr` command, in help order. */
export const COMMANDS: readonly CliCommand[] = [
  serveCommand,
  registerCommand,
  getCommand,
  versionsCommand,
  validateCommand,
  checkCommand,
  lintCommand,
  parseOutputCommand,
  searchCommand,
  configCommand,
  exportCommand,
  importCommand,
];
