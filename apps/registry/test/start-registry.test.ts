import { createClient } from '@connectrpc/connect';
import { createConnectTransport } from '@connectrpc/connect-node';
import { SchemaRegistryService } from '@llmsr/proto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/load-config.js';
import { startRegistry } from '../src/start-registry.js';

const config = {
  ...loadConfig({ NODE_ENV: 'test' }),
  port: 0,
  connectPort: 0,
  host: '127.0.0.1',
  storageUrl: 'memory:',
};

/** The value of one sample line of the Prometheus text, or undefined when absent. */
function sample(text: string, line: string): number | undefined {
  const found = text.split('\n').find((candidate) => candidate.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
}

describe('startRegistry', () => {
  it('serves both APIs from one registry and closes both', async () => {
    const running = await startRegistry(config);
    try {
      const created = await fetch(`http://127.0.0.1:${running.port}/api/v1/schemas`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ subject: 'shared', schema: { type: 'string' } }),
      });
      const { id } = (await created.json()) as { id: number };
      // The Connect protocol's JSON encoding over HTTP/1.1: a plain POST.
      const viaConnect = await fetch(
        `http://127.0.0.1:${running.connectPort}/llmsr.registry.v1.SchemaRegistryService/GetSchema`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ id }),
        },
      );
      expect(viaConnect.status).toBe(200);
      expect(JSON.stringify(await viaConnect.json())).toContain('shared');
    } finally {
      await running.close();
    }
    await expect(fetch(`http://127.0.0.1:${running.port}/health`)).rejects.toThrow();
  });

  it('leaves Connect off when connectPort is null', async () => {
    const running = await startRegistry({ ...config, connectPort: null });
    try {
      expect(running.connectPort).toBeUndefined();
      expect((await fetch(`http://127.0.0.1:${running.port}/health`)).status).toBe(200);
    } finally {
      await running.close();
    }
  });

  it('counts Connect calls and their validations on the REST port /metrics', async () => {
    const running = await startRegistry(config);
    try {
      const transport = createConnectTransport({
        baseUrl: `http://127.0.0.1:${running.connectPort}`,
        httpVersion: '2',
      });
      const client = createClient(SchemaRegistryService, transport);
      const { schema } = await client.registerSchema({
        subject: 'people',
        schema: '{"type":"object","required":["name"]}',
      });
      const validated = await client.validateData({
        selector: { case: 'schemaId', value: schema?.id ?? 0 },
        data: { kind: { case: 'structValue', value: { fields: {} } } },
      });
      expect(validated.report?.valid).toBe(false);
      await expect(client.getSchema({ selector: { case: 'id', value: 9_999 } })).rejects.toThrow();
      // Cancelled by the client after its first event (an abort, which resets the HTTP/2 stream).
      const cancel = new AbortController();
      const changes = client.streamSchemaChanges({ afterEventId: 0n }, { signal: cancel.signal });
      await expect(
        (async () => {
          for await (const _ of changes) cancel.abort();
        })(),
      ).rejects.toThrow(/abort/);
      // The server notices the reset on its next turn.
      await new Promise((resolve) => setTimeout(resolve, 100));

      const text = await (await fetch(`http://127.0.0.1:${running.port}/metrics`)).text();
      const count = (method: string, code: string) =>
        sample(text, `rpc_request_duration_seconds_count{method="${method}",code="${code}"}`);
      expect(count('RegisterSchema', 'ok')).toBe(1);
      expect(count('ValidateData', 'ok')).toBe(1);
      expect(count('GetSchema', 'not_found')).toBe(1);
      expect(count('StreamSchemaChanges', 'ok')).toBe(1);
      // The validation over Connect feeds the same counter as REST validations.
      expect(sample(text, 'schema_validations_total{result="invalid"}')).toBe(1);
    } finally {
      await running.close();
    }
  });
});

describe('startRegistry with AUTH=on', () => {
  it('refuses to start without an administrator, naming ADMIN_API_KEY', async () => {
    const refused = startRegistry({ ...config, auth: { enabled: true } });
    await expect(refused).rejects.toMatchObject({ name: 'StartupError', setting: 'ADMIN_API_KEY' });
  });

  it('starts with ADMIN_API_KEY and refuses anonymous calls on both ports', async () => {
    const running = await startRegistry({
      ...config,
      auth: { enabled: true, adminApiKey: 'start-test-admin-key-01' },
    });
    try {
      const rest = await fetch(`http://127.0.0.1:${running.port}/api/v1/subjects`);
      expect(rest.status).toBe(401);
      const client = createClient(
        SchemaRegistryService,
        createConnectTransport({
          baseUrl: `http://127.0.0.1:${running.connectPort}`,
          httpVersion: '1.1',
        }),
      );
      await expect(client.getSchema({ selector: { case: 'id', value: 1 } })).rejects.toMatchObject({
        code: 16,
      });
      const admin = await fetch(`http://127.0.0.1:${running.port}/api/v1/subjects`, {
        headers: { 'x-api-key': 'start-test-admin-key-01' },
      });
      expect(admin.status).toBe(200);
    } finally {
      await running.close();
    }
  });
});
