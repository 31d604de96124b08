import { loadConfig } from './load-config.js';
import { startServer } from './start-server.js';

const config = loadConfig();
const server = await startServer(config);
if (config.logLevel !== 'silent') {
  console.log(
    JSON.stringify({
      level: 'info',
      msg: 'llmsr listening',
      url: `http://localhost:${server.port}`,
      storage: config.storageUrl.replace(/\/\/[^@/]*@/, '//***@'),
    }),
  );
}

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(JSON.stringify({ level: 'info', msg: `${signal}: draining and closing storage` }));
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
