import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RegistryClient } from '../src/index.js';

/**
 * A minimal Confluent-shaped endpoint (`GET /schemas/ids/:id`) in front of a real llmsr server,
 * read through the SDK, for Confluent clients. The server's own Confluent API is still a stub.
 */
export async function startConfluentFacade(
  client: RegistryClient,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const match = /^\/schemas\/ids\/(\d+)/.exec(req.url ?? '');
    if (!match) {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end('{"error_code":40401,"message":"not found"}');
      return;
    }
    client.getSchema(Number(match[1])).then(
      (schema) => {
        const text =
          typeof schema.schema === 'string' ? schema.schema : JSON.stringify(schema.schema);
        const body = { schema: text, schemaType: schema.schemaType, references: [] };
        res.writeHead(200, { 'content-type': 'application/vnd.schemaregistry.v1+json' });
        res.end(JSON.stringify(body));
      },
      (error: Error) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error_code: 50001, message: error.message }));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
