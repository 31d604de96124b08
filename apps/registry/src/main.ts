#!/usr/bin/env node
import { createLogger } from '@llmsr/server';
import { describeStartupError } from './explain-startup-error.js';
import { loadConfig } from './load-config.js';
import { startRegistry } from './start-registry.js';

/** Past this, a shutdown that is still draining gives up and exits anyway. */
const FORCE_EXIT_MS = 10_000;

let running: Awaited<ReturnType<typeof startRegistry>>;
let logger: ReturnType<typeof createLogger>;
try {
  const config = loadConfig();
  logger = createLogger(config.logLevel);
  running = await startRegistry(config, { logger });
  logger.info(
    {
      url: `${running.tls ? 'https' : 'http'}://localhost:${running.port}`,
      tls: running.tls,
      connect: running.connectPort === undefined ? 'off' : `localhost:${running.connectPort}`,
      storage: config.storageUrl.replace(/\/\/[^@/]*@/, '//***@'),
    },
    'llmsr listening',
  );
} catch (error) {
  // One line naming the setting and the fix; the stack only for those who asked for it.
  process.stderr.write(`llmsr: ${describeStartupError(error)}\n`);
  if (process.env.LOG_LEVEL?.toLowerCase() === 'debug') console.error(error);
  process.exit(1);
}

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'draining and closing storage');
    setTimeout(() => process.exit(1), FORCE_EXIT_MS).unref();
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
