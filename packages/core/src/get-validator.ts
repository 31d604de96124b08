import type { CompiledValidator } from '@llmsr/validation';
import { loadParsedSchema, loadSchemaRecordOrThrow } from './load-parsed-schema.js';
import type { RegistryContext } from './registry-context.js';

/** Options a compiled validator is cached under. */
export type ValidatorOptions = {
  strict?: boolean | undefined;
  messageName?: string | undefined;
  timing?: boolean | undefined;
};

/** The cache key of a schema's validator under some options. */
export const validatorKey = (schemaId: number, options: ValidatorOptions) =>
  `${schemaId}|${options.strict === true ? 1 : 0}|${options.timing === false ? 0 : 1}|${options.messageName ?? ''}`;

/** Drop every compiled validator of a schema id (whatever its options). */
export function dropValidators(
  context: Pick<RegistryContext, 'validators'>,
  schemaId: number,
): void {
  const prefix = `${schemaId}|`;
  context.validators.deleteWhere((key) => key.startsWith(prefix));
}

/** The cached compiled validator for a schema id and options. */
export async function getValidator(
  context: RegistryContext,
  schemaId: number,
  options: ValidatorOptions = {},
): Promise<CompiledValidator> {
  const key = validatorKey(schemaId, options);
  const cached = context.validators.get(key);
  if (cached) return cached;
  const record = await loadSchemaRecordOrThrow(context, schemaId);
  const parsed = await loadParsedSchema(context, record);
  const validator = context.formats.formatOf(record.schemaType).compile(parsed, {
    strict: options.strict === true,
    timing: options.timing !== false,
    ...(options.messageName === undefined ? {} : { messageName: options.messageName }),
  });
  context.validators.set(key, validator);
  return validator;
}
