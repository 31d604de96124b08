import { compileOutputValidator, type OutputValidateFunction } from '@llmsr/llm';
import type { CompiledValidator, ParsedSchema } from '@llmsr/validation';
import { registryValidateFunction } from './registry-validate-function.js';

const DRAFT_URIS: Readonly<Record<string, string>> = {
  'draft-06': 'http://json-schema.org/draft-06/schema#',
  'draft-07': 'http://json-schema.org/draft-07/schema#',
  '2019-09': 'https://json-schema.org/draft/2019-09/schema',
  '2020-12': 'https://json-schema.org/draft/2020-12/schema',
};

/** Per parsed schema (itself cached per id by the registry), so a schema compiles once. */
const compiled = new WeakMap<ParsedSchema, OutputValidator>();

/** A reply validator, and whether it is the registry's (whose errors lack ajv's params). */
export interface OutputValidator {
  validate: OutputValidateFunction;
  registry: boolean;
}

/**
 * The validator a model reply is checked with. A self-contained schema (no references) is
 * compiled by `@llmsr/llm` under the draft the registry recorded for it: its errors say what was
 * expected and received (types, allowed values), which the repair prompt needs. A schema with
 * references, a draft-04 schema, or one the LLM compiler refuses (an ML-type `$ref` the registry
 * resolves offline) uses the registry's own compiled validator, whose errors carry paths and
 * messages only.
 */
export function outputValidatorFor(
  parsed: ParsedSchema,
  registryValidator: () => Promise<CompiledValidator>,
): OutputValidator | Promise<OutputValidator> {
  const cached = compiled.get(parsed);
  if (cached !== undefined) return cached;
  const own = compileOwn(parsed);
  if (own !== undefined) {
    const validator = { validate: own, registry: false };
    compiled.set(parsed, validator);
    return validator;
  }
  return registryValidator().then((compiledValidator) => {
    const validator = { validate: registryValidateFunction(compiledValidator), registry: true };
    compiled.set(parsed, validator);
    return validator;
  });
}

function compileOwn(parsed: ParsedSchema): OutputValidateFunction | undefined {
  if (parsed.references.length > 0) return undefined;
  const schema = parsed.native;
  if (typeof schema === 'boolean') return compileOutputValidator(schema);
  if (typeof schema !== 'object' || schema === null) return undefined;
  const declared = (schema as { $schema?: unknown }).$schema;
  let target = schema;
  if (declared === undefined) {
    const uri = parsed.jsonDraft === undefined ? undefined : DRAFT_URIS[parsed.jsonDraft];
    if (uri === undefined) return undefined;
    target = { $schema: uri, ...schema };
  }
  try {
    return compileOutputValidator(target);
  } catch {
    return undefined;
  }
}
