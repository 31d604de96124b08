import type { ClientAuthOptions } from '@llmsr/sdk';
import { UsageError } from './usage-error.js';

/** The credentials a command line gives: an API key, a token, or neither. */
export type CliAuth = Pick<ClientAuthOptions, 'apiKey' | 'token'>;

function present(value: string | boolean | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The credentials of one command line: `--api-key` or `--token`, else `LLMSR_API_KEY` or
 * `LLMSR_TOKEN`. A flag wins over both variables (so one run can override an exported key), but
 * two flags, or two variables with no flag, are a usage error: sending either would be a guess.
 * Messages name the options, never their values.
 */
export function readAuthOptions(
  values: Record<string, string | boolean | undefined>,
  env: Record<string, string | undefined>,
  command: string,
): CliAuth {
  const flagKey = present(values['api-key']);
  const flagToken = present(values.token);
  if (values['api-key'] === '' || values.token === '') {
    throw new UsageError(
      `--${values.token === '' ? 'token' : 'api-key'} must not be empty`,
      command,
    );
  }
  if (flagKey !== undefined && flagToken !== undefined) {
    throw new UsageError('give --api-key or --token, not both', command);
  }
  if (flagKey !== undefined) return { apiKey: flagKey };
  if (flagToken !== undefined) return { token: flagToken };
  const envKey = present(env.LLMSR_API_KEY);
  const envToken = present(env.LLMSR_TOKEN);
  if (envKey !== undefined && envToken !== undefined) {
    throw new UsageError(
      'both LLMSR_API_KEY and LLMSR_TOKEN are set; unset one or pass --api-key or --token',
      command,
    );
  }
  if (envKey !== undefined) return { apiKey: envKey };
  if (envToken !== undefined) return { token: envToken };
  return {};
}
