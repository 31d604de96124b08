import type { Registry, SchemaView } from '@llmsr/core';
import { type Context, Hono } from 'hono';
import { ConfluentError } from './confluent-error.js';
import { confluentJson, confluentRawSchema } from './confluent-json.js';
import { confluentFlag } from './parse-confluent-version.js';
import { confluentSchemaFields } from './to-confluent-schema.js';

/** The schema types this registry serves, as `GET /schemas/types` lists them. */
export const CONFLUENT_SCHEMA_TYPES = ['JSON', 'PROTOBUF', 'AVRO'] as const;

/** `/schemas`: by global id (and its subjects and versions), by guid, and the schema types. */
export function confluentSchemaRoutes(registry: Registry): Hono {
  const app = new Hono();

  const schemaOf = async (c: Context): Promise<SchemaView> => {
    const id = c.req.param('id') as string;
    // Only integers are ids here; a guid goes through /schemas/guids/{guid}.
    const view = /^\d{1,10}$/.test(id) ? await registry.getSchema(Number(id)) : undefined;
    if (!view) throw new ConfluentError(40403, `Schema ${id.slice(0, 100)} not found`);
    return view;
  };
  const usesOf = (c: Context, view: SchemaView) => {
    const subject = c.req.query('subject');
    const deleted = confluentFlag(c.req.query('deleted'));
    return view.versions.filter(
      (use) => (deleted || !use.deleted) && (!subject || use.subject === subject),
    );
  };
  const answerSchema = async (c: Context, view: SchemaView) => {
    const subject = c.req.query('subject');
    const use = subject ? view.versions.find((entry) => entry.subject === subject) : undefined;
    const version = use
      ? await registry.getVersion(use.subject, use.version, { includeDeleted: true })
      : view.firstVersion;
    return confluentJson(c, {
      ...(use ? { subject: use.subject, version: use.version } : {}),
      guid: view.guid,
      ...confluentSchemaFields({ ...view, metadata: version?.metadata ?? null }),
      ts: Date.parse(view.createdAt),
    });
  };

  app.get('/types', (c) => confluentJson(c, CONFLUENT_SCHEMA_TYPES));
  app.get('/ids/:id', async (c) => answerSchema(c, await schemaOf(c)));
  app.get('/ids/:id/schema', async (c) => confluentRawSchema(c, (await schemaOf(c)).schema));
  app.get('/ids/:id/subjects', async (c) => {
    const uses = usesOf(c, await schemaOf(c));
    return confluentJson(c, [...new Set(uses.map((use) => use.subject))]);
  });
  app.get('/ids/:id/versions', async (c) => {
    const uses = usesOf(c, await schemaOf(c));
    return confluentJson(
      c,
      uses.map((use) => ({ subject: use.subject, version: use.version })),
    );
  });
  app.get('/guids/:guid', async (c) => {
    const guid = c.req.param('guid');
    const view = /^[0-9a-fA-F-]{1,64}$/.test(guid) ? await registry.getSchema(guid) : undefined;
    if (!view) throw new ConfluentError(40403, `Schema ${guid.slice(0, 100)} not found`);
    return answerSchema(c, view);
  });

  return app;
}
