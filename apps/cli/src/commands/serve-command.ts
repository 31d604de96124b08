import { loadConfig, startServer } from '@llmsr/server';
import type { CliCommand } from '../cli-command.js';
import { EXIT } from '../exit-codes.js';

/** `llmsr serve`: start the registry in this process until SIGINT/SIGTERM. */
export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Start the registry server in this process (configured by PORT, STORAGE_URL, ...)',
  usage: '[options]',
  help: [['--port <n>', 'Port to listen on (overrides PORT)']],
  options: { port: { type: 'string' } },
  async run(context) {
    const { io } = context;
    const port = context.values.port;
    const env = typeof port === 'string' ? { ...io.env, PORT: port } : io.env;
    const server = await startServer(loadConfig(env));
    const url = `http://localhost:${server.port}`;
    if (context.json) io.stdout.write(`${JSON.stringify({ url, port: server.port })}\n`);
    else io.stdout.write(`llmsr listening on ${url}\n`);
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
