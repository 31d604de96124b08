import type { CommandContext } from './cli-command.js';
import { UsageError } from './usage-error.js';

/** A string option, or `undefined` when absent. */
export function stringOption(context: CommandContext, name: string): string | undefined {
  const value = context.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A string option that must be present. */
export function requiredOption(context: CommandContext, name: string, command: string): string {
  const value = stringOption(context, name);
  if (value === undefined || value === '') {
    throw new UsageError(`--${name} is required`, command);
  }
  return value;
}

/** A non-negative integer option, or `undefined` when absent. */
export function integerOption(
  context: CommandContext,
  name: string,
  command: string,
): number | undefined {
  const raw = stringOption(context, name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value)) {
    throw new UsageError(`--${name} must be a non-negative integer, got '${raw}'`, command);
  }
  return value;
}

/** An option holding JSON (metadata, references), parsed. */
export function jsonOption(context: CommandContext, name: string, command: string): unknown {
  const raw = stringOption(context, name);
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch (error) {
    throw new UsageError(`--${name} is not valid JSON: ${(error as Error).message}`, command);
  }
}

/** A version selector: `latest`, an integer or a semver, kept as given except integers. */
export function versionSelector(raw: string | undefined): number | string {
  if (raw === undefined || raw === '') return 'latest';
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}
