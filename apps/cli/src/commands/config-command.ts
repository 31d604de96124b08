import type { RegistryConfig } from '@llmsr/sdk';
import type { CliCommand } from '../cli-command.js';
import { EXIT } from '../exit-codes.js';
import { stringOption } from '../option-values.js';
import { UsageError } from '../usage-error.js';
import { writeJson } from '../write-json.js';

const NAME = 'config';

function shown(own: string | null, effective: string | undefined): string {
  if (own !== null) return own;
  return effective === undefined ? '(inherited)' : `${effective} (inherited)`;
}

function describe(config: RegistryConfig): string {
  const scope = config.subject === null ? 'global' : `subject ${config.subject}`;
  const level = shown(config.compatibilityLevel, config.effectiveCompatibilityLevel);
  return `${scope}: compatibility ${level}, mode ${shown(config.mode, config.effectiveMode)}\n`;
}

/** `llmsr config get|set`: read or change the global or a subject's configuration. */
export const configCommand: CliCommand = {
  name: NAME,
  summary: 'Read or set the compatibility level and mode (global, or of a subject)',
  usage: 'get|set [--subject <subject>] [--level <level>] [--mode <mode>]',
  help: [
    ['-s, --subject <subject>', 'A subject (default: the global configuration)'],
    ['--level <level>', 'set: BACKWARD, FORWARD, FULL, NONE, ..._TRANSITIVE'],
    ['--mode <mode>', 'set: READWRITE, READONLY, READONLY_OVERRIDE, IMPORT'],
  ],
  options: {
    subject: { type: 'string', short: 's' },
    level: { type: 'string' },
    mode: { type: 'string' },
  },
  async run(context) {
    const [action, extra] = context.positionals;
    if (extra !== undefined || (action !== 'get' && action !== 'set')) {
      throw new UsageError("expected 'config get' or 'config set'", NAME);
    }
    const subject = stringOption(context, 'subject');
    const client = context.client();
    let config: RegistryConfig;
    if (action === 'get') {
      config = await client.getConfig(subject);
    } else {
      const level = stringOption(context, 'level');
      const mode = stringOption(context, 'mode');
      if (level === undefined && mode === undefined) {
        throw new UsageError('config set needs --level and/or --mode', NAME);
      }
      config = await client.setConfig({
        ...(subject === undefined ? {} : { subject }),
        ...(level === undefined ? {} : { compatibilityLevel: level.toUpperCase() }),
        ...(mode === undefined ? {} : { mode: mode.toUpperCase() }),
      });
    }
    if (context.json) writeJson(context.io.stdout, config);
    else context.io.stdout.write(describe(config));
    return EXIT.ok;
  },
};
