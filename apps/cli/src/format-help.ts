import type { CliCommand } from './cli-command.js';

/** Options every command accepts. */
export const COMMON_HELP: [string, string][] = [
  ['--url <url>', 'Registry URL (default $LLMSR_URL or http://localhost:8081)'],
  ['--api-key <key>', 'API key sent as X-API-Key (default $LLMSR_API_KEY)'],
  [
    '--token <jwt>',
    'Bearer token, e.g. a JWT (default $LLMSR_TOKEN); a flag wins over both variables',
  ],
  ['--json', 'Machine-readable JSON output'],
  ['-h, --help', 'Show this help'],
];

function table(rows: [string, string][]): string {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}\n`).join('');
}

/** The help text of one command. */
export function formatCommandHelp(command: CliCommand): string {
  return (
    `Usage: llmsr ${command.name} ${command.usage}\n\n${command.summary}\n\nOptions:\n` +
    table([...command.help, ...COMMON_HELP])
  );
}

/** The top-level help: every command with its summary. */
export function formatMainHelp(commands: readonly CliCommand[]): string {
  return (
    'Usage: llmsr <command> [options]\n\nThe llmsr schema registry command line.\n\nCommands:\n' +
    table(commands.map((command) => [command.name, command.summary])) +
    "\nRun `llmsr <command> --help` for a command's options.\n" +
    'Every command that talks to a registry takes --url, --api-key and --token (or LLMSR_URL, LLMSR_API_KEY, LLMSR_TOKEN).\n' +
    'Exit codes: 0 ok, 1 invalid or incompatible (or refused by the registry), 2 usage or connection error,\n' +
    '3 not authenticated or not allowed (HTTP 401/403).\n'
  );
}
