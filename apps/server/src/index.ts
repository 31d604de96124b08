/**
 * @llmsr/server: the llmsr REST server (Hono).
 * @module
 */

export { JSON_SCHEMA_DRAFTS } from '@llmsr/spec';
export { confluentRoutes } from './confluent/confluent-routes.js';
export { type CreateAppOptions, createApp } from './create-app.js';
export { ERROR_STATUS } from './error-status.js';
export { createMetrics, type ServerMetrics } from './metrics/create-metrics.js';
export { instrumentRegistry } from './metrics/instrument-registry.js';
export { createLogger, type LogLevel } from './middleware/create-logger.js';
export { DEFAULT_SERVER_CONFIG, type JsonSchemaDraft, type ServerConfig } from './server-config.js';
export { type AppOptions, type BodyLimits, DEFAULT_LIMITS } from './server-options.js';
export {
  type RunningServer,
  type SharedServerParts,
  startServer,
  type TlsCredentials,
} from './start-server.js';
export { attachChangeWebSocket } from './stream/attach-change-websocket.js';
export { streamRoutes } from './stream/stream-routes.js';
