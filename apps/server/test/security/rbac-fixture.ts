import { type AccessControl, createRegistry, type RateLimits, type Registry } from '@llmsr/core';
import type { AuthRole, Principal } from '@llmsr/spec';
import type { Hono } from 'hono';
import { createApp } from '../../src/create-app.js';

/** The bootstrap admin key of every security test registry. */
export const ADMIN_KEY = 'test-admin-key-0123456789';

const admin: Principal = { id: 'admin:bootstrap', kind: 'bootstrap-admin', role: 'admin' };

/** The schema every fixture registry holds as id 1, version 1 of `team-a.orders`. */
export const ORDERS_SCHEMA = {
  type: 'object',
  properties: { id: { type: 'integer' } },
  required: ['id'],
};

/** A registry with auth on, a few keys and fixtures, and its REST app. */
export interface AuthFixture {
  registry: Registry;
  app: Hono;
  access: AccessControl;
  /** Authorization headers per kind of caller. */
  headers: Record<AuthRole | 'outsider' | 'anonymous', Record<string, string>>;
  /** The guid of schema 1, a spare key id to revoke. */
  guid: string;
  spareKeyId: string;
}

/**
 * A fresh registry with `AUTH=on` and: `team-a.orders` v1 (schema 1) and a soft-deleted v2,
 * `team-a.legacy` soft-deleted, a global and a subject config and mode, variable space
 * `space-a`, keys for each role (unlimited) and an `outsider` admin limited to `team-b.`.
 */
export async function createAuthFixture(
  options: { rateLimits?: RateLimits } = {},
): Promise<AuthFixture> {
  const registry = await createRegistry({
    storage: 'memory:',
    auth: { enabled: true, adminApiKey: ADMIN_KEY, rateLimits: options.rateLimits },
  });
  const { access } = registry;
  const first = await registry.schemas.register({
    subject: 'team-a.orders',
    schema: ORDERS_SCHEMA,
  });
  await registry.schemas.register({
    subject: 'team-a.orders',
    schema: { ...ORDERS_SCHEMA, description: 'orders, second version' },
  });
  await registry.subjects.deleteVersion('team-a.orders', 2);
  await registry.schemas.register({ subject: 'team-a.legacy', schema: { type: 'string' } });
  await registry.subjects.delete('team-a.legacy');
  await registry.config.set(null, { compatibilityLevel: 'BACKWARD' });
  await registry.config.set('team-a.orders', { compatibilityLevel: 'BACKWARD', mode: 'READWRITE' });
  await registry.variableSpaces.create({
    id: 'space-a',
    name: 'Space A',
    variables: [{ name: 'temperature', kind: 'float', min: 0, max: 2 }],
  });
  const bearer = async (role: AuthRole, subjects?: string[]) => {
    const created = await access.keys.create({ name: role, role, subjects }, admin);
    return { authorization: `Bearer ${created.key}` };
  };
  const spare = await access.keys.create({ name: 'spare', role: 'reader' }, admin);
  return {
    registry,
    app: createApp({ registry }),
    access,
    headers: {
      anonymous: {},
      reader: await bearer('reader'),
      writer: await bearer('writer'),
      admin: { 'x-api-key': ADMIN_KEY },
      outsider: await bearer('admin', ['team-b.']),
    },
    guid: first.version.guid,
    spareKeyId: spare.id,
  };
}
