import { z } from 'zod';
import { optionalField } from './optional-field.js';
import { booleanField, stringField, stringOrIntegerField } from './scalar-fields.js';

/** Longest model reply `POST /api/v1/llm/parse-output` reads, in UTF-16 code units. */
export const MAX_PARSE_OUTPUT_TEXT = 1_000_000;

const provider = stringField().meta({
  description: 'openai, azure-openai, anthropic or gemini',
  example: 'openai',
});

/** Which registered schema an LLM operation reads: a global id or guid, or subject + version. */
const RegisteredSchema = {
  schema_id: optionalField(stringOrIntegerField()).meta({ description: 'Global id or guid' }),
  subject: optionalField(stringField()).meta({ description: 'With version: a subject version' }),
  version: optionalField(stringOrIntegerField()).meta({
    description: 'Version number, semver or `latest` (default latest)',
  }),
};

/** The body of `POST /api/v1/llm/lint` and `POST /api/v1/llm/provider-schema`. */
export const ProviderLintRequest = z
  .object({
    schema: z
      .unknown()
      .optional()
      .meta({
        description: 'A JSON Schema (value or JSON text); wins over schema_id and subject',
        example: { type: 'object', properties: { answer: { type: 'string' } } },
      }),
    ...RegisteredSchema,
    provider,
  })
  .meta({
    id: 'ProviderLintRequest',
    description: 'A JSON Schema, inline or registered, and the provider to check it for',
  });

/** The body of the provider lint and transform routes as a client sends it. */
export type ProviderLintRequest = z.input<typeof ProviderLintRequest>;

/** One finding of a provider lint. */
export const ProviderLintIssue = z
  .object({
    rule: z.string().meta({ example: 'openai/additional-properties-false' }),
    path: z.string().meta({ description: 'JSON pointer into the schema; empty for the root' }),
    message: z.string(),
    fix: z.string().meta({ description: 'What to change so the provider accepts the schema' }),
    severity: z.enum(['error', 'warning']).meta({
      description:
        'error: the provider rejects the schema; warning: a constraint is lost or at risk',
    }),
    provider_message: optionalField(z.string()).meta({
      description: "The provider's own wording of the error, where known",
    }),
  })
  .meta({ id: 'ProviderLintIssue' });

/** One finding of a provider lint. */
export type ProviderLintIssue = z.output<typeof ProviderLintIssue>;

/** The answer of `POST /api/v1/llm/lint`. */
export const ProviderLintResponse = z
  .object({
    ok: z.boolean().meta({ description: 'true when no issue is an error' }),
    provider: z.string(),
    issues: z.array(ProviderLintIssue),
    schema_id: optionalField(z.number().int()).meta({
      description: 'The registered schema linted, when given by selector',
    }),
  })
  .meta({ id: 'ProviderLintResponse' });

/** The answer of `POST /api/v1/llm/lint`. */
export type ProviderLintResponse = z.output<typeof ProviderLintResponse>;

/** The answer of `POST /api/v1/llm/provider-schema`. */
export const ProviderSchemaResponse = z
  .object({
    provider: z.string(),
    schema: z.record(z.string(), z.unknown()).meta({ description: 'The provider-ready schema' }),
    changes: z.array(
      z
        .object({ path: z.string(), change: z.string() })
        .meta({ id: 'ProviderSchemaChange', description: 'One change made, at a JSON pointer' }),
    ),
    lost: z.array(
      z.object({ path: z.string(), keyword: z.string(), reason: z.string() }).meta({
        id: 'ProviderLostConstraint',
        description: 'A constraint the provider cannot enforce: check it after parsing',
      }),
    ),
    remaining: z.array(ProviderLintIssue).meta({
      description: 'Lint errors the transform could not fix',
    }),
    schema_id: optionalField(z.number().int()),
  })
  .meta({ id: 'ProviderSchemaResponse' });

/** The answer of `POST /api/v1/llm/provider-schema`. */
export type ProviderSchemaResponse = z.output<typeof ProviderSchemaResponse>;

/** The body of `POST /api/v1/llm/parse-output`. */
export const ParseOutputRequest = z
  .object({
    text: stringField().meta({
      description: `The model's reply, at most ${MAX_PARSE_OUTPUT_TEXT} characters (more is 413)`,
      example: 'Here it is:\n```json\n{"answer": "42",}\n```',
    }),
    ...RegisteredSchema,
    coerce: optionalField(booleanField()).meta({
      description: 'Convert string scalars where the schema states one type ("42" -> 42)',
    }),
  })
  .meta({
    id: 'ParseOutputRequest',
    description: "A model's reply and the registered JSON Schema it must match",
  });

/** The body of `POST /api/v1/llm/parse-output` as a client sends it. */
export type ParseOutputRequest = z.input<typeof ParseOutputRequest>;

const OutputError = z
  .object({
    path: z.string().meta({ description: 'JSON pointer into the data' }),
    keyword: z.string(),
    message: z.string(),
    expected: optionalField(z.string()),
    received: optionalField(z.string()),
  })
  .meta({ id: 'OutputValidationError' });

const OutputRepair = z
  .object({
    kind: z.enum(['extract', 'syntax', 'truncation', 'coerce']),
    message: z.string(),
    offset: optionalField(z.number().int()),
    line: optionalField(z.number().int()),
    column: optionalField(z.number().int()),
    path: optionalField(z.string()),
    removed: optionalField(z.string()),
    inserted: optionalField(z.string()),
  })
  .meta({ id: 'OutputRepair', description: 'One change made to the reply' });

const OutputCandidate = z
  .object({
    start: z.number().int(),
    end: z.number().int(),
    source: z.string().meta({ description: 'fence or text' }),
    complete: z.boolean(),
    status: z.enum(['valid', 'invalid', 'unparseable', 'too-deep']),
    repaired: z.boolean(),
    chosen: z.boolean(),
  })
  .meta({ id: 'OutputCandidate', description: 'A JSON candidate found in the reply' });

/** The answer of `POST /api/v1/llm/parse-output`: an invalid reply is a 200 with `valid: false`. */
export const ParseOutputResponse = z
  .object({
    valid: z.boolean(),
    data: z.unknown().optional().meta({
      description:
        'The chosen JSON (repaired, coerced), also when invalid; absent when none parsed',
    }),
    errors: z.array(OutputError),
    repairs: z.array(OutputRepair),
    candidates: z.array(OutputCandidate),
    code: optionalField(z.string()).meta({
      description:
        'Why not valid: OUTPUT_NO_JSON, OUTPUT_INVALID_JSON, OUTPUT_TOO_DEEP or OUTPUT_SCHEMA_MISMATCH',
    }),
    repair_prompt: optionalField(z.string()).meta({
      description: 'A message telling the model what to fix, for a retry',
    }),
    schema_id: z.number().int(),
  })
  .meta({ id: 'ParseOutputResponse' });

/** The answer of `POST /api/v1/llm/parse-output`. */
export type ParseOutputResponse = z.output<typeof ParseOutputResponse>;
