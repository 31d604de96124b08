/**
 * @llmsr/server: the llmsr REST server (Hono).
 * @module
 */

export { confluentRoutes } from './confluent/confluent-routes.js';
export { type CreateAppOptions, createApp } from './create-app.js';
export { ERROR_STATUS } from './error-status.js';
export { loadConfig, loadConnectPort, type ServerConfig } from './load-config.js';
export { createLogger } from './middleware/create-logger.js';
export { type AppOptions, type BodyLimits, DEFAULT_LIMITS } from './server-options.js';
export { type RunningServer, startServer } from './start-server.js';
export { type RunningServers, startServers } from './start-servers.js';
export { attachChangeWebSocket } from './stream/attach-change-websocket.js';
export { streamRoutes } from './stream/stream-routes.js';
