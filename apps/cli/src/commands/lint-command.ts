import type { LintIssue } from '@llmsr/llm';
import type { CliCommand } from '../cli-command.js';
import { EXIT } from '../exit-codes.js';
import { requiredOption } from '../option-values.js';
import { readTextInput } from '../read-text-input.js';
import { UsageError } from '../usage-error.js';
import { writeJson } from '../write-json.js';

const NAME = 'lint';

function describeIssue(issue: LintIssue): string {
  const where = issue.path === '' ? '(root)' : issue.path;
  return `  ${issue.severity} ${issue.rule} at ${where}: ${issue.message}\n    fix: ${issue.fix}\n`;
}

/**
 * `llmsr lint`: lint a JSON Schema file against a provider's structured-output rules, locally
 * (no registry). Exits 1 when an issue is an error, so it can gate a build.
 */
export const lintCommand: CliCommand = {
  name: NAME,
  summary: "Lint a JSON Schema file against an LLM provider's structured-output rules (local)",
  usage: '<schema-file|-> --provider <openai|azure-openai|anthropic|gemini>',
  help: [
    ['-p, --provider <name>', 'openai, azure-openai, anthropic or gemini'],
    ['--json', 'Print { ok, provider, issues } as JSON'],
  ],
  options: { provider: { type: 'string', short: 'p' } },
  async run(context) {
    if (context.positionals.length > 1) throw new UsageError('give one schema file', NAME);
    const provider = requiredOption(context, 'provider', NAME);
    // Loaded on use: the other commands never pay for the lint rules and ajv.
    const { isProvider, lintForProvider, PROVIDERS, ProviderError } = await import('@llmsr/llm');
    if (!isProvider(provider)) {
      throw new UsageError(
        `unknown provider ${JSON.stringify(provider)}; known providers: ${PROVIDERS.join(', ')}`,
        NAME,
      );
    }
    const path = context.positionals[0];
    const text = await readTextInput(path, context.io.stdin, NAME);
    let schema: unknown;
    try {
      schema = JSON.parse(text);
    } catch (error) {
      throw new UsageError(
        `${path ?? 'standard input'} is not JSON: ${(error as Error).message}`,
        NAME,
      );
    }
    let result: ReturnType<typeof lintForProvider>;
    try {
      result = lintForProvider(schema, provider);
    } catch (error) {
      if (error instanceof ProviderError) throw new UsageError(error.message, NAME);
      throw error;
    }
    const { io } = context;
    if (context.json) {
      writeJson(io.stdout, { ok: result.ok, provider, issues: result.issues });
    } else {
      const errors = result.issues.filter((issue) => issue.severity === 'error').length;
      const warnings = result.issues.length - errors;
      io.stdout.write(
        result.issues.length === 0
          ? `ok: no ${provider} issues\n`
          : `${result.ok ? 'ok' : 'failed'}: ${errors} error(s), ${warnings} warning(s) for ${provider}\n`,
      );
      for (const issue of result.issues) io.stdout.write(describeIssue(issue));
    }
    return result.ok ? EXIT.ok : EXIT.failed;
  },
};
