import { z } from 'zod';
import { fieldError } from './field-error.js';
import { optionalField } from './optional-field.js';
import { booleanField } from './scalar-fields.js';

/** The body of `POST /api/v1/llm/signatures/compile`. */
export const CompileSignatureRequest = z
  .object({
    signature: z
      .union([z.string(), z.record(z.string(), z.unknown())], {
        error: fieldError('signature text or a signature object'),
      })
      .meta({
        description:
          'A signature: DSPy text (`question: str -> answer: str`), atom text (`signature qa: :string question -> :string answer`), or its JSON form `{ name, inputs, outputs, instructions? }`',
        example: 'context: list[str], question: str -> answer: str, confidence: float',
      }),
    inline_ml_types: optionalField(booleanField()).meta({
      description:
        "Copy the ML types used into each schema's `$defs` instead of `$ref`ing their ids (https://llmsr.dev/ml-types/...), so the schemas stand alone",
    }),
  })
  .meta({ id: 'CompileSignatureRequest' });

/** The body of `POST /api/v1/llm/signatures/compile` as a client sends it. */
export type CompileSignatureRequest = z.input<typeof CompileSignatureRequest>;

/** One signature field as a prompt template needs it. */
export const PromptField = z
  .object({
    name: z.string(),
    role: z.enum(['input', 'output']),
    type: z.string().meta({ description: 'DSPy-style type text, e.g. `list[str]`' }),
    description: z.string().optional(),
    prefix: z.string().meta({ description: 'The label, e.g. `Question:`' }),
    required: z.boolean().meta({ description: 'False for `Optional[...]` fields' }),
    constraints: z.array(z.string()).meta({ description: 'Constraints as short prose' }),
  })
  .meta({ id: 'PromptField' });

/** One signature field as a prompt template needs it. */
export type PromptField = z.output<typeof PromptField>;

/** A compiled signature: its two JSON Schemas and its prompt fields. */
export const CompileSignatureResponse = z
  .object({
    name: z.string(),
    instructions: z.string().meta({
      description: 'The instructions given, or the default ("Given the fields ..., produce ...")',
    }),
    input_schema: z
      .record(z.string(), z.unknown())
      .meta({ description: 'JSON Schema (2020-12) of the inputs object' }),
    output_schema: z.record(z.string(), z.unknown()).meta({
      description:
        'JSON Schema (2020-12) of the outputs object; ML types are `$ref`s the registry resolves, so it can be registered as is',
    }),
    fields: z.array(PromptField).meta({ description: 'Inputs then outputs, in declaration order' }),
  })
  .meta({ id: 'CompileSignatureResponse' });

/** A compiled signature. */
export type CompileSignatureResponse = z.output<typeof CompileSignatureResponse>;
