import { assertProvider, lintForProvider, toProviderSchema } from '@llmsr/llm';
import type { RegistryContext } from '../registry-context.js';
import { RegistryError } from '../registry-error.js';
import type {
  LintSchemaInput,
  LintSchemaResult,
  ProviderSchemaInput,
  ProviderSchemaView,
} from './llm-types.js';
import { resolveLlmSchema } from './resolve-llm-schema.js';
import { toLlmRegistryError } from './to-llm-registry-error.js';

/**
 * Lint an inline or registered JSON Schema against a provider's structured-output rules.
 * The provider is checked before the schema is read, so a typo costs no storage read.
 *
 * @throws RegistryError `UNKNOWN_PROVIDER` (with `allowed`), `INVALID_SCHEMA`, `SCHEMA_NOT_FOUND`.
 */
export async function lintSchema(
  context: RegistryContext,
  input: LintSchemaInput,
): Promise<LintSchemaResult> {
  try {
    const provider = assertProvider(input.provider);
    const { schema, schemaId } = await resolveLlmSchema(context, input);
    const result = lintForProvider(schema, provider);
    return {
      ok: result.ok,
      provider,
      issues: [...result.issues],
      ...(schemaId === undefined ? {} : { schemaId }),
    };
  } catch (error) {
    throw toLlmRegistryError(error);
  }
}

/**
 * The provider-ready variant of an inline or registered JSON Schema (`toProviderSchema`), with
 * every change made, the constraints the provider cannot enforce, and the lint errors left.
 *
 * @throws RegistryError `UNKNOWN_PROVIDER`, `INVALID_SCHEMA`, `SCHEMA_NOT_FOUND`.
 */
export async function providerSchema(
  context: RegistryContext,
  input: ProviderSchemaInput,
): Promise<ProviderSchemaView> {
  try {
    const provider = assertProvider(input.provider);
    const { schema, schemaId } = await resolveLlmSchema(context, input);
    // The transform recurses; the lint's walk is iterative and bounded (256 levels, 50,000
    // nodes), so a schema past those bounds is refused here rather than by the stack.
    const tooLarge = lintForProvider(schema, provider).issues.find((issue) =>
      issue.rule.endsWith('/schema-too-large'),
    );
    if (tooLarge !== undefined) {
      throw new RegistryError('INVALID_SCHEMA', tooLarge.message, {
        field: 'schema',
        reason: 'SCHEMA_TOO_LARGE',
        path: tooLarge.path,
      });
    }
    const result = toProviderSchema(schema, provider);
    return {
      provider,
      schema: result.schema,
      changes: [...result.changes],
      lost: [...result.lost],
      remaining: [...result.remaining],
      ...(schemaId === undefined ? {} : { schemaId }),
    };
  } catch (error) {
    throw toLlmRegistryError(error);
  }
}
