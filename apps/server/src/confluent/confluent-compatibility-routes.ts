import { type CompatibilityReport, isRegistryError, type Registry } from '@llmsr/core';
import { type Context, Hono } from 'hono';
import type { BodyLimits } from '../server-options.js';
import { ConfluentError } from './confluent-error.js';
import { toConfluentErrorCode } from './confluent-error-codes.js';
import { confluentJson } from './confluent-json.js';
import { confluentViolationMessages } from './confluent-violation-messages.js';
import {
  confluentFlag,
  confluentOptionalFlag,
  parseConfluentVersion,
} from './parse-confluent-version.js';
import { readRegisterRequest } from './read-register-request.js';

/** `/compatibility/subjects/{subject}/versions[/{version}]`: check without registering. */
export function confluentCompatibilityRoutes(registry: Registry, limits: BodyLimits): Hono {
  const app = new Hono();

  const check = async (c: Context, version: number | undefined) => {
    const subject = c.req.param('subject') as string;
    const verbose = confluentFlag(c.req.query('verbose'));
    const request = await readRegisterRequest(c, limits.schemaBytes);
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

  app.post('/subjects/:subject/versions', (c) => check(c, undefined));

  app.post('/subjects/:subject/versions/:version', async (c) => {
    const subject = c.req.param('subject');
    const selector = parseConfluentVersion(c.req.param('version'));
    const target = await registry.subjects.getVersion(subject, selector);
    if (!target) {
      // `latest` of an empty subject accepts anything; a missing numbered version is 40402.
      if (selector === 'latest') {
        await readRegisterRequest(c, limits.schemaBytes);
        return confluentJson(c, { is_compatible: true });
      }
      throw new ConfluentError(40402, `Version ${selector} not found.`);
    }
    return check(c, target.version);
  });

  return app;
}
