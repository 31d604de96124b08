import { loadConfig, loadConnectPort } from './load-config.js';
import { createLogger } from './middleware/create-logger.js';
import { startServers } from './start-servers.js';

const config = loadConfig();
const logger = createLogger(config.logLevel);
const server = await startServers({ ...config, connectPort: loadConnectPort() });
logger.info(
  {
    url: `http://localhost:${server.port}`,
    connect: server.connectPort === undefined ? 'off' : `localhost:${server.connectPort}`,
    storage: config.storageUrl.replace(/\/\/[^@/]*@/, '//***@'),
  },
  'llmsr listening',
);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'draining and closing storage');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
