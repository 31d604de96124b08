import { isDeepStrictEqual } from 'node:util';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import {
  type Registry,
  RegistryError,
  type SchemaVersionView,
  VARIABLE_SPACE_KIND,
} from '@llmsr/core';
import { ImportLine, ImportResult } from '@llmsr/spec/rest';
import { z } from 'zod';
import { parseConfigSubject } from '../config-subject.js';
import { addRoute } from '../openapi/add-route.js';
import { createRouteApp } from '../openapi/create-route-app.js';
import { errorResponses } from '../openapi/error-responses.js';
import { jsonContent } from '../openapi/json-content.js';

/** Resource kinds the registry stores (`store.listResources` needs the kind). */
export const EXPORTED_RESOURCE_KINDS: readonly string[] = [VARIABLE_SPACE_KIND];

const RESOURCE_PAGE = 500;
const IMPORT_BODY_LIMIT = 10_000_000;

/**
 * `GET /api/v1/export`: everything the registry holds as NDJSON, in an order an import can
 * replay: every version (soft-deleted ones too, with `deleted_at`) by id, subject and version,
 * then per-subject configs, resources and the global config last (its mode may be READONLY).
 * `POST /api/v1/import`: apply one `config` or `resource` line of such an export (versions go
 * through `POST /api/v1/schemas` in IMPORT mode, which checks them like any registration).
 */
export function exportRoutes(registry: Registry, importBodyLimit = IMPORT_BODY_LIMIT): OpenAPIHono {
  const app = createRouteApp();

  addRoute(
    app,
    exportRoute,
    async (c) => {
      const lines = await exportLines(registry);
      const body = lines.map((line) => `${JSON.stringify(line)}\n`).join('');
      // zod-openapi's response typing reads `application/x-ndjson` as a malformed JSON type
      // (never): the media type is declared in the route, the cast only silences that.
      return c.body(body, 200, { 'content-type': 'application/x-ndjson; charset=utf-8' }) as never;
    },
    { access: { action: 'export' } },
  );

  addRoute(
    app,
    importRoute,
    async (c) => {
      const line = c.req.valid('json');
      if (line.kind === 'config') return c.json(await importConfig(registry, line), 200);
      if (line.kind === 'resource') return c.json(await importResource(registry, line), 200);
      throw new RegistryError(
        'INVALID_INPUT',
        "'kind' must be config or resource (versions are imported with POST /api/v1/schemas)",
        { field: 'kind' },
      );
    },
    { access: { action: 'import' }, bodyLimit: importBodyLimit },
  );

  return app;
}

const exportRoute = createRoute({
  method: 'get',
  path: '/export',
  operationId: 'exportRegistry',
  tags: ['Export and import'],
  summary: 'Everything the registry holds, as NDJSON lines an import can replay',
  responses: {
    200: {
      description:
        'One JSON object per line: `version` lines by id, then `config` and `resource` lines, the global config last',
      content: {
        'application/x-ndjson': {
          schema: z.string().meta({
            example: '{"kind":"version","subject":"orders-value","version":1,"id":1}\n',
          }),
        },
      },
    },
    ...errorResponses(),
  },
});

const importRoute = createRoute({
  method: 'post',
  path: '/import',
  operationId: 'importLine',
  tags: ['Export and import'],
  summary: 'Apply one config or resource line of an export',
  request: { body: { required: true, content: jsonContent(ImportLine) } },
  responses: {
    200: { description: 'Applied, or skipped (already there)', content: jsonContent(ImportResult) },
    ...errorResponses(400, 409, 413, 422),
  },
});

async function exportLines(registry: Registry): Promise<Record<string, unknown>[]> {
  const subjects = await registry.subjects.list({ includeDeleted: true });
  const versions: SchemaVersionView[] = [];
  for (const subject of subjects) {
    versions.push(...(await registry.subjects.versions(subject, { includeDeleted: true })));
  }
  versions.sort(
    (a, b) =>
      a.id - b.id ||
      (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0) ||
      a.version - b.version,
  );
  const lines: Record<string, unknown>[] = versions.map(toVersionLine);
  // Configs live apart from versions: a subject may have one without any version left.
  const configured = new Set(subjects);
  for (const event of await registry.events.list({ limit: 10_000 })) {
    if (event.type === 'config.changed' && event.subject !== null) configured.add(event.subject);
  }
  for (const subject of [...configured].sort()) {
    const config = await registry.config.get(subject);
    if (config) lines.push(toConfigLine(subject, config));
  }
  for (const kind of EXPORTED_RESOURCE_KINDS) {
    for (let offset = 0; ; offset += RESOURCE_PAGE) {
      const page = await registry.resources.list(kind, { limit: RESOURCE_PAGE, offset });
      for (const resource of page) {
        lines.push({
          kind: 'resource',
          resource_kind: resource.kind,
          id: resource.id,
          document: resource.document,
          version: resource.version,
          created_at: resource.createdAt,
          updated_at: resource.updatedAt,
        });
      }
      if (page.length < RESOURCE_PAGE) break;
    }
  }
  const global = await registry.config.get(null);
  if (global) lines.push(toConfigLine(null, global));
  return lines;
}

