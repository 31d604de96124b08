import { createRegistry } from '@llmsr/core';
import { describe, expect, it } from 'vitest';
import { accessIsActive, authorizeRpc } from './authorize-rpc.js';
import { startConnectServer } from './start-connect-server.js';

describe('accessIsActive', () => {
  it.each([
    ['auth off, no limits, no audit', undefined, false],
    ['auth on', { enabled: true, adminApiKey: 'boot-admin-key-0123456789' }, true],
    ['a rate limit with auth off', { rateLimits: { anonymous: 10 } }, true],
    ['an audit log with auth off', { audit: true }, true],
    ['a zero rate limit (unlimited)', { rateLimits: { anonymous: 0 } }, false],
  ])('is %s -> %s', async (_, auth, active) => {
    const registry = await createRegistry({ storage: 'memory:', auth });
    try {
      expect(accessIsActive(registry)).toBe(active);
    } finally {
      await registry.close();
    }
  });
});

describe('authorizeRpc', () => {
  it('hands calls straight on when there is nothing to do', async () => {
    const registry = await createRegistry({ storage: 'memory:' });
    try {
      const next = async () => ({}) as never;
      expect(authorizeRpc(registry)(next)).toBe(next);
    } finally {
      await registry.close();
    }
  });
});

describe('startConnectServer', () => {
  it('refuses a trustProxy entry that is not an address or range, instead of trusting nobody', async () => {
    const registry = await createRegistry({ storage: 'memory:' });
    try {
      await expect(
        startConnectServer({ registry, port: 0, host: '127.0.0.1', trustProxy: ['10.0.0.0/99'] }),
      ).rejects.toThrow();
    } finally {
      await registry.close();
    }
  });
});
