import type { ConfigRecord, Registry } from '@llmsr/core';
import { type Context, Hono } from 'hono';
import { checkConfigExtra } from '../config-extra-fields.js';
import { readJsonObject } from '../read-json-body.js';
import { ConfluentError } from './confluent-error.js';
import { confluentJson } from './confluent-json.js';
import { confluentConfigSubject } from './confluent-subject-name.js';
import { confluentFlag } from './parse-confluent-version.js';

/** Confluent config fields stored (as config extras) and returned as given, with their JSON type. */
export const CONFLUENT_CONFIG_FIELDS = {
  alias: 'string',
  normalize: 'boolean',
  validateFields: 'boolean',
  validateNewSchemas: 'boolean',
  validateRules: 'boolean',
  compatibilityPolicy: 'string',
  compatibilityGroup: 'string',
  jsonSchemaDefaultDraft: 'string',
  defaultMetadata: 'object',
  overrideMetadata: 'object',
  defaultRuleSet: 'object',
  overrideRuleSet: 'object',
} as const;

const CONFIG_BODY_LIMIT = 64_000;

/** `/config` and `/config/{subject}`: compatibility level and Confluent's other config fields. */
export function confluentConfigRoutes(registry: Registry): Hono {
  const app = new Hono();
  const subjectOf = (c: Context) => confluentConfigSubject(c.req.param('subject'));

  const get = async (c: Context) => {
    const subject = subjectOf(c);
    const own = await registry.config.get(subject);
    if (subject === null || confluentFlag(c.req.query('defaultToGlobal'))) {
      const global = subject === null ? own : await registry.config.get(null);
      return confluentJson(c, {
        compatibilityLevel: await registry.config.resolveLevel(subject),
        ...global?.extra,
        ...(subject === null ? {} : own?.extra),
      });
    }
    if (!own || (!own.compatibilityLevel && !hasExtra(own))) {
      throw new ConfluentError(
        40408,
        `Subject '${subject}' does not have subject-level compatibility configured`,
      );
    }
    return confluentJson(c, toConfig(own));
  };

  const put = async (c: Context) => {
    const body = await readJsonObject(c, CONFIG_BODY_LIMIT);
    const level = body.compatibility ?? body.compatibilityLevel ?? undefined;
    if (level !== undefined && typeof level !== 'string') {
      throw new ConfluentError(
        42203,
        'Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive',
      );
    }
    const extra = readConfigFields(body);
    const current = await registry.config.get(subjectOf(c));
    const saved = await registry.config.set(subjectOf(c), {
      ...(level === undefined ? {} : { compatibilityLevel: level }),
      ...(Object.keys(extra).length > 0 ? { extra: { ...current?.extra, ...extra } } : {}),
    });
    return confluentJson(c, {
      ...(level === undefined ? {} : { compatibility: saved.compatibilityLevel }),
      ...extra,
    });
  };

  const remove = async (c: Context) => {
    const subject = subjectOf(c);
    const old = await registry.config.clearSetting(subject, 'compatibilityLevel');
    if (!old && subject !== null) {
      throw new ConfluentError(40401, `Subject '${subject}' not found.`);
    }
    return confluentJson(
      c,
      old ? toConfig(old) : { compatibilityLevel: await registry.config.resolveLevel(null) },
    );
  };

  app.get('/', get).put('/', put).delete('/', remove);
  app.get('/:subject', get).put('/:subject', put).delete('/:subject', remove);
  return app;
}

function hasExtra(config: ConfigRecord | undefined): boolean {
  return config?.extra !== undefined && Object.keys(config.extra).length > 0;
}

function toConfig(config: ConfigRecord): Record<string, unknown> {
  return {
    ...(config.compatibilityLevel ? { compatibilityLevel: config.compatibilityLevel } : {}),
    ...config.extra,
  };
}

/** The Confluent config fields of a body, each checked against its JSON type (422, 42210 for rule sets). */
function readConfigFields(body: Record<string, unknown>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [field, type] of Object.entries(CONFLUENT_CONFIG_FIELDS)) {
    const value = body[field];
    if (value === undefined || value === null) continue;
    const actual = Array.isArray(value) ? 'array' : typeof value;
    if (actual !== type) {
      throw new ConfluentError(
        field.endsWith('RuleSet') ? 42210 : 422,
        `\`${field}\` must be ${type === 'object' ? 'a JSON object' : `a ${type}`}`,
      );
    }
    try {
      checkConfigExtra(field, field, value);
    } catch (error) {
      throw new ConfluentError(42203, (error as Error).message);
    }
    fields[field] = value;
  }
  return fields;
}
