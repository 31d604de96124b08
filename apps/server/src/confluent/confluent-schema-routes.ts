import type { Registry, SchemaView } from '@llmsr/core';
import type { SchemaType } from '@llmsr/spec';
import { type Context, Hono } from 'hono';
import { ConfluentError } from './confluent-error.js';
import { confluentJson, confluentRawSchema } from './confluent-json.js';
import { confluentPage } from './confluent-page.js';
import { listVersionsOrNone } from './list-versions-or-none.js';
import { confluentFlag } from './parse-confluent-version.js';
import { confluentSchemaFields, toConfluentSchema } from './to-confluent-schema.js';

/** Most schemas `GET /schemas` answers at once, as Confluent's `schema.search.max.limit`. */
const SCHEMA_LIST_LIMIT = 1_000;

/**
 * The schema types this registry serves, in the order Confluent's `GET /schemas/types` lists
 * them (not `@llmsr/spec`'s order); `satisfies` keeps each one a spec `SchemaType`.
 */
export const CONFLUENT_SCHEMA_TYPES = [
  'JSON',
  'PROTOBUF',
  'AVRO',
] as const satisfies readonly SchemaType[];

/** `/schemas`: by global id (and its subjects and versions), by guid, and the schema types. */
export function confluentSchemaRoutes(registry: Registry): Hono {
  const app = new Hono();

  const schemaOf = async (c: Context): Promise<SchemaView> => {
    const id = c.req.param('id') as string;
    // Only integers are ids here; a guid goes through /schemas/guids/{guid}.
    const view = /^\d{1,10}$/.test(id) ? await registry.schemas.get(Number(id)) : undefined;
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
      ? await registry.subjects.getVersion(use.subject, use.version, { includeDeleted: true })
      : view.firstVersion;
    return confluentJson(c, {
      ...(use ? { subject: use.subject, version: use.version } : {}),
      guid: view.guid,
      ...confluentSchemaFields({ ...view, metadata: version?.metadata ?? null }),
      ts: Date.parse(view.createdAt),
    });
  };

  app.get('/', async (c) => {
    const includeDeleted = confluentFlag(c.req.query('deleted'));
    const latestOnly = confluentFlag(c.req.query('latestOnly'));
    const prefix = c.req.query('subjectPrefix');
    const offset = Math.max(0, Number(c.req.query('offset')) || 0);
    const asked = Number(c.req.query('limit'));
    const limit = asked > 0 && asked <= SCHEMA_LIST_LIMIT ? Math.floor(asked) : SCHEMA_LIST_LIMIT;
    const subjects = await registry.subjects.list({
      includeDeleted,
      ...(prefix ? { prefix } : {}),
    });
    const found: Record<string, unknown>[] = [];
    // Subject by subject, stopping once the page is full, so a large registry is not read whole.
    for (const subject of subjects) {
      if (found.length >= offset + limit) break;
      const versions = await listVersionsOrNone(registry, subject, { includeDeleted });
      const chosen = latestOnly ? versions.slice(-1) : versions;
      found.push(...chosen.map(toConfluentSchema));
    }
    return confluentJson(c, found.slice(offset, offset + limit));
  });
  app.get('/types', (c) => confluentJson(c, CONFLUENT_SCHEMA_TYPES));
  app.get('/ids/:id', async (c) => answerSchema(c, await schemaOf(c)));
  app.get('/ids/:id/schema', async (c) => confluentRawSchema(c, (await schemaOf(c)).schema));
  app.get('/ids/:id/subjects', async (c) => {
    const uses = usesOf(c, await schemaOf(c));
    return confluentJson(c, confluentPage(c, [...new Set(uses.map((use) => use.subject))]));
  });
  app.get('/ids/:id/versions', async (c) => {
    const uses = usesOf(c, await schemaOf(c));
    return confluentJson(
      c,
      confluentPage(
        c,
        uses.map((use) => ({ subject: use.subject, version: use.version })),
      ),
    );
  });
  app.get('/guids/:guid', async (c) => {
    const guid = c.req.param('guid');
    const view = /^[0-9a-fA-F-]{1,64}$/.test(guid) ? await registry.schemas.get(guid) : undefined;
    if (!view) throw new ConfluentError(40403, `Schema ${guid.slice(0, 100)} not found`);
    return answerSchema(c, view);
  });

  return app;
}
