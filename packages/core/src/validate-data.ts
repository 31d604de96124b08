import type { CompiledValidator, ValidationResult } from '@llmsr/validation';
import { getSchemaFormat } from '@llmsr/validation';
import { findVersionOrThrow } from './find-version.js';
import { loadParsedSchema, loadSchemaRecordOrThrow } from './load-parsed-schema.js';
import type { RegistryContext } from './registry-context.js';
import { RegistryError } from './registry-error.js';
import { toRegistryError } from './to-registry-error.js';
import type { SchemaSelector, ValidateDataInput } from './types.js';

type ValidatorOptions = {
  strict?: boolean | undefined;
  messageName?: string | undefined;
  timing?: boolean | undefined;
};

const keyOf = (schemaId: number, options: ValidatorOptions) =>
  `${schemaId}|${options.strict === true ? 1 : 0}|${options.timing === false ? 0 : 1}|${options.messageName ?? ''}`;

/** Drop every compiled validator of a schema id (whatever its options). */
export function dropValidators(
  context: Pick<RegistryContext, 'validators'>,
  schemaId: number,
): void {
  const prefix = `${schemaId}|`;
  context.validators.deleteWhere((key) => key.startsWith(prefix));
}

const withSchemaId = (result: ValidationResult, schemaId: number) => ({
  valid: result.valid,
  errors: result.errors,
  warnings: result.warnings,
  validationTimeMs: result.validationTimeMs,
  schemaId,
});

/**
 * Validate a document against a registered schema. The compiled validator is cached by
 * schema id and options; a warm call by numeric id touches neither storage nor an `await`,
 * because this is the registry's hot path.
 */
export function validateData(
  context: RegistryContext,
  input: ValidateDataInput,
): Promise<ValidationResult & { schemaId: number }> {
  if (typeof input.schemaId === 'number') {
    const validator = context.validators.get(keyOf(input.schemaId, input));
    if (validator) {
      try {
        return Promise.resolve(withSchemaId(validator.validate(input.data), input.schemaId));
      } catch (error) {
        return Promise.reject(toRegistryError(error));
      }
    }
  }
  return validateDataCold(context, input).catch((error: unknown) => {
    throw toRegistryError(error);
  });
}

async function validateDataCold(context: RegistryContext, input: ValidateDataInput) {
  const schemaId = await resolveSchemaId(context, input);
  const validator = await getValidator(context, schemaId, input);
  return withSchemaId(validator.validate(input.data), schemaId);
}

/** The cached compiled validator for a schema id and options. */
export async function getValidator(
  context: RegistryContext,
  schemaId: number,
  options: ValidatorOptions = {},
): Promise<CompiledValidator> {
  const key = keyOf(schemaId, options);
  const cached = context.validators.get(key);
  if (cached) return cached;
  const record = await loadSchemaRecordOrThrow(context, schemaId);
  const parsed = await loadParsedSchema(context, record);
  const validator = getSchemaFormat(record.schemaType).compile(parsed, {
    strict: options.strict === true,
    timing: options.timing !== false,
    ...(options.messageName === undefined ? {} : { messageName: options.messageName }),
  });
  context.validators.set(key, validator);
  return validator;
}

/** The schema id a selector designates (id, guid, or subject + version). */
export async function resolveSchemaId(
  context: RegistryContext,
  input: SchemaSelector,
): Promise<number> {
  if (input.schemaId !== undefined) {
    if (typeof input.schemaId === 'number') return input.schemaId;
    if (/^\d{1,15}$/.test(input.schemaId)) return Number(input.schemaId);
    const record = await context.store.getSchemaByGuid(input.schemaId);
    if (!record) {
      throw new RegistryError(
        'SCHEMA_NOT_FOUND',
        `Schema '${input.schemaId.slice(0, 100)}' not found`,
        { id: input.schemaId.slice(0, 100) },
      );
    }
    return record.id;
  }
  if (typeof input.subject !== 'string') {
    throw new RegistryError('INVALID_INPUT', 'Give schema_id, or subject (and version)', {
      field: 'schema_id',
    });
  }
  const row = await findVersionOrThrow(context, input.subject, input.version ?? 'latest');
  return row.schemaId;
}
