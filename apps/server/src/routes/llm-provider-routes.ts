import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { ParseOutputResult, ProviderSchemaView, Registry } from '@llmsr/core';
import {
  ParseOutputRequest,
  ParseOutputResponse,
  ProviderLintRequest,
  ProviderLintResponse,
  ProviderSchemaResponse,
} from '@llmsr/spec/rest';
import { bodySchemaId, bodySubject } from '../auth/route-access.js';
import { addRoute } from '../openapi/add-route.js';
import { createRouteApp } from '../openapi/create-route-app.js';
import { errorResponses } from '../openapi/error-responses.js';
import { jsonContent } from '../openapi/json-content.js';
import type { BodyLimits } from '../server-options.js';
import { toLintIssueBody } from './to-lint-issue-body.js';

const lint = createRoute({
  method: 'post',
  path: '/lint',
  operationId: 'lintForProvider',
  tags: ['LLM'],
  summary: "Lint a JSON Schema against a provider's structured-output rules",
  description:
    'Every issue has a stable rule id, the JSON pointer, the message and a fix. An unknown provider is 400 UNKNOWN_PROVIDER with the allowed list.',
  request: { body: { required: true, content: jsonContent(ProviderLintRequest) } },
  responses: {
    200: { description: 'The lint result', content: jsonContent(ProviderLintResponse) },
    ...errorResponses(400, 404, 413, 422),
  },
});

const providerSchema = createRoute({
  method: 'post',
  path: '/provider-schema',
  operationId: 'toProviderSchema',
  tags: ['LLM'],
  summary: 'The provider-ready variant of a JSON Schema, with every change and what is lost',
  request: { body: { required: true, content: jsonContent(ProviderLintRequest) } },
  responses: {
    200: {
      description: 'The transformed schema',
      content: jsonContent(ProviderSchemaResponse),
    },
    ...errorResponses(400, 404, 413, 422),
  },
});

const parseOutput = createRoute({
  method: 'post',
  path: '/parse-output',
  operationId: 'parseModelOutput',
  tags: ['LLM'],
  summary: "Find, repair and validate the JSON in a model's reply against a registered schema",
  description:
    'An invalid reply is answered 200 with valid: false, a code and a repair_prompt for a retry; text over 1,000,000 characters is 413.',
  request: { body: { required: true, content: jsonContent(ParseOutputRequest) } },
  responses: {
    200: { description: 'The parse result', content: jsonContent(ParseOutputResponse) },
    ...errorResponses(400, 404, 413, 422),
  },
});

/** `POST /api/v1/llm/lint`, `/llm/provider-schema` and `/llm/parse-output`. */
export function llmProviderRoutes(registry: Registry, limits: BodyLimits): OpenAPIHono {
  const app = createRouteApp();
  // A registered schema is read under the caller's subject prefixes; an inline one needs none.
  const access = { action: 'validate', subject: bodySubject, schemaId: bodySchemaId } as const;

  addRoute(
    app,
    lint,
    async (c) => {
      const body = c.req.valid('json');
      const result = await registry.llm.lint({
        schema: body.schema,
        schemaId: body.schema_id,
        subject: body.subject,
        version: body.version,
        provider: body.provider,
      });
      return c.json(
        {
          ok: result.ok,
          provider: result.provider,
          issues: result.issues.map(toLintIssueBody),
          ...(result.schemaId === undefined ? {} : { schema_id: result.schemaId }),
        },
        200,
      );
    },
    { access, bodyLimit: limits.schemaBytes },
  );

  addRoute(
    app,
    providerSchema,
    async (c) => {
      const body = c.req.valid('json');
      const result = await registry.llm.providerSchema({
        schema: body.schema,
        schemaId: body.schema_id,
        subject: body.subject,
        version: body.version,
        provider: body.provider,
      });
      return c.json(toProviderSchemaBody(result), 200);
    },
    { access, bodyLimit: limits.schemaBytes },
  );

  addRoute(
    app,
    parseOutput,
    async (c) => {
      const body = c.req.valid('json');
      const result = await registry.llm.parseOutput({
        text: body.text,
        schemaId: body.schema_id,
        subject: body.subject,
        version: body.version,
        coerce: body.coerce,
      });
      return c.json(toParseOutputBody(result), 200);
    },
    // A 1,000,000-character reply may take up to 6 bytes a character once JSON-escaped.
    { access, bodyLimit: limits.dataBytes },
  );

  return app;
}

function toProviderSchemaBody(result: ProviderSchemaView) {
  return {
    provider: result.provider,
    schema: result.schema,
    changes: result.changes,
    lost: result.lost,
    remaining: result.remaining.map(toLintIssueBody),
    ...(result.schemaId === undefined ? {} : { schema_id: result.schemaId }),
  };
}

function toParseOutputBody(result: ParseOutputResult) {
  const { repairPrompt, schemaId, ...rest } = result;
  return {
    ...rest,
    ...(repairPrompt === undefined ? {} : { repair_prompt: repairPrompt }),
    schema_id: schemaId,
  };
}
