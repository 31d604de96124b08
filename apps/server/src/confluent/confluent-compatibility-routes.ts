import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { type CompatibilityReport, isRegistryError, type Registry } from '@llmsr/core';
import { ConfluentCompatibilityResponse, ConfluentRegisterRequest } from '@llmsr/spec/rest';
import type { Context } from 'hono';
import { z } from 'zod';
import { subjectParam } from '../auth/route-access.js';
import { addRoute } from '../openapi/add-route.js';
import type { BodyLimits } from '../server-options.js';
import { ConfluentError } from './confluent-error.js';
import { toConfluentErrorCode } from './confluent-error-codes.js';
import { confluentJson } from './confluent-json.js';
import {
  CONFLUENT_TAG,
  confluentErrors,
  confluentRequestBody,
  confluentResponse,
  flagQuery,
  SubjectParam,
  VersionParam,
} from './confluent-openapi.js';
import { confluentViolationMessages } from './confluent-violation-messages.js';
import { createConfluentRouteApp } from './create-confluent-route-app.js';
import {
  confluentFlag,
  confluentOptionalFlag,
  parseConfluentVersion,
} from './parse-confluent-version.js';

const query = z.object({
  verbose: flagQuery('Answer the reasons (messages) as well'),
  normalize: flagQuery('Normalize the schema first (default: the subject config)'),
});
const responses = {
  200: confluentResponse('Whether the schema is compatible', ConfluentCompatibilityResponse),
  ...confluentErrors(400, 404, 413, 422),
};

const checkAll = createRoute({
  method: 'post',
  path: '/subjects/{subject}/versions',
  operationId: 'confluentCheckCompatibility',
  tags: [CONFLUENT_TAG],
  summary: 'Check a schema against the versions its subject level compares with',
  request: {
    params: z.object({ subject: SubjectParam }),
    query,
    body: confluentRequestBody(ConfluentRegisterRequest),
  },
  responses,
});

const checkOne = createRoute({
  method: 'post',
  path: '/subjects/{subject}/versions/{version}',
  operationId: 'confluentCheckCompatibilityWithVersion',
  tags: [CONFLUENT_TAG],
  summary: 'Check a schema against one version of a subject',
  request: {
    params: z.object({ subject: SubjectParam, version: VersionParam }),
    query,
    body: confluentRequestBody(ConfluentRegisterRequest),
  },
  responses,
});

/** The schema of a checked request body. */
type CheckedRequest = Pick<
  z.output<typeof ConfluentRegisterRequest>,
  'schema' | 'schemaType' | 'references'
>;

/** `/compatibility/subjects/{subject}/versions[/{version}]`: check without registering. */
export function confluentCompatibilityRoutes(registry: Registry, limits: BodyLimits): OpenAPIHono {
  const app = createConfluentRouteApp();

  const check = async (c: Context, request: CheckedRequest, version: number | undefined) => {
    const subject = c.req.param('subject') as string;
    const verbose = confluentFlag(c.req.query('verbose'));
    let report: CompatibilityReport;
    try {
      report = await registry.compatibility.check({
        subject,
        schema: request.schema,
        schemaType: request.schemaType,
        references: request.references,
        ...(version === undefined ? {} : { version }),
        normalize: confluentOptionalFlag(c.req.query('normalize')),
      });
    } catch (error) {
      // With verbose=true Confluent answers a schema that does not parse as incompatible.
      if (verbose && isRegistryError(error) && toConfluentErrorCode(error) === 42201) {
        return confluentJson(c, { is_compatible: false, messages: [error.message] });
      }
      throw error;
    }
    return confluentJson(c, {
      is_compatible: report.compatible,
      ...(verbose ? { messages: confluentViolationMessages(report) } : {}),
    });
  };

  const access = { action: 'compatibility.check', subject: subjectParam } as const;
  addRoute(app, checkAll, (c) => check(c, c.req.valid('json'), undefined), {
    access,
    bodyLimit: limits.schemaBytes,
  });

  addRoute(
    app,
    checkOne,
    async (c) => {
      const subject = c.req.param('subject');
      const selector = parseConfluentVersion(c.req.param('version'));
      const target = await registry.subjects.getVersion(subject, selector);
      if (!target) {
        // `latest` of an empty subject accepts anything; a missing numbered version is 40402.
        if (selector === 'latest') return confluentJson(c, { is_compatible: true });
        throw new ConfluentError(40402, `Version ${selector} not found.`);
      }
      return check(c, c.req.valid('json'), target.version);
    },
    { access, bodyLimit: limits.schemaBytes },
  );

  return app;
}
