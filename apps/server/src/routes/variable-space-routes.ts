import { type Registry, RegistryError, type StoredVariableSpace } from '@llmsr/core';
import { Hono } from 'hono';
import { optionalPositiveInteger } from '../body-fields.js';
import { readJsonBody, readJsonObject } from '../read-json-body.js';
import type { BodyLimits } from '../server-options.js';

function toResponse(space: StoredVariableSpace) {
  return {
    id: space.id,
    version: space.version,
    created_at: space.createdAt,
    updated_at: space.updatedAt,
    space: space.definition,
  };
}

function pageParam(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return value !== undefined && Number.isSafeInteger(parsed) && parsed >= 0 ? parsed : fallback;
}

/** Typed variable spaces (`@llmsr/variables`) under `/api/v1/variable-spaces`. */
export function variableSpaceRoutes(registry: Registry, limits: BodyLimits): Hono {
  const app = new Hono();
  const spaces = registry.variableSpaces;

  app.post('/', async (c) => {
    const created = await spaces.create(await readJsonBody(c, limits.schemaBytes));
    return c.json(toResponse(created), 201);
  });
  app.get('/', async (c) => {
    const list = await spaces.list({
      limit: Math.min(pageParam(c.req.query('limit'), 100), 1_000),
      offset: pageParam(c.req.query('offset'), 0),
    });
    return c.json(list.map(toResponse));
  });
  app.get('/:id', async (c) => c.json(toResponse(await spaces.getOrThrow(c.req.param('id')))));
  app.put('/:id', async (c) => {
    const body = await readJsonObject(c, limits.schemaBytes);
    const expectedVersion = optionalPositiveInteger(body, 'expected_version');
    if (expectedVersion === undefined) {
      throw new RegistryError('INVALID_INPUT', "'expected_version' is required", {
        field: 'expected_version',
      });
    }
    const updated = await spaces.update(c.req.param('id'), body.space, expectedVersion);
    return c.json(toResponse(updated));
  });
  app.delete('/:id', async (c) => {
    await spaces.delete(c.req.param('id'));
    return c.json({ id: c.req.param('id'), deleted: true });
  });
  app.post('/:id/validate', async (c) => {
    const body = await readJsonObject(c, limits.dataBytes);
    const result = await spaces.validate(c.req.param('id'), body.configuration);
    return c.json(
      result.valid
        ? { valid: true, configuration: result.config, issues: [] }
        : { valid: false, issues: result.issues },
    );
  });
  app.post('/:id/sample', async (c) => {
    const body = await readJsonObject(c, 64_000);
    const configurations = await spaces.sample(c.req.param('id'), {
      count: body.count,
      seed: body.seed,
      method: body.method,
    });
    return c.json({ count: configurations.length, configurations });
  });
  app.get('/:id/json-schema', async (c) => {
    const exported = await spaces.exportJsonSchema(c.req.param('id'));
    return c.json({
      schema: exported.schema,
      unexpressed: exported.unexpressed,
      ajv_options: exported.ajvOptions,
    });
  });
  return app;
}