function toVersionLine(view: SchemaVersionView): Record<string, unknown> {
  return {
    kind: 'version',
    subject: view.subject,
    version: view.version,
    id: view.id,
    guid: view.guid,
    semver: view.semver,
    schema_type: view.schemaType,
    fingerprint: view.fingerprint,
    // The text exactly as registered: a re-parsed value would lose its formatting.
    schema: view.schema,
    references: view.references,
    metadata: view.metadata,
    compatibility_level: view.compatibilityLevel,
    created_at: view.createdAt,
    created_by: view.createdBy,
    deleted: view.deletedAt !== null,
    deleted_at: view.deletedAt,
  };
}

function toConfigLine(
  subject: string | null,
  config: NonNullable<Awaited<ReturnType<Registry['config']['get']>>>,
): Record<string, unknown> {
  return {
    kind: 'config',
    subject,
    compatibility_level: config.compatibilityLevel ?? null,
    mode: config.mode ?? null,
    extra: config.extra ?? {},
  };
}

/** Replace a config with the exported one (level, mode and every extra field). */
async function importConfig(
  registry: Registry,
  line: Record<string, unknown>,
): Promise<{ outcome: 'applied' }> {
  const subject =
    line.subject === null || line.subject === undefined
      ? null
      : parseConfigSubject(typeof line.subject === 'string' ? line.subject : '');
  const level = optionalText(line, 'compatibility_level');
  const mode = optionalText(line, 'mode');
  const extra = line.extra;
  if (
    extra !== undefined &&
    extra !== null &&
    (typeof extra !== 'object' || Array.isArray(extra))
  ) {
    throw new RegistryError('INVALID_INPUT', "'extra' must be a JSON object", { field: 'extra' });
  }
  const extras = (extra ?? {}) as Record<string, unknown>;
  // Replace, not merge: what the target held before (an IMPORT mode, say) must not survive.
  await registry.config.delete(subject);
  if (level !== undefined || mode !== undefined || Object.keys(extras).length > 0) {
    await registry.config.set(subject, {
      ...(level === undefined ? {} : { compatibilityLevel: level }),
      ...(mode === undefined ? {} : { mode }),
      ...(Object.keys(extras).length > 0 ? { extra: extras } : {}),
    });
  }
  return { outcome: 'applied' };
}

/** Create an exported resource; the same document already there is skipped, another one is a CONFLICT. */
async function importResource(
  registry: Registry,
  line: Record<string, unknown>,
): Promise<{ outcome: 'applied' | 'skipped' }> {
  const kind = optionalText(line, 'resource_kind');
  const id = optionalText(line, 'id');
  if (!kind || !id || line.document === undefined) {
    throw new RegistryError(
      'INVALID_INPUT',
      'A resource line needs resource_kind, id and document',
      { field: 'resource_kind' },
    );
  }
  if (!EXPORTED_RESOURCE_KINDS.includes(kind)) {
    throw new RegistryError(
      'INVALID_INPUT',
      `Unknown resource kind '${kind.slice(0, 100)}'; use one of ${EXPORTED_RESOURCE_KINDS.join(', ')}`,
      { field: 'resource_kind' },
    );
  }
  const existing = await registry.resources.get(kind, id);
  if (existing) {
    if (isDeepStrictEqual(existing.document, line.document)) {
      return { outcome: 'skipped' };
    }
    throw new RegistryError('CONFLICT', `${kind} '${id}' already exists with another document`, {
      kind,
      id,
    });
  }
  // Through the variable space service, so an imported space is checked like a created one.
  const document = line.document as { id?: unknown } | null;
  if (typeof document !== 'object' || document === null || document.id !== id) {
    throw new RegistryError('INVALID_INPUT', `The document of '${id}' must have id '${id}'`, {
      field: 'document',
    });
  }
  await registry.variableSpaces.create(document);
  return { outcome: 'applied' };
}

function optionalText(line: Record<string, unknown>, field: string): string | undefined {
  const value = line[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    throw new RegistryError('INVALID_INPUT', `'${field}' must be a string`, { field });
  }
  return value;
}
