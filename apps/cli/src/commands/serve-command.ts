import type { CliCommand } from '../cli-command.js';
import { EXIT } from '../exit-codes.js';

/** `llmsr serve`: start the registry (REST and Connect-RPC) in this process until SIGINT/SIGTERM. */
export const serveCommand: CliCommand = {
  name: 'serve',
  summary:
    'Start the registry in this process: REST on PORT, Connect-RPC on CONNECT_PORT (configured by STORAGE_URL, ...)',
  usage: '[options]',
  help: [['--port <n>', 'Port of the REST API (overrides PORT)']],
  options: { port: { type: 'string' } },
  async run(context) {
    const { io } = context;
    // Loaded here, not at the top: every other command runs without the server code and drivers.
    const { loadConfig, startRegistry } = await import('@llmsr/registry');
    const port = context.values.port;
    const env = typeof port === 'string' ? { ...io.env, PORT: port } : io.env;
    // A startup failure is a StartupError worded for the operator (the setting and its fix).
    const server = await startRegistry(loadConfig(env));
    const url = `http://localhost:${server.port}`;
    const connect =
      server.connectPort === undefined ? undefined : `localhost:${server.connectPort}`;
    if (context.json) {
      io.stdout.write(
        `${JSON.stringify({ url, port: server.port, connectPort: server.connectPort ?? null })}\n`,
      );
    } else {
      io.stdout.write(
        `llmsr listening on ${url}${connect ? ` (Connect-RPC on ${connect})` : ''}\n`,
      );
    }
    await new Promise<void>((resolve) => {
      if (!io.signal || io.signal.aborted) {
        if (io.signal?.aborted) resolve();
        return;
      }
      io.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    io.stderr.write('draining and closing storage\n');
    await server.close();
    return EXIT.ok;
  },
};
