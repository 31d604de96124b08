import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Registry } from '@llmsr/core';
import { CompileSignatureRequest, CompileSignatureResponse } from '@llmsr/spec/rest';
import { addRoute } from '../openapi/add-route.js';
import { createRouteApp } from '../openapi/create-route-app.js';
import { errorResponses } from '../openapi/error-responses.js';
import { jsonContent } from '../openapi/json-content.js';

/**
 * Largest body of an LLM tool request: a signature is at most 64 Ki characters
 * (`SIGNATURE_LIMITS.textLength`), and no real one comes near.
 */
export const LLM_BODY_BYTES = 64 * 1024;

const compileSignature = createRoute({
  method: 'post',
  path: '/signatures/compile',
  operationId: 'compileSignature',
  tags: ['LLM'],
  summary: 'Compile a prompt signature to the JSON Schemas of its inputs and outputs',
  description:
    'Reads a signature in DSPy or atom text (or its JSON form) and answers the JSON Schemas of its inputs and outputs and a prompt-ready field list. A syntax error is `SIGNATURE_SYNTAX` (400) with `details.line`, `details.column` and `details.expected`; an unknown type is `SIGNATURE_UNKNOWN_TYPE` (422) with `details.typeName` and `details.known`; any other rule broken is `INVALID_SIGNATURE` (422) with `details.signatureCode`.',
  request: { body: { required: true, content: jsonContent(CompileSignatureRequest) } },
  responses: {
    200: {
      description: 'The compiled signature',
      content: jsonContent(CompileSignatureResponse),
    },
    ...errorResponses(400, 413, 422),
  },
});

/** `POST /api/v1/llm/signatures/compile`: the LLM tools of `@llmsr/llm`, through core. */
export function llmRoutes(registry: Registry): OpenAPIHono {
  const app = createRouteApp();
  addRoute(
    app,
    compileSignature,
    async (c) => {
      const body = c.req.valid('json');
      const compiled = await registry.llm.compileSignature({
        signature: body.signature,
        inlineMlTypes: body.inline_ml_types,
      });
      return c.json(
        {
          name: compiled.name,
          instructions: compiled.instructions,
          input_schema: compiled.inputSchema,
          output_schema: compiled.outputSchema,
          fields: compiled.fields,
        },
        200,
      );
    },
    // Compiling reads nothing stored: any reader may, as for validation.
    { access: { action: 'validate' }, bodyLimit: LLM_BODY_BYTES },
  );
  return app;
}
