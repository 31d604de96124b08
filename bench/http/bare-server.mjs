// Baseline for bench/http.mjs: a bare Hono app on @hono/node-server returning a fixed JSON body.
import { serve } from '../../apps/server/node_modules/@hono/node-server/dist/index.mjs';
import { Hono } from '../../apps/server/node_modules/hono/dist/index.js';

const body = {
  id: 1,
  subject: 'bench',
  version: 1,
  schema_type: 'JSON',
  schema: { type: 'object' },
};
const app = new Hono();
app.get('/bare', (c) => c.json(body));
app.post('/bare', async (c) =>
  c.json({ valid: true, received: Object.keys(await c.req.json()).length }),
);
const server = serve(
  { fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' },
  () => process.send?.('ready'),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
